"""Signals and dossiers point at core's Topic (ADR 0010): state only, the foreign key and the
dossier-topic table already point at the table ``socialmap_topic``, which core's Topic keeps."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("advocacy", "0002_bound_text_fields"),
        ("core", "0006_topic_moves_to_core"),
    ]
    # Before the social map drops Topic from its state, nothing may still point at it.
    run_before = [("socialmap", "0005_topic_moves_to_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="dossier",
                    name="topics",
                    field=models.ManyToManyField(blank=True, related_name="dossiers", to="core.topic", verbose_name="onderwerpen"),
                ),
                migrations.AlterField(
                    model_name="signal",
                    name="topic",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="signals", to="core.topic", verbose_name="onderwerp"),
                ),
            ],
            database_operations=[],
        ),
    ]  # fmt: skip
