from django import forms
from django.utils.translation import gettext_lazy as _

from stek.core.forms import DateField, DateInput, bounded_formfield
from stek.core.models import Organisation
from stek.core.privacy.contacts import ContactsAllowedForm, published_contacts
from stek.core.privacy.validators import no_personal_data

from .enums import ChangeKind, Recurrence
from .models import Activity, Pause, TallyCategory


class ActivityForm(ContactsAllowedForm, forms.ModelForm):
    """Every text is scanned once, by the model's validators (the STEK's and its partners'
    published contact details allowed); the service saves with the same allowed set."""

    class Meta:
        model = Activity
        formfield_callback = bounded_formfield
        fields = [
            "title", "description", "pictogram",
            "is_meet", "is_learn", "is_refer", "is_advocate",
            "organisations", "presenter",
            "start_date", "end_date", "start_time", "end_time", "recurrence", "month_week",
            "place", "access", "is_free", "price", "price_note",
            "audience", "languages", "accessibility",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "organisations": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "start_date": _(
                "De weekdag volgt uit de eerste keer: begint de activiteit op een dinsdag, "
                "dan komt ze terug op dinsdag."
            ),
            "month_week": _(
                "Alleen bij 'Elke maand op dezelfde weekdag'. Leeg: dezelfde week van de maand "
                "als de eerste keer."
            ),
        }

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Organisation.objects.filter(
            partnerships__stek=stek, partnerships__is_active=True
        )
        self.fields["organisations"].queryset = partners
        self.fields["presenter"].queryset = partners
        self.allowed_contacts = published_contacts(stek)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Het einduur komt na het beginuur."))
        if (
            data.get("end_date")
            and data.get("start_date")
            and data["end_date"] < data["start_date"]
        ):
            self.add_error("end_date", _("De laatste keer komt na de eerste keer."))
        if not any(data.get(f) for f in ("is_meet", "is_learn", "is_refer", "is_advocate")):
            self.add_error(
                None, _("Kies minstens één functie: ontmoeten, leren, verwijzen of politiseren.")
            )
        if not data.get("is_free") and data.get("price") is None:
            self.add_error("price", _("Geef de prijs, of vink 'gratis' aan."))
        if data.get("recurrence") != Recurrence.MONTHLY:
            data["month_week"] = None
        return data


class SessionChangeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat verandert"), choices=ChangeKind.choices, widget=forms.RadioSelect
    )
    new_date = DateField(label=_("Nieuwe datum"), required=False, widget=DateInput())
    new_start = forms.TimeField(
        label=_("Nieuw beginuur"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    new_end = forms.TimeField(
        label=_("Nieuw einduur"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    notice = forms.CharField(
        label=_("Bericht voor de bezoekers"), required=False, max_length=200,
        validators=[no_personal_data],
        help_text=_("Kort en duidelijk. Bv. 'Vandaag geen soep. Volgende week gewoon weer.'"),
    )  # fmt: skip
    # "Moved needs a new date or time" is checked once, by services.change_session; the view
    # shows its refusal on new_date.


class TallyCategoryForm(forms.ModelForm):
    class Meta:
        model = TallyCategory
        formfield_callback = bounded_formfield
        fields = ["label", "order"]

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.stek = stek

    # A label taken in the STEK ("kind" and "Kind" are one) is refused by
    # services.add_category; the view shows it on the label.


class PauseForm(forms.ModelForm):
    class Meta:
        model = Pause
        formfield_callback = bounded_formfield
        fields = ["label", "start", "end", "activity"]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
        }

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(stek=stek, is_active=True)
        self.fields["activity"].empty_label = _("Alle activiteiten")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Het einde komt na het begin."))
        return data
