from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _changed(sender, **kwargs):
    """A model the social map shows was saved or deleted (services, forms, the admin, an
    import and the demo alike): a new social-map version."""
    from .search import changed

    changed()


def _sqlite_functions(sender, connection, **kwargs):
    """SQLite has no ``unaccent`` and no full-text search of PostgreSQL's kind: the search's
    matching rule as a Python function (``words.sqlite_match``, ADR 0014)."""
    if connection.vendor == "sqlite":
        from .words import sqlite_match

        connection.connection.create_function("stek_match", -1, sqlite_match, deterministic=True)


class SocialmapConfig(AppConfig):
    name = "stek.socialmap"
    verbose_name = _("Sociale kaart")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from stek.core.models import Organisation
        from stek.core.vocabulary import Topic

        from . import contacts  # noqa: F401  (registers the social map's published contacts)
        from .models import Location, Service, ServiceNotice

        for model in (Service, Location, ServiceNotice, Organisation, Topic):
            post_save.connect(_changed, sender=model, dispatch_uid=f"socialmap-{model}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"socialmap-del-{model}")
        connection_created.connect(_sqlite_functions, dispatch_uid="socialmap-sqlite-match")
        for through in (Service.topics.through, Service.locations.through):
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"socialmap-m2m-{through}")
