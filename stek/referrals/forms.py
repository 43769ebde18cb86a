from django import forms
from django.utils.translation import gettext_lazy as _

from stek.core.vocabulary import Barrier, Topic

from . import codes
from .enums import (
    CLOSING_OUTCOMES,
    REASONS_FOR,
    Reason,
    ReferralOutcome,
    SlipLanguage,
    Status,
    reason_error,
)


class ReferralForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("Voor welke nood of vraag?"), queryset=Topic.objects)
    barrier = forms.ChoiceField(
        label=_("Drempel die de bezoeker ervaart (niet verplicht)"),
        choices=[("", _("Geen of niet gevraagd"))] + list(Barrier.choices),
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Taal van het briefje"),
        choices=SlipLanguage.choices,
        widget=forms.RadioSelect,
        initial="nl",
    )
    warm_handover = forms.BooleanField(
        label=_("Warme overdracht: ik bel de dienst of ga mee"), required=False
    )

    def __init__(self, *args, stek, service, topic_code="", **kwargs):
        """``topic_code`` presets the need, e.g. a right id when the worker refers from a
        rights-check result; otherwise the service's only topic, if it has one."""
        super().__init__(*args, **kwargs)
        topics = Topic.objects.for_network(stek.network_id)
        field = self.fields["topic"]
        field.queryset = topics
        every = list(topics)
        own_ids = set(service.topics.values_list("pk", flat=True))
        own = [t for t in every if t.pk in own_ids]
        others = [(t.pk, str(t)) for t in every if t.pk not in own_ids]
        if own:  # the service's own topics first, the others after them
            field.choices = [
                ("", _("Kies een onderwerp")),
                (_("Onderwerpen van deze dienst"), [(t.pk, str(t)) for t in own]),
                (_("Andere onderwerpen"), others),
            ]
        else:
            field.choices = [("", _("Kies een onderwerp")), *others]
        if self.is_bound:
            return
        asked = next((t for t in every if topic_code in (t.code, str(t.pk))), None)
        if asked is not None:
            self.fields["topic"].initial = asked.pk
        elif len(own) == 1:
            self.fields["topic"].initial = own[0].pk


class ReferralOutcomeForm(forms.Form):
    """Arrived, or closed with an outcome and a coded reason; never free text."""

    status = forms.ChoiceField(
        label=_("Wat is er gebeurd?"),
        choices=[
            (Status.ARRIVED, _("De bezoeker is aangekomen (de hulp loopt nog)")),
            (Status.CLOSED, _("Afgesloten, met een uitkomst")),
        ],
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("", "—")] + [(o, ReferralOutcome(o).label) for o in CLOSING_OUTCOMES],
        required=False,
        widget=forms.Select(attrs={"data-outcome": ""}),
    )
    reason = forms.ChoiceField(
        label=_("Reden (als het niet lukte)"),
        help_text=_("Alleen de redenen die bij de uitkomst passen."),
        choices=[("", "—")]
        + [
            (ReferralOutcome(o).label, [(r, Reason(r).label) for r in reasons])
            for o, reasons in REASONS_FOR.items()
            if reasons
        ],
        required=False,
        widget=forms.Select(attrs={"data-reason": ""}),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == Status.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Kies een uitkomst om af te sluiten."))
        if data.get("status") == Status.ARRIVED:
            data["outcome"] = data["reason"] = ""
        outcome, reason = data.get("outcome"), data.get("reason")
        if outcome and reason and reason not in REASONS_FOR.get(outcome, ()):
            self.add_error("reason", reason_error(outcome, reason))
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code op het briefje"),
        max_length=20,
        help_text=_("10 tekens, bv. K7QM3-XHD9P. Kleine of grote letters mag."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("Dit is geen geldige code. Een code heeft 10 tekens, zoals K7QM3-XHD9P.")
            )
        return code
