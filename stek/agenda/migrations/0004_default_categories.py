"""The default visitor categories for every STEK that has none yet: they used to be made on the
first visit to Vandaag (a GET); now a STEK gets them when it is made (ADR 0011)."""

from django.db import migrations

DEFAULTS = ("Volwassene", "Kind")


def add_defaults(apps, schema_editor):
    Stek = apps.get_model("core", "Stek")
    TallyCategory = apps.get_model("agenda", "TallyCategory")
    having = set(TallyCategory.objects.values_list("stek_id", flat=True).distinct())
    TallyCategory.objects.bulk_create(
        TallyCategory(stek_id=stek_id, label=label, order=order)
        for stek_id in Stek.objects.exclude(pk__in=having).values_list("pk", flat=True)
        for order, label in enumerate(DEFAULTS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0003_bound_text_fields"),
        ("core", "0005_bound_text_fields"),
    ]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
