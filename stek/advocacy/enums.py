from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalKind(models.TextChoices):
    NEED = "need", _("Nood")
    QUESTION = "question", _("Vraag")
    PROBLEM = "problem", _("Probleem")


class SignalSource(models.TextChoices):
    DIRECT = "direct", _("Rechtstreeks")
    REFERRAL = "referral", _("Bij een verwijzing")
    RIGHTS_CHECK = "rights_check", _("Bij de rechtencheck")


class DossierStep(models.TextChoices):
    """The path of a policy signal (as in the Ghent signal process)."""

    NOTICED = "opgemerkt", _("Opgemerkt")
    COLLECTED = "verzameld", _("Verzameld")
    BUNDLED = "gebundeld", _("Gebundeld")
    ANALYSED = "geanalyseerd", _("Geanalyseerd")
    REPORTED = "gerapporteerd", _("Gerapporteerd")
    DECISION = "beslissing", _("Beslissing")
    ACTION = "actie", _("Actie")
    FEEDBACK = "feedback", _("Feedback")


STEP_ORDER = list(DossierStep.values)


class Level(models.TextChoices):
    LOCAL = "local", _("Lokaal")
    FLEMISH = "flemish", _("Vlaams")
    BRUSSELS = "brussels", _("Brussels")
    FEDERAL = "federal", _("Federaal")


class ActionKind(models.TextChoices):
    GROUP_MEETING = "group_meeting", _("Groepsgesprek met bezoekers")
    COUNCIL_TESTIMONY = "council_testimony", _("Getuigenis op een raad")
    LETTER = "letter", _("Brief")
    SERVICE_MEETING = "service_meeting", _("Overleg met een dienst")
    OTHER = "other", _("Andere actie")


class DossierOutcome(models.TextChoices):
    PENDING = "pending", _("Nog bezig")
    ACHIEVED = "achieved", _("Structurele verandering bereikt")
    PARTLY = "partly", _("Deels bereikt")
    NOT = "not", _("Niet bereikt")


class Signing(models.TextChoices):
    INVITED = "invited", _("Uitgenodigd")
    SIGNED = "signed", _("Mee ondertekend")
    DECLINED = "declined", _("Niet mee")
