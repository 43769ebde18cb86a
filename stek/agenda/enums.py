from django.db import models
from django.utils.translation import gettext_lazy as _


class Recurrence(models.TextChoices):
    ONCE = "once", _("Eenmalig")
    WEEKLY = "weekly", _("Elke week")
    BIWEEKLY = "biweekly", _("Om de twee weken")
    MONTHLY = "monthly", _("Elke maand op dezelfde weekdag")


class MonthWeek(models.IntegerChoices):
    FIRST = 1, _("eerste")
    SECOND = 2, _("tweede")
    THIRD = 3, _("derde")
    FOURTH = 4, _("vierde")
    LAST = -1, _("laatste")


class ActivityAccess(models.TextChoices):
    WALK_IN = "walk_in", _("Vrij binnenlopen")
    REGISTRATION = "registration", _("Inschrijven")


class ChangeKind(models.TextChoices):
    CANCELLED = "cancelled", _("Gaat niet door")
    MOVED = "moved", _("Verplaatst")


class Pictogram(models.TextChoices):
    COFFEE = "coffee", _("Koffie")
    MEAL = "meal", _("Maaltijd")
    CHILDREN = "children", _("Kinderen")
    COMPUTER = "computer", _("Computer")
    COOKING = "cooking", _("Koken")
    MEETING = "meeting", _("Overleg")
    INFO = "info", _("Info en hulp")
    PAPERS = "papers", _("Papieren")
    OTHER = "other", _("Andere")


class Function(models.TextChoices):
    """The four functions of the STEK model."""

    MEET = "ontmoeten", _("ontmoeten")
    LEARN = "leren", _("leren")
    REFER = "verwijzen", _("verwijzen")
    ADVOCATE = "politiseren", _("politiseren")


# The four functions in a visitor's words, each with its pictogram: the public pages (the
# programme's filter and its badges) speak these, the staff pages keep the model's words.
FUNCTION_FOR_VISITORS = {
    Function.MEET: _("Samen zijn"),
    Function.LEARN: _("Iets leren"),
    Function.REFER: _("Hulp vinden"),
    Function.ADVOCATE: _("Samen opkomen voor onze rechten"),
}
FUNCTION_PICTOGRAMS = {
    Function.MEET: Pictogram.COFFEE,
    Function.LEARN: Pictogram.COMPUTER,
    Function.REFER: Pictogram.INFO,
    Function.ADVOCATE: Pictogram.MEETING,
}
