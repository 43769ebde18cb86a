from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stek.core.models import Organisation
from stek.core.privacy.validators import no_personal_data

from .enums import AllowanceKind
from .models import Role


class RoleForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = [
            "name", "pictogram", "what_you_do", "what_we_expect", "who_to_ask", "requirement",
            "needs_partner", "partner", "is_active",
        ]  # fmt: skip
        widgets = {
            "what_you_do": forms.Textarea(attrs={"rows": 3}),
            "what_we_expect": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Organisation.objects.filter(
            partnerships__stek=stek, partnerships__is_active=True
        ).order_by("name")

    def clean(self):
        """A partner role's name is published with the partner's presence ("Aanwezig: OCMW
        (sociaal werker) 13:00–15:00"), so it passes the personal-data scanner; a volunteer
        role's name stays inside the STEK."""
        cleaned = super().clean()
        if cleaned.get("needs_partner") and cleaned.get("name"):
            try:
                no_personal_data(cleaned["name"])
            except ValidationError as error:
                self.add_error("name", error)
        return cleaned


class NeedForm(forms.Form):
    role = forms.ModelChoiceField(label=_("rol"), queryset=Role.objects.none())
    count = forms.IntegerField(label=_("hoeveel mensen"), min_value=1, max_value=50, initial=1)

    def __init__(self, *args, stek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = Role.objects.filter(stek=stek, is_active=True)


class SigninRequestForm(forms.Form):
    email = forms.EmailField(label=_("Je e-mailadres"), max_length=254)


class AllowanceForm(forms.Form):
    take = forms.ModelChoiceField(label=_("beurt"), queryset=None)
    kind = forms.ChoiceField(label=_("soort"), choices=AllowanceKind.choices)
    amount = forms.DecimalField(
        label=_("bedrag (euro)"), min_value=Decimal("0.01"), max_digits=7, decimal_places=2
    )

    def __init__(self, *args, takes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["take"].queryset = takes
        self.fields["take"].label_from_instance = lambda t: (
            f"{t.date:%d/%m/%Y} · {t.role.name} · {t.activity.title}"
        )


class KilometreForm(forms.Form):
    take = forms.ModelChoiceField(label=_("beurt"), queryset=None)
    km = forms.IntegerField(label=_("kilometers (heen en terug)"), min_value=1, max_value=1000)

    def __init__(self, *args, takes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["take"].queryset = takes
        self.fields["take"].label_from_instance = lambda t: (
            f"{t.date:%d/%m/%Y} · {t.role.name} · {t.activity.title}"
        )
