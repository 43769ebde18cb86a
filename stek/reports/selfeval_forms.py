"""The forms of the self-evaluation: the team's score of one statement with its evidence note
(scanned for personal data, bounded), a raters' link, and the raters' scores (no free text)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RaterKind, Score, TeamScore
from .selfeval import STATEMENTS


class TeamScoreForm(forms.ModelForm):
    """One statement's score in the meeting (one small form per statement: the team agrees on
    one at a time, and a save never loses what was typed in another)."""

    statement = forms.ChoiceField(choices=[(k, k) for k in STATEMENTS], widget=forms.HiddenInput)
    score = forms.TypedChoiceField(
        label=_("Score"), choices=Score.choices, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = TeamScore
        fields = ["score", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class RaterLinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Voor wie"), choices=RaterKind.choices)


def rater_field(statement):
    return forms.TypedChoiceField(
        label=statement.text,
        choices=Score.choices,
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
    )


class RaterForm(forms.Form):
    """Every statement with the scale; a rater may leave any out. No free text at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, statement in STATEMENTS.items():
            self.fields[key] = rater_field(statement)

    def scores(self):
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
