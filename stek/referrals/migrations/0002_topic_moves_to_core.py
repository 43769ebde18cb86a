"""Referrals point at core's Topic (ADR 0010): state only, the foreign keys already point at
the table ``socialmap_topic``, which core's Topic keeps."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_topic_moves_to_core"),
        ("referrals", "0001_initial"),
    ]
    # Before the social map drops Topic from its state, nothing may still point at it.
    run_before = [("socialmap", "0005_topic_moves_to_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="referral",
                    name="topic",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="core.topic", verbose_name="nood of thema"),
                ),
                migrations.AlterField(
                    model_name="referraltally",
                    name="topic",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.topic"),
                ),
            ],
            database_operations=[],
        ),
    ]  # fmt: skip
