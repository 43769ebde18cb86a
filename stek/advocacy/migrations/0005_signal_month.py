"""A signal's month (issue 16): the month of the day it was noted. The signals noted before
counted in the month of their week's Monday; they keep that month, so no published or frozen
figure changes."""

from django.db import migrations, models
from django.db.models.functions import TruncMonth


def months_of_old_signals(apps, schema_editor):
    Signal = apps.get_model("advocacy", "Signal")
    Signal.objects.filter(month__isnull=True).update(month=TruncMonth("week"))


class Migration(migrations.Migration):
    dependencies = [("advocacy", "0004_frozen_month")]

    operations = [
        migrations.AddField(
            model_name="signal",
            name="month",
            field=models.DateField(
                null=True,
                verbose_name="maand",
                help_text="De eerste dag van de maand waarin het signaal genoteerd is.",
            ),
        ),
        migrations.RunPython(months_of_old_signals, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="signal",
            name="month",
            field=models.DateField(
                verbose_name="maand",
                help_text="De eerste dag van de maand waarin het signaal genoteerd is.",
            ),
        ),
        migrations.AddIndex(
            model_name="signal",
            index=models.Index(fields=["stek", "month"], name="advocacy_si_stek_id_df1e4c_idx"),
        ),
    ]
