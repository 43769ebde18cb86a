"""The PostgreSQL ``unaccent`` extension for the social map's search (issue 16, ADR 0014).

``UnaccentExtension`` does nothing on another database (SQLite searches with a Python
function instead, ``socialmap.words``). Creating an extension needs a role that may: on a
managed database, create it once by hand (``CREATE EXTENSION unaccent``) before migrating."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0005_topic_moves_to_core")]

    operations = [UnaccentExtension()]
