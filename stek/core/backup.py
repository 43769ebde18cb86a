"""Backup and restore of the whole database (``manage.py backup`` / ``manage.py restore``).

PostgreSQL through ``pg_dump -Fc`` and ``pg_restore --clean --if-exists``, with the connection
from ``settings.DATABASES``; SQLite through its online backup API (``Connection.backup``), so a
backup can be taken while the site runs.
"""

import os
import shutil
import sqlite3
import subprocess

from django.db import connections


class BackupError(Exception):
    pass


def _pg_env_and_args(db):
    env = {**os.environ}
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env, args + ["--dbname", db["NAME"]]


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed: install the PostgreSQL client tools of the server's "
            "major version (e.g. apt-get install postgresql-client)."
        )
    return path


def _run(cmd, env):
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{os.path.basename(cmd[0])} failed: {result.stderr.strip()}")


def backup(path, alias="default"):
    connection = connections[alias]
    path = os.fspath(path)
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        _run([_tool("pg_dump"), "--format=custom", "--no-password", "--file", path, *args], env)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"backup does not support the {connection.vendor} database")


def restore(path, alias="default"):
    connection = connections[alias]
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise BackupError(f"{path}: no such file")
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        connection.close()
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--no-password",
                *args,
                path,
            ],
            env,
        )
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(path)
        try:
            source.execute("PRAGMA schema_version").fetchone()  # raises if it is not SQLite
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a SQLite backup: {error}") from error
        finally:
            source.close()
    else:
        raise BackupError(f"restore does not support the {connection.vendor} database")
