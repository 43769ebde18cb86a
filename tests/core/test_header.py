"""Issue 16: a compact header on a phone, and the password in the account's place (the footer),
not in the main menu."""

import re
from pathlib import Path

from django.urls import reverse

CSS = Path(__file__).parents[2] / "stek/core/static/core/stek.css"


def test_the_password_is_in_the_footer_not_in_the_main_menu(world, client_for):
    html = client_for("volunteer_a").get(reverse("core:stek_home", args=["alfa"])).content.decode()
    menu = re.search(r'<nav aria-label="Hoofdmenu">.*?</nav>', html, re.S).group(0)
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    password = f'href="{reverse("password_change")}"'
    assert password not in menu and "Wachtwoord" not in menu
    assert password in footer and "Wachtwoord wijzigen" in footer


def test_on_a_phone_the_menu_folds_behind_a_menu_button(world, client_for):
    html = client_for("volunteer_a").get(reverse("core:stek_home", args=["alfa"])).content.decode()
    assert 'class="menu-toggle" aria-expanded="false" aria-controls="main-menu"' in html
    assert 'id="main-menu"' in html and "core/menu.js" in html
    css = CSS.read_text()
    phone = css[css.index("@media (max-width: 30rem)") :]
    assert ".has-menu .main-menu:not(.is-open) { display: none; }" in phone
    assert ".site-header .bar { flex-wrap: nowrap;" in phone  # the brand and Menu on one line


def test_a_name_that_starts_with_stek_says_stek_once(world, client_for):
    """'STEK Alfa' in the header reads "STEK Alfa", not "STEK STEK Alfa" (which a phone then
    shortened to "STEK STEK …"); a name without the word keeps it in front."""
    world.stek_a.name = "STEK De Lange Naam van het Buurthuis aan de Schelde"
    world.stek_a.save()
    client = client_for("volunteer_a")
    html = client.get(reverse("core:stek_home", args=["alfa"])).content.decode()
    brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', html, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", brand)
    assert text.split() == "STEK De Lange Naam van het Buurthuis aan de Schelde".split()
    world.stek_a.name = "Buurthuis Alfa"
    world.stek_a.save()
    html = client.get(reverse("core:stek_home", args=["alfa"])).content.decode()
    brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", brand).split() == ["STEK", "Buurthuis", "Alfa"]
