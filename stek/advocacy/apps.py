from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def signals_changed(sender, **kwargs):
    """A signal, barrier or frozen month saved or deleted: a new signals version. A function
    of the module, not of ``ready()``: a receiver is held by a weak reference, and a local
    function would be collected, so no save would ever renew the counts."""
    from . import publication

    publication.signals_changed()


class AdvocacyConfig(AppConfig):
    name = "stek.advocacy"
    verbose_name = _("Politiseren: signalen en dossiers")

    def ready(self):
        from stek.core import audit, panels

        from .enums import ActionKind, DossierOutcome, DossierStep, Signing

        audit.register_codes(ActionKind, DossierOutcome, DossierStep, Signing)

        from .followups import due_follow_ups

        def follow_ups(user, stek):
            found = due_follow_ups(user, stek)
            return {"follow_ups": found} if found else {}

        panels.register("follow_ups", "advocacy/partials/home_follow_ups.html", follow_ups)

        from django.db.models.signals import post_delete, post_save

        from .models import FrozenMonth, Signal, SignalBarrier

        for model in (Signal, SignalBarrier, FrozenMonth):
            for event in (post_save, post_delete):
                event.connect(signals_changed, sender=model, dispatch_uid=f"counts-{model}-{event}")
