from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def home_panel(user, stek):
    """The STEK home page's links to the idea box at the onthaal and, for workers, the
    ideas waiting for moderation."""
    from . import permissions
    from .enums import IdeaState
    from .models import Idea

    if not permissions.can_take_ideas(user, stek):
        return {}
    context = {"can_moderate": permissions.can_moderate(user, stek)}
    if context["can_moderate"]:
        context["waiting"] = Idea.objects.filter(stek=stek, state=IdeaState.NEW).count()
    return context


class ParticipationConfig(AppConfig):
    name = "stek.participation"
    verbose_name = _("Inspraak van bezoekers")

    def ready(self):
        from stek.core import panels

        panels.register("participation", "participation/partials/home_panel.html", home_panel)
