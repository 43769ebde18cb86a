"""Names that mean one thing (ADR 0010): no two modules of stek define a class of the same name,
so ``Outcome`` cannot be a referral's outcome in one app and a dossier's in another.

Management commands are the exception: Django looks for a class named ``Command``."""

import ast
from collections import defaultdict
from pathlib import Path

STEK = Path(__file__).resolve().parents[2] / "stek"
REQUIRED_BY_DJANGO = {"Command"}


def defined_classes(source):
    """The names of the classes ``source`` defines at module level."""
    return [node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef)]


def twice_defined(sources):
    """{class name: [module, ...]} for every name defined in more than one module."""
    where = defaultdict(list)
    for module, source in sources.items():
        for name in defined_classes(source):
            if name not in REQUIRED_BY_DJANGO:
                where[name].append(module)
    return {name: modules for name, modules in where.items() if len(modules) > 1}


def test_every_class_name_is_defined_once():
    sources = {
        str(path.relative_to(STEK.parent)): path.read_text(encoding="utf-8")
        for path in sorted(STEK.rglob("*.py"))
        if "migrations" not in path.parts
    }
    assert twice_defined(sources) == {}


def test_the_check_sees_a_name_used_twice():
    referrals = "class Outcome(models.TextChoices):\n    GOT_HELP = 'got_help'\n"
    advocacy = "class Outcome(models.TextChoices):\n    ACHIEVED = 'achieved'\n"
    assert twice_defined({"referrals/enums.py": referrals, "advocacy/enums.py": advocacy}) == {
        "Outcome": ["referrals/enums.py", "advocacy/enums.py"]
    }
    assert twice_defined({"a.py": "class Command: pass", "b.py": "class Command: pass"}) == {}
    nested = "class Form:\n    class Meta: pass\n"
    assert twice_defined({"a.py": nested, "b.py": nested.replace("Form", "Other")}) == {}
