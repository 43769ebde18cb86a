from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def signals_changed(sender, **kwargs):
    """A signal, barrier or frozen month saved or deleted: a new signals version. A function
    of the module, not of ``ready()``: a receiver is held by a weak reference, and a local
    function would be collected, so no save would ever renew the counts."""
    from . import publication

    publication.signals_changed()


def dossiers_changed(sender, **kwargs):
    """A model a dossier page shows saved, deleted or its topics changed: a new dossiers
    version. A module function, for the same reason as ``signals_changed``."""
    from . import publication

    publication.dossiers_changed()


def people_changed(sender, update_fields=None, **kwargs):
    """A STEK, user or membership saved or deleted: their names are on dossier pages (lead,
    co-signers, step owners) and in its forms (who may carry a step, whom to invite). A login
    saves only ``last_login``, which no page shows."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    dossiers_changed(sender, **kwargs)


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

        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from stek.core.models import Membership, Stek

        from .models import Addressee, Dossier, DossierAction, DossierStek, StepEntry, Testimony

        for model in (Dossier, DossierStek, StepEntry, Testimony, Addressee, DossierAction):
            for event in (post_save, post_delete):
                event.connect(
                    dossiers_changed, sender=model, dispatch_uid=f"dossiers-{model}-{event}"
                )
        m2m_changed.connect(
            dossiers_changed, sender=Dossier.topics.through, dispatch_uid="dossiers-topics"
        )
        for model in (Stek, Membership, get_user_model()):
            for event in (post_save, post_delete):
                event.connect(people_changed, sender=model, dispatch_uid=f"people-{model}-{event}")
