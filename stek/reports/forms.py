from django import forms

from .models import YearReport


class FreezeForm(forms.ModelForm):
    """The team's own words in the yearly report (scanned for personal data) and the BBC code."""

    class Meta:
        model = YearReport
        fields = ["highlights", "plans", "bbc_code"]
        widgets = {
            "highlights": forms.Textarea(attrs={"rows": 4}),
            "plans": forms.Textarea(attrs={"rows": 4}),
        }
