from django import forms
from django.utils.translation import gettext_lazy as _

from stek.core.forms import DateField, DateInput, ModelMultipleChoiceField, bounded_formfield
from stek.core.models import User
from stek.core.privacy import no_personal_data
from stek.core.vocabulary import (
    SYNONYMS_MAX,
    Barrier,
    LifeDomain,
    Topic,
    validate_synonyms,
)

from .enums import DossierStep, SignalKind, SignalSource
from .models import Addressee, Dossier, DossierAction


class SignalForm(forms.Form):
    """The last tap: the topic, with optional barriers and a quote (only with consent)."""

    kind = forms.ChoiceField(choices=SignalKind.choices, widget=forms.HiddenInput)
    life_domain = forms.ChoiceField(choices=LifeDomain.choices, widget=forms.HiddenInput)
    source = forms.ChoiceField(
        choices=SignalSource.choices, widget=forms.HiddenInput, initial=SignalSource.DIRECT
    )
    topic = forms.ModelChoiceField(queryset=Topic.objects.none(), required=False)
    barriers = forms.MultipleChoiceField(
        label=_("Drempels (niet verplicht)"),
        choices=Barrier.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quote = forms.CharField(
        label=_("Korte quote (niet verplicht)"),
        max_length=280,
        required=False,
        validators=[no_personal_data],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wat zei de bezoeker? Geen namen, adressen of nummers."),
    )
    quote_consent = forms.BooleanField(
        label=_("De bezoeker gaf toestemming om dit te gebruiken"), required=False
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.for_network(network.pk)

    def clean(self):
        # A quote needs the visitor's consent: checked once, by services.register_signal (the
        # view shows its refusal on quote_consent).
        data = super().clean()
        topic = data.get("topic")
        if topic and data.get("life_domain") and topic.life_domain != data["life_domain"]:
            data["life_domain"] = topic.life_domain
        return data


class TopicForm(forms.Form):
    # A custom topic's name goes to the network's lists and CSV exports: it names nobody.
    name = forms.CharField(
        label=_("Naam van het onderwerp"), max_length=120, validators=[no_personal_data]
    )
    life_domain = forms.ChoiceField(label=_("Levensdomein"), choices=LifeDomain.choices)
    # Everyday words the social map's search finds the topic by (issue 16): the network reads
    # them, so they are scanned like the name.
    synonyms = forms.CharField(
        label=_("Zoekwoorden (niet verplicht)"),
        help_text=_("Woorden waarmee mensen dit onderwerp zoeken, gescheiden door komma's."),
        required=False,
        max_length=SYNONYMS_MAX,
        validators=[no_personal_data, validate_synonyms],
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PeriodForm(forms.Form):
    van = DateField(label=_("Van"), required=False, widget=DateInput())
    tot = DateField(label=_("Tot en met"), required=False, widget=DateInput())


class GridPeriodForm(forms.Form):
    """The network view's period: a month, a quarter or a year on the fixed grid (ADR 0006)."""

    periode = forms.ChoiceField(label=_("Periode"), required=False)

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = [(p.code, label) for p, label in periods]


class DossierForm(forms.ModelForm):
    life_domains = forms.MultipleChoiceField(
        label=_("Levensdomeinen"),
        choices=LifeDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    barriers = forms.MultipleChoiceField(
        label=_("Drempels die het dossier toont (niet verplicht)"),
        help_text=_(
            "De cijfers tellen alle signalen over de onderwerpen; per drempel toont het dossier "
            "deze drempels, en de citaten komen uit signalen met een van deze drempels."
        ),
        choices=Barrier.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Dossier
        formfield_callback = bounded_formfield
        fields = [
            "title", "problem", "situation", "positions", "ask", "topics", "life_domains",
            "barriers", "evidence_from",
        ]  # fmt: skip
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "situation": forms.Textarea(attrs={"rows": 4}),
            "positions": forms.Textarea(attrs={"rows": 4}),
            "ask": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "evidence_from": DateInput(),
        }
        help_texts = {
            "topics": _("De signalen over deze onderwerpen of levensdomeinen zijn het bewijs."),
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.for_network(network.pk)
        self.fields["topics"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("topics") and not data.get("life_domains"):
            raise forms.ValidationError(
                _("Kies minstens één onderwerp of levensdomein: die signalen zijn het bewijs.")
            )
        return data


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("Stap"), choices=DossierStep.choices)
    reached_on = DateField(label=_("Datum"), widget=DateInput())
    owner = forms.ModelChoiceField(
        label=_("Wie trekt deze stap?"), queryset=User.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Notitie"), max_length=300, required=False, validators=[no_personal_data]
    )

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            memberships__stek=stek, memberships__is_active=True, memberships__role__in=[
                "worker", "coordinator"
            ]
        ).distinct()  # fmt: skip


class DossierOutcomeForm(forms.ModelForm):
    class Meta:
        model = Dossier
        formfield_callback = bounded_formfield
        fields = ["outcome", "outcome_note"]
        widgets = {"outcome_note": forms.Textarea(attrs={"rows": 2})}


class InviteForm(forms.Form):
    steks = ModelMultipleChoiceField(
        label=_("Nodig STEKs uit om mee te ondertekenen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["steks"].queryset = candidates


class TestimonyForm(forms.Form):
    text = forms.CharField(
        label=_("Getuigenis"),
        max_length=1500,
        validators=[no_personal_data],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In de woorden van de bezoeker, zonder namen, adressen of nummers."),
    )
    # Not required here: consent is checked once, by services.add_testimony (a constraint backs
    # it up); the view shows its refusal on this box.
    consent = forms.BooleanField(
        label=_("De bezoeker gaf toestemming om dit te gebruiken"), required=False
    )


class AddresseeForm(forms.ModelForm):
    class Meta:
        model = Addressee
        formfield_callback = bounded_formfield
        fields = [
            "level", "body", "presented_on", "response", "responded_on", "follow_up_on",
            "followed_up",
        ]  # fmt: skip
        widgets = {
            "presented_on": DateInput(),
            "responded_on": DateInput(),
            "follow_up_on": DateInput(),
            "response": forms.Textarea(attrs={"rows": 3}),
        }


class ActionForm(forms.ModelForm):
    class Meta:
        model = DossierAction
        formfield_callback = bounded_formfield
        fields = ["kind", "date", "description", "visitors"]
        widgets = {"date": DateInput()}
