"""Topic has moved to core (ADR 0010): the services' topics point at core's Topic and the
social map drops Topic from its state. State only: the table ``socialmap_topic``, its rows and
the table ``socialmap_service_topics`` stay as they are."""

from django.db import migrations, models


class Migration(migrations.Migration):
    # Referrals and advocacy move their foreign keys first (their migrations say run_before).
    dependencies = [
        ("core", "0006_topic_moves_to_core"),
        ("socialmap", "0004_topics_for_new_rights"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="service",
                    name="topics",
                    field=models.ManyToManyField(related_name="services", to="core.topic", verbose_name="thema's"),
                ),
                migrations.DeleteModel(name="Topic"),
            ],
            database_operations=[],
        ),
    ]  # fmt: skip
