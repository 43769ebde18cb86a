"""Topic moves from the social map to core (ADR 0010): state only.

The table ``socialmap_topic`` and its rows stay where they are; core's ``Topic`` keeps that
table (``db_table``). The social map's migrations created and filled it, so this one runs after
them. The content type moves with the model, so permissions on topics keep pointing at it.
Then referrals and advocacy point their foreign keys at ``core.Topic`` (state only) and the
social map drops ``Topic`` from its state (socialmap 0005).
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import stek.core.privacy.validators


def move_content_type(apps, schema_editor, old="socialmap", new="core"):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not content_type.objects.db_manager(db).filter(app_label=new, model="topic").exists():
        content_type.objects.db_manager(db).filter(app_label=old, model="topic").update(
            app_label=new
        )
    content_type.objects.clear_cache()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="core", new="socialmap")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0005_bound_text_fields"),
        ("socialmap", "0004_topics_for_new_rights"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("code", models.SlugField(max_length=60, verbose_name="code")),
                        ("life_domain", models.CharField(choices=[("participatie", "Participatie"), ("dienstverlening", "Maatschappelijke dienstverlening"), ("inkomen", "Inkomen"), ("gezin", "Gezin"), ("onderwijs", "Onderwijs"), ("vrije_tijd", "Vrije tijd"), ("werk", "Werk"), ("wonen", "Wonen"), ("gezondheid", "Gezondheid"), ("energie", "Energie"), ("verblijf", "Verblijf"), ("digitalisering", "Digitalisering"), ("mobiliteit", "Mobiliteit")], max_length=30, verbose_name="levensdomein")),
                        ("name", models.CharField(max_length=120, validators=[stek.core.privacy.validators.NoPersonalDataValidator()], verbose_name="naam")),
                        ("name_fr", models.CharField(blank=True, max_length=120, validators=[stek.core.privacy.validators.NoPersonalDataValidator()], verbose_name="naam (Frans)")),
                        ("name_en", models.CharField(blank=True, max_length=120, validators=[stek.core.privacy.validators.NoPersonalDataValidator()], verbose_name="naam (Engels)")),
                        ("network", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="topics", to="core.network")),
                    ],
                    options={
                        "verbose_name": "thema",
                        "verbose_name_plural": "thema's",
                        "db_table": "socialmap_topic",
                        "ordering": ["life_domain", "name"],
                        "constraints": [models.UniqueConstraint(fields=("network", "code"), name="topic_unique_code")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]  # fmt: skip
