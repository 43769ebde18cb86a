"""Panels on a STEK's home page that other apps provide (ADR 0009).

Core sits at the bottom of the import order and knows no app: an app registers a panel in its
``AppConfig.ready()`` (a template and a function that gives the panel's context for a user and a
STEK), and the home page shows every registered panel whose context is not empty."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: object  # (user, stek) -> dict; an empty dict: nothing to show


_PANELS = {}


def register(name, template, context):
    """Register (or replace) the panel ``name``."""
    _PANELS[name] = Panel(name, template, context)


def shown(user, stek):
    """[(template, context)] of the panels with something to show, in registration order."""
    found = []
    for panel in _PANELS.values():
        context = panel.context(user, stek)
        if context:
            found.append((panel.template, context))
    return found
