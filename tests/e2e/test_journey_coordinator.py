"""Journey (issue 16): a coordinator at a desk plans an activity whose first date is a Belgian
public holiday (the next 1 January) and is warned; cancels one session of another activity,
and the public programme shows it cancelled, with the notice and without a calendar link;
adds someone who already has an account by e-mail, with a confirm step first; and the
network's admin finds that change with the audit log's filter."""

import os
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from stek.agenda.models import Activity
from stek.core.models import Membership
from tests.e2e.test_accessibility import log_in
from tests.factories.agenda import ActivityFactory
from tests.personas import build_world

SHOTS = os.environ.get("STEK_SCREENSHOTS")
DESK = {"width": 1280, "height": 900}


@pytest.fixture
def world(transactional_db):
    w = build_world()
    w.koffie = ActivityFactory(stek=w.stek_a, title="Koffie")  # weekly, from today
    return w


def next_new_year(today):
    return today if (today.month, today.day) == (1, 1) else date(today.year + 1, 1, 1)


def test_a_coordinator_plans_cancels_and_adds_someone(world, live_server, browser):
    context = browser.new_context(viewport=DESK, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "coordinator_a")
        new_year = next_new_year(timezone.localdate())
        page.goto(f"{live_server.url}/s/alfa/agenda/nieuw/")
        page.fill("input[name=title]", "Nieuwjaarsontbijt")
        page.fill("input[name=start_date]", new_year.isoformat())
        page.fill("input[name=start_time]", "09:00")
        page.fill("input[name=end_time]", "11:00")
        page.select_option("select[name=recurrence]", "once")
        page.click("form.activity-form button.primary")
        page.wait_for_load_state()
        warning = page.locator(".messages").inner_text()
        assert "Nieuwjaarsontbijt is bewaard." in warning
        assert "Let op: Nieuwjaarsontbijt valt op een feestdag" in warning
        assert f"{date_format(new_year, 'l j F Y')} (Nieuwjaar)" in warning
        assert Activity.objects.filter(title="Nieuwjaarsontbijt", start_date=new_year).exists()
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/coordinator-holiday.png", full_page=True)

        day = timezone.localdate() + timedelta(days=7)  # Koffie, next week
        page.goto(f"{live_server.url}/s/alfa/agenda/?week={day.isoformat()}")
        page.click(f"a[href$='/agenda/{world.koffie.pk}/{day.isoformat()}/']")
        page.wait_for_load_state()
        page.check("input[name=kind][value=cancelled]")
        page.fill("input[name=notice]", "Volgende week gewoon weer.")
        page.click("main form button.primary")
        page.wait_for_load_state()
        assert "De wijziging is bewaard" in page.locator(".messages").inner_text()

        page.goto(f"{live_server.url}/alfa/programma/?dag={day.isoformat()}")
        item = page.locator(".prog-item", has_text="Koffie")
        assert item.count() == 1 and "status-cancelled" in item.get_attribute("class")
        assert item.locator(".notice").inner_text() == "Gaat niet door. Volgende week gewoon weer."
        assert item.locator("a", has_text="Zet in je agenda").count() == 0
        page.goto(f"{live_server.url}/alfa/programma/?dag={timezone.localdate().isoformat()}")
        today = page.locator(".prog-item", has_text="Koffie")  # today's still takes place
        assert today.locator("a", has_text="Zet in je agenda").count() == 1

        page.goto(f"{live_server.url}/s/alfa/mensen/nieuw/")
        page.fill("input[name=email]", "Worker_B@stek.test")
        page.fill("input[name=full_name]", "Bart")
        page.select_option("select[name=organisation]", str(world.partner_a.organisation.pk))
        page.select_option("select[name=role]", "volunteer")
        page.click("main form button.primary")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Iemand toevoegen"
        assert "Er bestaat al een account met dit e-mailadres: worker_b@stek.test." in (
            page.locator("main").inner_text()
        )
        worker_b = world.user("worker_b")
        assert not Membership.objects.filter(user=worker_b, stek=world.stek_a).exists()
        page.click("button.primary >> text=Ja, toevoegen")
        page.wait_for_load_state()
        assert "worker_b@stek.test is toegevoegd." in page.locator(".messages").inner_text()
        assert Membership.objects.filter(user=worker_b, stek=world.stek_a, is_active=True).exists()
    finally:
        context.close()

    context = browser.new_context(viewport=DESK, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "network_admin")
        page.goto(f"{live_server.url}/netwerk/testnetwerk/auditlog/")
        rows = page.locator("main table tbody tr")
        everything = rows.count()
        page.fill("input[name=q]", "worker_b")
        page.click("form.filter button[type=submit]")
        page.wait_for_load_state()
        assert "q=worker_b" in page.url
        found = rows.all_inner_texts()
        assert 1 <= len(found) < everything, found
        assert all("worker_b@stek.test" in row for row in found), found
        assert "coordinator a" in found[0] or "coordinator_a" in found[0]
        assert page.locator("input[name=q]").input_value() == "worker_b"
        page.fill("input[name=q]", "niemand-zo")
        page.click("form.filter button[type=submit]")
        page.wait_for_load_state()
        assert rows.all_inner_texts() == ["Niets gevonden met deze filter."]
    finally:
        context.close()
