from django import forms
from django.utils.translation import gettext_lazy as _

from stek.advocacy.models import Dossier, Signal
from stek.core.forms import DateField, DateInput

from .enums import IdeaCategory, IdeaSource, IdeaState, OptionPictogram
from .models import ANSWER_MAX, IDEA_MAX, TITLE_MAX, Idea, Meeting


class IdeaForm(forms.ModelForm):
    """The idea box: a short text (scanned by the model's validator) and an optional
    category. The visitor's page and the onthaal tablet use it."""

    class Meta:
        model = Idea
        fields = ["text", "category"]
        labels = {"text": _("Jouw idee"), "category": _("Waarover gaat het? (mag leeg)")}
        help_texts = {
            "text": _(
                "Kort is goed: één of twee zinnen. Schrijf geen namen, telefoonnummers of adressen."
            )
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4, "maxlength": IDEA_MAX}),
            "category": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Zeg ik niet")), *IdeaCategory.choices]
        self.fields["category"].required = False


class StaffIdeaForm(IdeaForm):
    """At the onthaal: a visitor types on the tablet, or a volunteer types a paper slip."""

    source = forms.ChoiceField(
        label=_("Waar komt het idee vandaan?"),
        choices=[
            (IdeaSource.TABLET, IdeaSource.TABLET.label),
            (IdeaSource.PAPER, IdeaSource.PAPER.label),
        ],
        initial=IdeaSource.TABLET,
        widget=forms.RadioSelect,
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Antwoord voor de bezoekers"),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Aanvaard: wat is er gedaan. Niet aanvaard: waarom niet. Dit is openbaar."),
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Hetzelfde als"), queryset=Idea.objects.none())

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Idea.objects.filter(stek=idea.stek_id)
            .exclude(pk=idea.pk)
            .exclude(state=IdeaState.MERGED)
        )


class LinkForm(forms.Form):
    signal = forms.ModelChoiceField(
        label=_("Signaal"), queryset=Signal.objects.none(), required=False
    )
    dossier = forms.ModelChoiceField(
        label=_("Dossier"), queryset=Dossier.objects.none(), required=False
    )

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signal"].queryset = Signal.objects.filter(stek=idea.stek_id).order_by(
            "-week", "-pk"
        )
        self.fields["signal"].label_from_instance = lambda s: (
            f"{s.week:%d/%m/%Y} · {s.get_kind_display()} · {s.get_life_domain_display()}"
        )
        self.fields["dossier"].queryset = Dossier.objects.filter(
            network=idea.stek.network_id
        ).order_by("title")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "held_on", "quorum"]
        field_classes = {"held_on": DateField}
        widgets = {"held_on": DateInput()}


class OptionForm(forms.Form):
    idea = forms.ModelChoiceField(
        label=_("Een idee"), queryset=Idea.objects.none(), required=False,
        help_text=_("Of laat leeg en schrijf een vrije keuze."),
    )  # fmt: skip
    label = forms.CharField(label=_("Keuze (kort)"), max_length=TITLE_MAX, required=False)
    pictogram = forms.ChoiceField(label=_("Pictogram"), choices=OptionPictogram.choices)

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"].queryset = Idea.objects.filter(
            stek=stek, state__in=[IdeaState.PUBLISHED, IdeaState.IN_COUNCIL]
        )


class PaperForm(forms.Form):
    """One number per option: the hand-counted paper ballots."""

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = list(options)
        for option in self.options:
            self.fields[f"option_{option.pk}"] = forms.IntegerField(
                label=option.label, min_value=0, max_value=1000, required=False
            )

    def counts(self):
        return {o: self.cleaned_data.get(f"option_{o.pk}") or 0 for o in self.options}


class MeetingCodeForm(forms.Form):
    code = forms.CharField(
        label=_("De code van de stemming"),
        max_length=12,
        help_text=_("Je ziet de code op het scherm of het blad in de zaal."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
