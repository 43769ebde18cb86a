from django.db import migrations

from stek.core.vocabulary import ensure_builtin_topics


def load(apps, schema_editor):
    ensure_builtin_topics(apps.get_model("socialmap", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
