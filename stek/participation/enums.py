from django.db import models
from django.utils.translation import gettext_lazy as _


class IdeaState(models.TextChoices):
    """new → published → in council → accepted / declined; a duplicate is merged into another."""

    NEW = "new", _("Nieuw")
    PUBLISHED = "published", _("Gepubliceerd")
    IN_COUNCIL = "in_council", _("In de bezoekersraad")
    ACCEPTED = "accepted", _("Aanvaard")
    DECLINED = "declined", _("Niet aanvaard")
    MERGED = "merged", _("Samengevoegd")


# What visitors may see: an idea a worker approved, and everything after that.
VISIBLE_STATES = (IdeaState.PUBLISHED, IdeaState.IN_COUNCIL, IdeaState.ACCEPTED, IdeaState.DECLINED)
ANSWERED_STATES = (IdeaState.ACCEPTED, IdeaState.DECLINED)


class IdeaSource(models.TextChoices):
    BOX = "box", _("Ideeënbus op de website")
    TABLET = "tablet", _("Tablet aan het onthaal")
    PAPER = "paper", _("Papiertje (overgetypt)")


class IdeaCategory(models.TextChoices):
    """An optional category with a pictogram (the pictograms of the public pages)."""

    FOOD = "food", _("Eten en drinken")
    ACTIVITY = "activity", _("Activiteiten")
    HELP = "help", _("Hulp en info")
    CHILDREN = "children", _("Kinderen")
    PLACE = "place", _("Het huis")
    OTHER = "other", _("Iets anders")


CATEGORY_PICTOGRAMS = {
    IdeaCategory.FOOD: "meal",
    IdeaCategory.ACTIVITY: "meeting",
    IdeaCategory.HELP: "info",
    IdeaCategory.CHILDREN: "children",
    IdeaCategory.PLACE: "coffee",
    IdeaCategory.OTHER: "other",
}


class MeetingState(models.TextChoices):
    DRAFT = "draft", _("In voorbereiding")
    OPEN = "open", _("Stemming open")
    CLOSED = "closed", _("Stemming gesloten")


class VoteSource(models.TextChoices):
    TABLET = "tablet", _("Tablet (begeleid)")
    PHONE = "phone", _("Eigen gsm met de code")
    PAPER = "paper", _("Papieren stembrief (geteld)")


class OptionPictogram(models.TextChoices):
    MEAL = "meal", _("Maaltijd")
    COFFEE = "coffee", _("Koffie")
    MEETING = "meeting", _("Samen praten")
    COMPUTER = "computer", _("Computer")
    CHILDREN = "children", _("Kinderen")
    INFO = "info", _("Info")
    PAPERS = "papers", _("Papieren")
    OTHER = "other", _("Iets anders")
