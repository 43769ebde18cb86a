"""The shared vocabulary has one home, core (ADR 0010): life domains, barriers, topics and the
built-in topics live in ``stek.core.vocabulary``; no other module defines them or imports them
from anywhere else; ``Topic`` moved from the social map without touching its table."""

import ast
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython, SeparateDatabaseAndState

from stek.core.vocabulary import BUILTIN_TOPICS, Barrier, LifeDomain, Topic

STEK = Path(__file__).resolve().parents[2] / "stek"
HOME = "stek.core.vocabulary"
VOCABULARY = {
    "LifeDomain",
    "Barrier",
    "Topic",
    "TopicQuerySet",
    "BUILTIN_TOPICS",
    "ensure_builtin_topics",
}
MOVE = [
    ("core", "0006_topic_moves_to_core"),
    ("referrals", "0002_topic_moves_to_core"),
    ("advocacy", "0003_topic_moves_to_core"),
    ("socialmap", "0005_topic_moves_to_core"),
]


def strays(path, source):
    """Where ``source`` (the file ``path``) defines a vocabulary name, or imports one from a
    module other than its home."""
    module = ".".join(path.relative_to(STEK.parent).with_suffix("").parts)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name in VOCABULARY:
            found.append(f"defines {node.name}")
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            found += [f"defines {n}" for n in names if n in VOCABULARY]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")[: -node.level]
                source_module = ".".join(package + ([node.module] if node.module else []))
            else:
                source_module = node.module or ""
            if source_module != HOME:
                found += [
                    f"imports {a.name} from {source_module}"
                    for a in node.names
                    if a.name in VOCABULARY
                ]
    return [] if module == HOME else found


def test_the_vocabulary_is_defined_and_imported_in_one_place():
    offenders = []
    for path in sorted(STEK.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for stray in strays(path, path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(STEK.parent)}: {stray}")
    assert offenders == []


def test_the_check_sees_a_stray_definition_or_import():
    """The test above can fail: each way of reaching past core is caught."""
    sm = STEK / "socialmap" / "models.py"
    for source in (
        "from stek.socialmap.models import Topic",
        "from .models import Topic",
        "from stek.core.enums import LifeDomain, Barrier",
        "class Barrier: pass",
        "BUILTIN_TOPICS = []",
        "def f():\n    from stek.socialmap.taxonomy import ensure_builtin_topics\n",
    ):
        assert strays(sm, source), source
    assert not strays(sm, "from stek.core.vocabulary import Topic, LifeDomain")
    assert not strays(STEK / "core" / "models.py", "from .vocabulary import Topic")
    assert not strays(STEK / "core" / "vocabulary.py", "class Topic: pass")


@pytest.mark.django_db
def test_topic_is_a_model_of_core_that_kept_the_social_maps_table():
    assert Topic._meta.app_label == "core"
    assert Topic._meta.db_table == "socialmap_topic"
    assert "socialmap_topic" in connection.introspection.table_names()
    topics = {f.name: f.related_model for f in Topic._meta.related_objects}
    assert {"services", "signals", "dossiers", "referral"} <= set(topics)


def test_the_built_in_topics_speak_the_life_domains():
    codes = [code for code, *_ in BUILTIN_TOPICS]
    assert len(codes) == len(set(codes))
    assert {domain for _, domain, *_ in BUILTIN_TOPICS} <= set(LifeDomain.values)
    assert len(Barrier.values) == 9


def test_the_move_changes_the_state_only():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in MOVE:
        for operation in loader.graph.nodes[key].operations:
            if isinstance(operation, SeparateDatabaseAndState):
                assert operation.database_operations == [], key
            else:
                assert isinstance(operation, RunPython), key  # the content type follows


def test_core_topic_has_exactly_the_columns_the_social_maps_topic_had():
    """The database was already right: the state before the move (socialmap 0004) and after it
    describe the same table, field for field."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    before = loader.project_state(
        [
            ("socialmap", "0004_topics_for_new_rights"),
            ("referrals", "0001_initial"),
            ("advocacy", "0002_bound_text_fields"),
        ]
    ).models
    after = loader.project_state().models
    # right after the move; a field added since (``synonyms``, issue 16) is a real column
    moved = loader.project_state(
        [
            ("core", "0006_topic_moves_to_core"),
            ("socialmap", "0005_topic_moves_to_core"),
            ("referrals", "0002_topic_moves_to_core"),
            ("advocacy", "0003_topic_moves_to_core"),
        ]
    ).models
    old, new = before["socialmap", "topic"], moved["core", "topic"]
    assert ("socialmap", "topic") not in after
    assert set(after["core", "topic"].fields) - set(new.fields) == {"synonyms"}
    assert new.options["db_table"] == "socialmap_topic"
    assert {n: f.deconstruct()[1:] for n, f in old.fields.items()} == {
        n: f.deconstruct()[1:] for n, f in new.fields.items()
    }
    assert old.options["constraints"] == new.options["constraints"]
    for app, model, field in [
        ("socialmap", "service", "topics"),
        ("referrals", "referral", "topic"),
        ("referrals", "referraltally", "topic"),
        ("advocacy", "signal", "topic"),
        ("advocacy", "dossier", "topics"),
    ]:
        assert before[app, model].fields[field].remote_field.model == "socialmap.topic"
        assert after[app, model].fields[field].remote_field.model == "core.topic"
