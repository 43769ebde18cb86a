import uuid

from django.db import migrations, models


def fill_uuids(apps, schema_editor):
    Organisation = apps.get_model("core", "Organisation")
    for org in Organisation.objects.filter(uuid__isnull=True):
        org.uuid = uuid.uuid4()
        org.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False),
        ),
        migrations.AddField(
            model_name="organisation",
            name="description",
            field=models.TextField(blank=True, verbose_name="beschrijving"),
        ),
        migrations.AddField(
            model_name="stek",
            name="latitude",
            field=models.DecimalField(
                blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="breedtegraad"
            ),
        ),
        migrations.AddField(
            model_name="stek",
            name="longitude",
            field=models.DecimalField(
                blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="lengtegraad"
            ),
        ),
    ]
