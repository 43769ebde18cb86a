"""On paper, a staff page leaves out what only works on a screen: the language chooser and
the "change password" link (issue 16: the printed agenda showed "Wachtwoord wijzigen")."""

import re
from pathlib import Path

from django.urls import reverse


def _print_hidden_classes(css):
    hidden = set()
    for block in re.findall(r"@media print\s*\{(.*?)\}\s*\}", css, re.S):
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block + "}"):
            if "display: none" in body or "display:none" in body:
                hidden |= {s.strip() for s in selectors.split(",")}
    return hidden


def test_the_account_link_and_language_chooser_do_not_print(world, client_for):
    from django.contrib.staticfiles import finders

    css = Path(finders.find("core/stek.css")).read_text(encoding="utf-8")
    assert ".no-print" in _print_hidden_classes(css)
    html = client_for("coordinator_a").get(reverse("core:home"), follow=True).content.decode()
    account = re.search(r'<nav class="([^"]*)" aria-label="Je account"', html)
    language = re.search(r'<form class="([^"]*)" method="post" action="/i18n/setlang/"', html)
    assert account and "no-print" in account.group(1).split()
    assert language and "no-print" in language.group(1).split()
