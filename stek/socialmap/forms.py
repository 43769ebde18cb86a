from django import forms
from django.utils.translation import gettext_lazy as _

from stek.core.forms import DateInput, bounded_formfield
from stek.core.privacy.contacts import ContactsAllowedForm, contact_strings, published_contacts
from stek.core.validators import validate_phone_number
from stek.core.vocabulary import LifeDomain, Topic

from .contacts import contacts_of_service, service_contacts
from .enums import LANGUAGES, ServiceAccess
from .models import Location, Service, ServiceNotice


class ServiceForm(ContactsAllowedForm, forms.ModelForm):
    """Every text is scanned once, by the model's validators, with the published contact
    details allowed: the STEK's and its partners', and the service's own as typed here."""

    access = forms.MultipleChoiceField(
        label=_("Hoe binnenkomen"),
        choices=ServiceAccess.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    url = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Service
        formfield_callback = bounded_formfield
        fields = [
            "organisation",
            "name",
            "name_fr",
            "name_en",
            "description",
            "description_fr",
            "description_en",
            "topics",
            "eligibility",
            "eligibility_fr",
            "eligibility_en",
            "minimum_age",
            "maximum_age",
            "cost",
            "fees_description",
            "required_documents",
            "access",
            "application_process",
            "languages",
            "accessibility",
            "locations",
            "opening_hours",
            "phone",
            "email",
            "url",
            "visibility",
            "status",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_fr": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "eligibility": forms.Textarea(attrs={"rows": 2}),
            "eligibility_fr": forms.Textarea(attrs={"rows": 2}),
            "eligibility_en": forms.Textarea(attrs={"rows": 2}),
            "required_documents": forms.Textarea(attrs={"rows": 3}),
            "application_process": forms.Textarea(attrs={"rows": 2}),
            "topics": forms.CheckboxSelectMultiple,
            "locations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, stek, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["topics"].queryset = Topic.objects.for_network(stek.network_id)
        self.fields["locations"].queryset = Location.objects.filter(
            organisation__network=stek.network_id
        ).select_related("organisation")
        self.fields["languages"].choices = [(code, name) for code, name in LANGUAGES.items()]
        self.fields["phone"].validators.append(validate_phone_number)
        self.stek = stek
        self.allowed_contacts = published_contacts(stek)

    def extra_contacts(self, data):
        return service_contacts(
            self.stek,
            phone=data.get("phone") or "",
            email=data.get("email") or "",
            locations=data.get("locations") or (),
            organisation=data.get("organisation"),
        )

    def clean(self):
        data = super().clean()
        organisation, locations = data.get("organisation"), data.get("locations")
        if organisation and locations:
            foreign = [loc for loc in locations if loc.organisation_id != organisation.pk]
            if foreign:
                self.add_error(
                    "locations",
                    _("Kies alleen locaties van %(org)s.") % {"org": organisation.name},
                )
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", _("De maximumleeftijd is lager dan de minimumleeftijd."))
        return data


class LocationForm(ContactsAllowedForm, forms.ModelForm):
    """The name and the transport line are scanned; the address itself is the organisation's
    published address, which they may repeat."""

    class Meta:
        model = Location
        formfield_callback = bounded_formfield
        fields = [
            "organisation",
            "name",
            "street",
            "postal_code",
            "municipality",
            "latitude",
            "longitude",
            "transport",
        ]

    def __init__(self, *args, organisations, stek=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.allowed_contacts = published_contacts(stek)
        self.fields["latitude"].help_text = _("Bv. 51.054 (Gent). Nodig voor de kaart en afstand.")

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise forms.ValidationError(_("Vul beide coördinaten in, of geen van beide."))
        if lat is not None and not (49.4 <= lat <= 51.6 and 2.5 <= lon <= 6.5):
            raise forms.ValidationError(_("Deze coördinaten liggen niet in België."))
        return data

    def extra_contacts(self, data):
        own = [(data.get("street"), data.get("postal_code"), data.get("municipality"))]
        return contact_strings(addresses=own)


class NoticeForm(ContactsAllowedForm, forms.ModelForm):
    """The message is scanned; with ``stek`` and ``service`` it may name their published
    contact details (the service's phone, e-mail and address)."""

    class Meta:
        model = ServiceNotice
        formfield_callback = bounded_formfield
        fields = ["kind", "starts_on", "ends_on", "message"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, stek=None, service=None, **kwargs):
        super().__init__(*args, **kwargs)
        if stek is not None and service is not None:
            self.allowed_contacts = contacts_of_service(stek, service)

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("De einddatum ligt voor de begindatum."))
        return data


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek"), required=False, max_length=100)
    domain = forms.ChoiceField(
        label=_("Levensdomein"),
        required=False,
        choices=[("", _("Alle levensdomeinen"))] + list(LifeDomain.choices),
    )
    topic = forms.ModelChoiceField(
        label=_("Nood of thema"),
        required=False,
        queryset=Topic.objects.none(),
        empty_label=_("Alle thema's"),
    )
    open_now = forms.BooleanField(label=_("Nu open"), required=False)
    max_km = forms.ChoiceField(
        label=_("Afstand van de STEK"),
        required=False,
        choices=[
            ("", _("Elke afstand")),
            ("1", _("tot 1 km")),
            ("3", _("tot 3 km")),
            ("10", _("tot 10 km")),
            ("25", _("tot 25 km")),
        ],
    )

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.for_network(stek.network_id)
