from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import params
from .enums import AuditAction, MembershipRole, OrganisationKind, PartnershipRole
from .geocode import lookup_postcode, normalise_postcode
from .models import Organisation, Partnership, Stek
from .privacy import no_personal_data
from .validators import (
    normalise_kbo_number,
    normalise_phone_number,
    validate_kbo_number,
)


class DateInput(forms.DateInput):
    """The browser's date picker; the value in ISO form, the only one the picker reads."""

    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):
        super().__init__(attrs, format)


# --- Bounded input: every form field that reads a date or a list of ids -------------------
# The bounds live in stek.core.params, shared with the query-parameter parsers.


class DateField(forms.DateField):
    """A date within params.EARLIEST_DAY … LATEST_DAY: year 1 or 9999 is a form error, not an
    OverflowError later when a week or a month is added to it."""

    def validate(self, value):
        super().validate(value)
        if value is not None and not params.in_day_range(value):
            raise ValidationError(
                _("Kies een datum tussen %(first)s en %(last)s.")
                % {"first": params.EARLIEST_DAY.year, "last": params.LATEST_DAY.year},
                code="date_out_of_range",
            )


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of ids: a value that is no id (abc, -5, 999999999999999999999) is a form
    error before it reaches the database (an OverflowError in ``pk__in`` otherwise)."""

    def _check_values(self, value):
        if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        key = self.to_field_name or "pk"
        if key == "pk":
            for item in value:
                if params.parse_id(item) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(item)[:40]},
                    )
        return super()._check_values(value)


def bounded_formfield(db_field, **kwargs):
    """``Meta.formfield_callback`` for model forms: dates and many-to-many ids bounded."""
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    elif isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", DateField)
    return db_field.formfield(**kwargs)


def show_refusal(form, error):
    """Show a write that a service refused on the form: field errors by field, the rest at
    the top (also for fields the form does not have). What was typed stays in the form."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif getattr(error, "field", None) in form.fields:  # a ServiceError about one input
        form.add_error(error.field, str(error))
    else:
        form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))


def check_new_organisation(form, data, network, *, fields, missing, exists):
    """When no existing organisation is chosen, a new one needs a name and a kind, and the
    name may not already be taken in the network. ``fields``: (chosen, name, kind)."""
    chosen, name_field, kind_field = fields
    if data.get(chosen):
        return
    name = (data.get(name_field) or "").strip()
    if not name:
        form.add_error(name_field, missing)
    if not data.get(kind_field):
        form.add_error(kind_field, _("Kies de soort organisatie."))
    if name and Organisation.objects.filter(network=network, name__iexact=name).exists():
        form.add_error(name_field, exists)


# First path segments the site uses itself: a STEK may not take them as its slug.
RESERVED_SLUGS = {
    "s", "stek", "netwerk", "aanmelden", "afmelden", "wachtwoord", "i18n", "static", "healthz",
    "api", "admin", "media", "verwijzing",
}  # fmt: skip


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    shared_device = forms.BooleanField(
        label=_("Dit is een gedeelde tablet of computer"),
        help_text=_("Je wordt dan sneller automatisch afgemeld."),
        required=False,
    )

    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord passen niet bij elkaar. Let op hoofdletters. "
            "Na enkele foute pogingen wordt aanmelden even geblokkeerd."
        ),
        "inactive": _("Dit account is niet actief. Vraag je coördinator om hulp."),
    }


class StekForm(forms.ModelForm):
    class Meta:
        model = Stek
        fields = [
            "name",
            "slug",
            "kind",
            "street",
            "postal_code",
            "municipality",
            "latitude",
            "longitude",
            "service_area",
            "contact_email",
            "contact_phone",
            "count_rights_shown",
            "public_languages",
            "first_language",
        ]
        widgets = {"service_area": forms.Textarea(attrs={"rows": 3})}

    public_languages = forms.MultipleChoiceField(
        label=_("talen van de publieke pagina's"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=Stek._meta.get_field("public_languages").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["public_languages"] = self.instance.public_language_codes
        self.fields["first_language"].required = False
        self.fields["slug"].required = False
        self.fields["latitude"].help_text = _(
            "Bv. 51.054 en 3.722. Nodig om diensten op afstand te zoeken en voor het kaartje "
            "op het verwijsbriefje. Leeg laten: we vullen het midden van de postcode in. Wil je "
            "de deur zelf op de kaart? Zoek het adres op een kaart en kopieer de coördinaten."
        )
        self.fields["postal_code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "postal-code"}
        )

    def clean_first_language(self):
        return self.cleaned_data.get("first_language") or settings.LANGUAGE_CODE

    def clean_public_languages(self):
        # none ticked: the first language alone (Dutch unless chosen otherwise)
        return ",".join(self.cleaned_data.get("public_languages") or []) or (
            self.data.get("first_language") or settings.LANGUAGE_CODE
        )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))
        if not slug:
            raise forms.ValidationError(_("Geef een korte naam voor de webadressen."))
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Deze korte naam is voorbehouden. Kies een andere."))
        qs = Stek.objects.filter(slug=slug)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        if qs.exists():
            raise forms.ValidationError(_("Deze korte naam is al in gebruik. Kies een andere."))
        return slug

    def clean_contact_phone(self):
        return normalise_phone_number(self.cleaned_data.get("contact_phone"))

    def clean_postal_code(self):
        value = self.cleaned_data.get("postal_code", "")
        if not value.strip():
            return ""
        code = normalise_postcode(value)
        if not code:
            raise forms.ValidationError(_("Een Belgische postcode heeft 4 cijfers, bv. 9000."))
        return code

    def clean(self):
        data = super().clean()
        fill_from_postcode(self, data, language=data.get("first_language"))
        return data


def fill_from_postcode(form, data, language=None):
    """Empty coordinates and municipality come from the postcode (the offline table of
    ``stek.core.geocode``); what is typed stays. An unknown postcode is an error only when it
    would have to give the coordinates."""
    if "latitude" in form.errors or "longitude" in form.errors:
        return  # a coordinate that is no number: its own error says so
    code = data.get("postal_code")
    latitude, longitude = data.get("latitude"), data.get("longitude")
    if (latitude is None) != (longitude is None):
        form.add_error(
            "longitude" if longitude is None else "latitude",
            _("Vul de breedtegraad en de lengtegraad allebei in, of laat ze allebei leeg."),
        )
        return
    if not code or "postal_code" in form.errors:
        return
    place = lookup_postcode(code)
    if place is None:
        if latitude is None:
            form.add_error(
                "postal_code",
                _(
                    "Deze postcode kennen we niet. Kijk ze na, of vul de breedtegraad en "
                    "lengtegraad zelf in."
                ),
            )
        return
    if latitude is None:
        data["latitude"], data["longitude"] = place.latitude, place.longitude
    if not (data.get("municipality") or "").strip():
        data["municipality"] = place.municipality(language or "nl")


class PartnerFormBase(forms.Form):
    """The fields a new and an edited partner share: the organisation's details and its part
    in the STEK (a scanned free text)."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    kbo_number = forms.CharField(
        label=_("Ondernemingsnummer (KBO)"),
        required=False,
        help_text=_("Tien cijfers, bv. 0403.170.701."),
    )
    role = forms.ChoiceField(label=_("Rol in de STEK"), choices=PartnershipRole.choices)
    contribution = forms.CharField(
        label=_("Wat de organisatie inbrengt"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[no_personal_data],
        help_text=_(
            "Bv. 'permanentie elke dinsdag, lokaal, kookploeg'. Zet er geen namen, "
            "telefoonnummers, adressen of andere gegevens van personen in."
        ),
    )

    field_order = ["organisation", "name", "kind", "website", "kbo_number", "role", "contribution"]

    def clean_kbo_number(self):
        value = self.cleaned_data.get("kbo_number", "")
        validate_kbo_number(value)
        return normalise_kbo_number(value)


class PartnerCreateForm(PartnerFormBase):
    organisation = forms.ModelChoiceField(
        label=_("Bestaande organisatie uit het netwerk"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— een nieuwe organisatie —"),
    )
    name = forms.CharField(
        label=_("Naam van de nieuwe organisatie"), max_length=200, required=False
    )
    kind = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=[("", "—"), *OrganisationKind.choices],
        required=False,
    )

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.stek = stek
        partnering = Partnership.objects.filter(stek=stek, is_active=True).values("organisation")
        self.fields["organisation"].queryset = Organisation.objects.filter(
            network=stek.network
        ).exclude(pk__in=partnering)

    def clean(self):
        data = super().clean()
        check_new_organisation(
            self, data, self.stek.network, fields=("organisation", "name", "kind"),
            missing=_("Kies een bestaande organisatie of geef een naam."),
            exists=_("Deze organisatie bestaat al in het netwerk. Kies ze in de lijst hierboven."),
        )  # fmt: skip
        return data

    def new_organisation(self):
        d = self.cleaned_data
        if d.get("organisation"):
            return None
        return {
            "name": d["name"].strip(),
            "kind": d["kind"],
            "website": d.get("website", ""),
            "kbo_number": d.get("kbo_number", ""),
        }


class PartnerEditForm(PartnerFormBase):
    name = forms.CharField(label=_("Naam"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort organisatie"), choices=OrganisationKind.choices)

    def __init__(self, *args, partnership, **kwargs):
        org = partnership.organisation
        kwargs.setdefault(
            "initial",
            {
                "name": org.name,
                "kind": org.kind,
                "website": org.website,
                "kbo_number": org.kbo_display,
                "role": partnership.role,
                "contribution": partnership.contribution,
            },
        )
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        org = self.partnership.organisation
        if (
            Organisation.objects.filter(network=org.network, name__iexact=name)
            .exclude(pk=org.pk)
            .exists()
        ):
            raise forms.ValidationError(_("Een andere organisatie in het netwerk heet al zo."))
        return name

    def organisation_fields(self):
        return {k: self.cleaned_data[k] for k in ("name", "kind", "website", "kbo_number")}


class MemberCreateForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"))
    full_name = forms.CharField(
        label=_("Naam"),
        max_length=150,
        required=False,
        help_text=_("Alleen nodig voor iemand die nog geen account heeft."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Voor welke organisatie"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(label=_("Rol"), choices=MembershipRole.choices)

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnerships__stek=stek, partnerships__is_active=True
        )


class MemberEditForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Voor welke organisatie"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(label=_("Rol"), choices=MembershipRole.choices)

    def __init__(self, *args, membership, **kwargs):
        kwargs.setdefault(
            "initial", {"organisation": membership.organisation_id, "role": membership.role}
        )
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnerships__stek=membership.stek, partnerships__is_active=True
        )


class NewStekForm(StekForm):
    """A network admin adds a STEK with its lead partner and first coordinator."""

    lead_organisation = forms.ModelChoiceField(
        label=_("Trekkende organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— een nieuwe organisatie —"),
    )
    lead_name = forms.CharField(
        label=_("Naam van de nieuwe organisatie"), max_length=200, required=False
    )
    lead_kind = forms.ChoiceField(
        label=_("Soort organisatie"), choices=[("", "—"), *OrganisationKind.choices], required=False
    )
    coordinator_email = forms.EmailField(label=_("E-mailadres van de coördinator"))
    coordinator_name = forms.CharField(label=_("Naam van de coördinator"), max_length=150)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["lead_organisation"].queryset = Organisation.objects.filter(network=network)

    def clean(self):
        data = super().clean()
        check_new_organisation(
            self, data, self.network, fields=("lead_organisation", "lead_name", "lead_kind"),
            missing=_("Kies een organisatie of geef een naam."),
            exists=_("Deze organisatie bestaat al in het netwerk. Kies ze in de lijst."),
        )  # fmt: skip
        return data

    def stek_fields(self):
        return {name: self.cleaned_data[name] for name in StekForm.Meta.fields}

    def coordinator(self):
        d = self.cleaned_data
        new = None
        if not d.get("lead_organisation"):
            new = {"name": d["lead_name"].strip(), "kind": d["lead_kind"]}
        return {
            "email": d["coordinator_email"],
            "full_name": d["coordinator_name"],
            "organisation": d.get("lead_organisation"),
            "new_organisation": new,
        }


class AuditFilterForm(forms.Form):
    """The audit log's filter (GET): a word, the kind of action, a period."""

    q = forms.CharField(
        label=_("Zoeken"), required=False, max_length=100,
        help_text=_("Een e-mailadres, een naam van een activiteit, dossier, dienst of STEK."),
    )  # fmt: skip
    actie = forms.ChoiceField(
        label=_("Wat"), required=False, choices=[("", _("Alles")), *AuditAction.choices]
    )
    van = DateField(label=_("Van"), required=False, widget=DateInput())
    tot = DateField(label=_("Tot en met"), required=False, widget=DateInput())

    def filter(self, events):
        """The events that match; an invalid filter filters on its valid parts only."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            word = data["q"].strip()
            events = events.filter(
                models.Q(actor_label__icontains=word)
                | models.Q(target__icontains=word)
                | models.Q(detail__icontains=word)
                | models.Q(stek__name__icontains=word)
            )
        if data.get("actie"):
            events = events.filter(action=data["actie"])
        if data.get("van"):
            events = events.filter(created_at__date__gte=data["van"])
        if data.get("tot"):
            events = events.filter(created_at__date__lte=data["tot"])
        return events
