"""The import order of the apps (ADR 0009), enforced: every module's imports are read from its
source (AST) and an import of an app that stands higher in the order fails the test.

core → agenda → socialmap → referrals → rights → advocacy → rota → participation → reports → public
→ api → demo

An app may import itself and the apps before it, never one after it; so core imports no app
and no two apps import each other."""

import ast
from pathlib import Path

STEK = Path(__file__).resolve().parents[2] / "stek"
ORDER = [
    "core",
    "agenda",
    "socialmap",
    "referrals",
    "rights",
    "advocacy",
    "rota",
    "participation",
    "reports",
    "public",
    "api",
    "demo",
]


def imported_modules(path, source):
    """The absolute module names ``source`` (the file ``path`` under stek/) imports."""
    package = ["stek", *path.relative_to(STEK).parts[:-1]]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]  # from stek import x
    return found


def upward_edges(path, source):
    """(importing app, imported app, line) for every import that runs up the order."""
    app = path.relative_to(STEK).parts[0]
    if app not in ORDER:
        return []
    edges = set()
    for module in imported_modules(path, source):
        parts = module.split(".")
        other = parts[1] if len(parts) > 1 and parts[0] == "stek" else None
        if other in ORDER and ORDER.index(other) > ORDER.index(app):
            edges.add((app, other))
    return sorted(edges)


def test_every_app_is_in_the_declared_order():
    apps = {p.name for p in STEK.iterdir() if (p / "__init__.py").exists()}
    assert apps == set(ORDER), "a new app needs its place in ORDER and in ADR 0009"


def test_no_import_runs_up_the_order():
    offenders = []
    for path in sorted(STEK.rglob("*.py")):
        for edge in upward_edges(path, path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(STEK.parent)}: {edge[0]} imports {edge[1]}")
    assert offenders == []


def test_the_check_sees_an_upward_import_in_every_form():
    """The test above can fail: each way of writing an upward import is caught."""
    core = STEK / "core" / "views.py"
    for source in (
        "from stek.advocacy.followups import due_follow_ups",
        "import stek.rights.check",
        "from stek import agenda",
        "def f():\n    from stek.demo.management.commands import seed_demo\n",
    ):
        assert upward_edges(core, source), source
    socialmap = STEK / "socialmap" / "views.py"
    assert upward_edges(socialmap, "from stek.referrals.permissions import can_refer")
    assert not upward_edges(socialmap, "from stek.core.permissions import is_worker")
    assert not upward_edges(socialmap, "from .permissions import can_refer")
    nested = STEK / "demo" / "management" / "commands" / "seed_demo.py"
    assert not upward_edges(nested, "from stek.advocacy.demo import seed_advocacy")
    assert imported_modules(nested, "from ..base import x") == [
        "stek.demo.management.base",
        "stek.demo.management.base.x",
    ]
