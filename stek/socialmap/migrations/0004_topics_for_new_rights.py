from django.db import migrations

from stek.core.vocabulary import ensure_builtin_topics


def load(apps, schema_editor):
    """Add the built-in topics of the rights added since 0002 (kleutertoeslag,
    kinderopvangtoeslag, the Brussels social supplement, IGO…); existing topics are kept."""
    ensure_builtin_topics(apps.get_model("socialmap", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0003_bound_text_fields")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
