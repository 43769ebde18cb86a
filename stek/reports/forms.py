from django import forms
from django.utils.translation import gettext_lazy as _

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's validators (length, format, scanner) all speak about a long code at
        # once: the form's own length check would stop them and hide what the scanner found.
        code = self.fields["bbc_code"]
        code.max_length = None
        code.validators = [v for v in code.validators if not hasattr(v, "limit_value")]
        code.widget.attrs.pop("maxlength", None)


class DashboardForm(forms.Form):
    """The network dashboard's choices: the reports' year (STEKs side by side, reciprocity)
    and the grid period of the recurring problems (the network's signals, ADR 0006)."""

    jaar = forms.ChoiceField(label=_("Jaar van de jaarverslagen"), required=False)
    periode = forms.ChoiceField(label=_("Periode van de signalen"), required=False)

    def __init__(self, *args, years=(), periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(str(y), str(y)) for y in years]
        self.fields["periode"].choices = [(p.code, label) for p, label in periods]
