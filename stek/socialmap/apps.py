from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _changed(sender, **kwargs):
    """A model the social map shows was saved or deleted (services, forms, the admin, an
    import and the demo alike): a new social-map version."""
    from .search import changed

    changed()


class SocialmapConfig(AppConfig):
    name = "stek.socialmap"
    verbose_name = _("Sociale kaart")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from stek.core.models import Organisation
        from stek.core.vocabulary import Topic

        from . import contacts  # noqa: F401  (registers the social map's published contacts)
        from .models import Location, Service, ServiceNotice

        for model in (Service, Location, ServiceNotice, Organisation, Topic):
            post_save.connect(_changed, sender=model, dispatch_uid=f"socialmap-{model}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"socialmap-del-{model}")
        for through in (Service.topics.through, Service.locations.through):
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"socialmap-m2m-{through}")
