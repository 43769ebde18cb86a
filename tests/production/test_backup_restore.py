"""manage.py backup / restore round trip: every table comes back exactly (SQLite and, with
DATABASE_URL=postgres://..., PostgreSQL through pg_dump/pg_restore)."""

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from stek.core import backup as backup_module
from stek.core.models import AuditEvent, Membership, Stek, User


def snapshot():
    """{table: (row count, hash of the sorted rows)} for every table in the database."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(tuple(row)) for row in cursor.fetchall())
            tables[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return tables


@pytest.fixture
def seeded(transactional_db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("createcachetable")


def test_backup_change_restore_gives_back_every_table(seeded, tmp_path):
    before = snapshot()
    assert before["core_stek"][0] == 3 and before["core_user"][0] >= 9
    dump = tmp_path / "stek.dump"
    call_command("backup", str(dump), stdout=io.StringIO())
    assert dump.stat().st_size > 0

    # Change, add and delete rows in several tables.
    Stek.objects.filter(slug="de-wissel").update(name="Veranderd")
    User.objects.create(email="nieuw@stek.example")
    Membership.objects.filter(user__email="volunteer@stek.example").delete()
    AuditEvent.objects.all().delete()
    changed = snapshot()
    assert changed != before  # the comparison can see a difference

    call_command("restore", str(dump), "--noinput", stdout=io.StringIO())
    connection.close()  # the next query opens a new connection on the restored database
    after = snapshot()
    assert after.keys() == before.keys()
    differing = [t for t in before if before[t] != after[t]]
    assert not differing, differing
    assert Stek.objects.get(slug="de-wissel").name == "STEK De Wissel"


def test_restore_asks_first_and_a_no_changes_nothing(seeded, tmp_path, monkeypatch):
    dump = tmp_path / "stek.dump"
    call_command("backup", str(dump), stdout=io.StringIO())
    Stek.objects.filter(slug="de-wissel").update(name="Veranderd")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(dump))
    assert Stek.objects.get(slug="de-wissel").name == "Veranderd"


def test_restore_refuses_a_file_that_is_not_a_backup(transactional_db, tmp_path):
    bogus = tmp_path / "bogus.dump"
    bogus.write_bytes(b"not a backup at all" * 100)
    with pytest.raises(CommandError):
        call_command("restore", str(bogus), "--noinput")
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.dump"), "--noinput")


def test_missing_postgresql_tools_give_a_clear_error(monkeypatch):
    monkeypatch.setattr(backup_module.shutil, "which", lambda name: None)
    with pytest.raises(backup_module.BackupError, match="pg_dump is not installed"):
        backup_module._tool("pg_dump")
