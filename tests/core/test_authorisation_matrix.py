"""Every URL pattern, every persona, the expected status.

A new view fails ``test_every_url_pattern_is_in_the_matrix`` until it is listed here.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories.agenda import ActivityFactory, TallyCategoryFactory
from tests.personas import PERSONA_NAMES

A_MEMBERS = ("volunteer_a", "worker_a", "coordinator_a")
OUTSIDERS = ("worker_b", "analyst", "network_admin")


def expect(default, **overrides):
    """Expected status per persona: ``default`` for logged-in personas, anonymous -> login."""
    table = dict.fromkeys(PERSONA_NAMES, default)
    table["anonymous"] = 302
    table.update(overrides)
    return table


def stek_view(member=200, coordinator=None, worker=None, volunteer=None):
    """A view in STEK A: outsiders get 404; roles get their status."""
    return expect(
        404,
        volunteer_a=volunteer if volunteer is not None else member,
        worker_a=worker if worker is not None else member,
        coordinator_a=coordinator if coordinator is not None else member,
    )


def activity_kwargs(w, **extra):
    activity = ActivityFactory(stek=w.stek_a)
    return {"slug": w.stek_a.slug, "pk": activity.pk, **extra}


def pause_kwargs(w):
    from datetime import date

    from stek.agenda.models import Pause

    pause = Pause.objects.create(
        stek=w.stek_a, start=date(2030, 7, 1), end=date(2030, 8, 31), label="Zomer"
    )
    return {"slug": w.stek_a.slug, "pk": pause.pk}


def today_kwargs(w):
    return activity_kwargs(w, day=ActivityFactory(stek=w.stek_a).start_date.isoformat())


def network_view(analyst, admin):
    return expect(404, analyst=analyst, network_admin=admin)


def service_kwargs(w, **extra):
    from tests.factories.socialmap import ServiceFactory

    service = ServiceFactory(organisation=w.partner_a2.organisation)
    return {"slug": w.stek_a.slug, "pk": service.pk, **extra}


def notice_kwargs(w):
    from stek.socialmap.models import ServiceNotice

    kwargs = service_kwargs(w)
    notice = ServiceNotice.objects.create(
        service_id=kwargs["pk"], kind="closure", starts_on="2030-01-01", ends_on="2030-01-02"
    )
    return {"slug": w.stek_a.slug, "pk": notice.pk}


def referral_kwargs(w):
    from tests.factories.referrals import ReferralFactory

    return {"slug": w.stek_a.slug, "pk": ReferralFactory(world=w).pk}


def confirm_kwargs(w):
    from stek.referrals.links import token_for
    from tests.factories.referrals import ReferralFactory

    return {"token": token_for(ReferralFactory(world=w))}


def public_service_kwargs(w):
    from tests.factories.socialmap import ServiceFactory

    return {"service_id": str(ServiceFactory(organisation=w.partner_a2.organisation).uuid)}


def public_org_kwargs(w):
    from tests.factories.socialmap import ServiceFactory

    service = ServiceFactory(organisation=w.partner_a2.organisation)
    return {"organization_id": str(service.organisation.uuid)}


def dossier_kwargs(w, **extra):
    from tests.factories.advocacy import DossierFactory

    return {"slug": w.stek_a.slug, "pk": DossierFactory(lead_stek=w.stek_a).pk, **extra}


def quote_kwargs(w):
    from stek.advocacy.models import Testimony
    from tests.factories.advocacy import DossierFactory

    dossier = DossierFactory(lead_stek=w.stek_a)
    testimony = Testimony.objects.create(
        dossier=dossier, stek=w.stek_a, text="De formulieren zijn te moeilijk.", consent=True
    )
    return {"slug": w.stek_a.slug, "pk": dossier.pk, "testimony_pk": testimony.pk}


def addressee_kwargs(w):
    from stek.advocacy.models import Addressee
    from tests.factories.advocacy import DossierFactory

    dossier = DossierFactory(lead_stek=w.stek_a)
    addressee = Addressee.objects.create(dossier=dossier, level="local", body="Gemeenteraad")
    return {"slug": w.stek_a.slug, "pk": dossier.pk, "addressee_pk": addressee.pk}


def need_kwargs(w):
    from datetime import timedelta

    from tests.factories.rota import ShiftNeedFactory

    need = ShiftNeedFactory(stek=w.stek_a)
    day = need.activity.start_date + timedelta(days=7)  # next week's session: not begun
    return {"slug": w.stek_a.slug, "pk": need.pk, "day": day.isoformat()}


def own_take_kwargs(w):
    """A take of volunteer_a's: the others (in the STEK too) do not find it."""
    from datetime import date

    from stek.rota import services

    kwargs = need_kwargs(w)
    need = services.ShiftNeed.objects.get(pk=kwargs["pk"])
    take = services.take(
        membership=w.memberships["volunteer_a"], need=need, day=date.fromisoformat(kwargs["day"])
    )
    return {"slug": w.stek_a.slug, "pk": take.pk}


def role_kwargs(w):
    from tests.factories.rota import RoleFactory

    return {"slug": w.stek_a.slug, "pk": RoleFactory(stek=w.stek_a).pk}


def need_delete_kwargs(w):
    kwargs = need_kwargs(w)
    return {"slug": kwargs["slug"], "pk": kwargs["pk"]}


def idea_kwargs(w):
    from stek.participation import services

    idea = services.submit_idea(stek=w.stek_a, text="Meer soep op vrijdag.", source="box")
    return {"slug": w.stek_a.slug, "pk": idea.pk}


def meeting_kwargs(w):
    from datetime import date

    from stek.participation import services

    meeting = services.create_meeting(
        actor=None, stek=w.stek_a, title="Wat eerst?", held_on=date(2030, 1, 1)
    )
    return {"slug": w.stek_a.slug, "pk": meeting.pk}


def phone_vote_kwargs(w):
    from stek.participation import services

    meeting = services.Meeting.objects.get(pk=meeting_kwargs(w)["pk"])
    for label in ("Soep", "Film"):
        services.add_option(actor=None, meeting=meeting, label=label)
    services.open_meeting(actor=None, meeting=meeting)
    return {"slug": "alfa", "code": meeting.code}


COORDINATORS = {"member": 403, "coordinator": 200}
COORDINATORS_POST = {"member": 403, "coordinator": 302}


def own_reserve_kwargs(w):
    """volunteer_a waits on the reserve list of a full slot (worker_a took the place)."""
    from datetime import date

    from stek.rota import services

    kwargs = need_kwargs(w)
    need = services.ShiftNeed.objects.get(pk=kwargs["pk"])
    day = date.fromisoformat(kwargs["day"])
    services.take(membership=w.memberships["worker_a"], need=need, day=day)
    entry = services.join_reserve(membership=w.memberships["volunteer_a"], need=need, day=day)
    return {"slug": w.stek_a.slug, "pk": entry.pk}


def standin_kwargs(w):
    """volunteer_a's take, looking for a stand-in: the others in STEK A may take it over."""
    from stek.rota import services

    kwargs = own_take_kwargs(w)
    services.ask_standin(take=services.ShiftTake.objects.get(pk=kwargs["pk"]))
    return kwargs


def feed_kwargs(w):
    from stek.rota import services

    return {"token": services.renew_feed(membership=w.memberships["volunteer_a"])}


def volunteer_kwargs(w):
    return {"slug": w.stek_a.slug, "pk": w.memberships["volunteer_a"].pk}


def report_kwargs(w):
    from django.utils import timezone

    return {"slug": w.stek_a.slug, "year": timezone.localdate().year}


def area_dataset_kwargs(w):
    from stek.reports.models import AreaDataset

    dataset = AreaDataset.objects.create(stek=w.stek_a, name="Bevolking", level="sector")
    return {"slug": w.stek_a.slug, "pk": dataset.pk}


def snapshot_kwargs(w):
    from stek.reports import services

    kwargs = report_kwargs(w)
    services.freeze_report(actor=None, stek=w.stek_a, year=kwargs["year"])
    return kwargs


def network_report_kwargs(w):
    kwargs = snapshot_kwargs(w)
    return {"slug": w.network.slug, "stek_slug": kwargs["slug"], "year": kwargs["year"]}


def selfeval_kwargs(w):
    from django.utils import timezone

    from stek.reports import services

    year = timezone.localdate().year
    services.start_self_evaluation(actor=None, stek=w.stek_a, year=year)
    return {"slug": w.stek_a.slug, "year": year}


def selfeval_meeting_kwargs(w):
    return {**selfeval_kwargs(w), "axis": "ontmoeten"}


def selfeval_link(w):
    from stek.reports import services
    from stek.reports.models import SelfEvaluation

    kwargs = selfeval_kwargs(w)
    evaluation = SelfEvaluation.objects.get(stek=w.stek_a, year=kwargs["year"])
    return kwargs, services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")


def selfeval_revoke_kwargs(w):
    kwargs, link = selfeval_link(w)
    return {**kwargs, "pk": link.pk}


def selfeval_rate_kwargs(w):
    return {"code": selfeval_link(w)[1].code}


def public(status=200):
    return expect(status, anonymous=status)


WORKERS = {"member": 200, "volunteer": 403}
WORKERS_POST = {"member": 302, "volunteer": 403}


# name -> (method, kwargs builder(world), data builder(world) or None, expected statuses)
MATRIX = {
    "login": ("get", None, None, expect(302, anonymous=200)),
    "logout": ("post", None, None, expect(302)),
    "healthz": ("get", None, None, expect(200, anonymous=200)),
    "set_language": ("post", None, lambda w: {"language": "fr"}, expect(302)),
    "password_reset": ("get", None, None, expect(200, anonymous=200)),
    "password_reset_done": ("get", None, None, expect(200, anonymous=200)),
    "password_reset_confirm": (
        "get",
        lambda w: {"uidb64": "MQ", "token": "bad-token"},
        None,
        expect(200, anonymous=200),
    ),
    "password_reset_complete": ("get", None, None, expect(200, anonymous=200)),
    "password_change": ("get", None, None, expect(200)),
    "password_change_done": ("get", None, None, expect(200)),
    # "/" is the public front door for anonymous visitors, the start page for the others
    "core:home": ("get", None, None, expect(302, anonymous=200)),
    "front_door": ("get", None, None, expect(302, anonymous=200)),
    "core:switch_stek": (
        "post",
        None,
        lambda w: {"stek": w.stek_a.slug},
        stek_view(member=302),
    ),
    "core:stek_home": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "core:stek_edit": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "core:partner_list": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "core:partner_create": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "core:partner_edit": (
        "get",
        lambda w: {"slug": w.stek_a.slug, "pk": w.partner_a2.pk},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "core:partner_end": (
        "post",
        lambda w: {"slug": w.stek_a.slug, "pk": w.partner_a2.pk},
        None,
        stek_view(member=403, coordinator=302),
    ),
    "core:people_list": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=200, volunteer=403),
    ),
    "core:person_add": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "core:person_edit": (
        "get",
        lambda w: {"slug": w.stek_a.slug, "pk": w.memberships["volunteer_a"].pk},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "core:person_deactivate": (
        "post",
        lambda w: {"slug": w.stek_a.slug, "pk": w.memberships["volunteer_a"].pk},
        None,
        stek_view(member=403, coordinator=302),
    ),
    "agenda:today": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "agenda:tap": (
        "post",
        lambda w: {"slug": w.stek_a.slug},
        lambda w: {
            "session": "open",
            "category": TallyCategoryFactory(stek=w.stek_a).pk,
            "delta": "1",
        },
        stek_view(member=302),
    ),
    "agenda:undo": ("post", lambda w: {"slug": w.stek_a.slug}, None, stek_view(member=302)),
    "agenda:standing": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "agenda:week": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "agenda:activity_create": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=200, volunteer=403),
    ),
    "agenda:activity_edit": ("get", activity_kwargs, None, stek_view(member=200, volunteer=403)),
    "agenda:session_change": ("get", today_kwargs, None, stek_view(member=200, volunteer=403)),
    "agenda:session_restore": ("post", today_kwargs, None, stek_view(member=302, volunteer=403)),
    "agenda:activity_stop": ("post", activity_kwargs, None, stek_view(member=302, volunteer=403)),
    "agenda:pauses": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=200, volunteer=403),
    ),
    "agenda:pause_delete": ("post", pause_kwargs, None, stek_view(member=302, volunteer=403)),
    "agenda:categories": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "agenda:category_toggle": (
        "post",
        lambda w: {"slug": w.stek_a.slug, "pk": TallyCategoryFactory(stek=w.stek_a).pk},
        None,
        stek_view(member=403, coordinator=302),
    ),
    "public:programme": ("get", lambda w: {"slug": "alfa"}, None, expect(200, anonymous=200)),
    "public:poster": ("get", lambda w: {"slug": "alfa"}, None, expect(200, anonymous=200)),
    "public:ical": ("get", lambda w: {"slug": "alfa"}, None, expect(200, anonymous=200)),
    "public:ical_activity": ("get", activity_kwargs, None, expect(200, anonymous=200)),
    "public:screen": ("get", lambda w: {"slug": "alfa"}, None, expect(200, anonymous=200)),
    "public:services": ("get", lambda w: {"slug": "alfa"}, None, expect(200, anonymous=200)),
    "core:network_home": (
        "get",
        lambda w: {"slug": w.network.slug},
        None,
        network_view(analyst=200, admin=200),
    ),
    "core:network_stek_create": (
        "get",
        lambda w: {"slug": w.network.slug},
        None,
        network_view(analyst=403, admin=200),
    ),
    "core:network_audit_log": (
        "get",
        lambda w: {"slug": w.network.slug},
        None,
        network_view(analyst=403, admin=200),
    ),
    "socialmap:search": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "socialmap:service_detail": ("get", service_kwargs, None, stek_view()),
    "socialmap:service_edit": ("get", service_kwargs, None, stek_view(**WORKERS)),
    "socialmap:service_create": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**WORKERS),
    ),
    "socialmap:location_create": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**WORKERS),
    ),
    "socialmap:stale": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**WORKERS)),
    "socialmap:service_verify": ("post", service_kwargs, None, stek_view(**WORKERS_POST)),
    "socialmap:notice_create": (
        "post",
        service_kwargs,
        lambda w: {"kind": "closure", "starts_on": "2030-01-01", "ends_on": "2030-01-05"},
        stek_view(**WORKERS_POST),
    ),
    "socialmap:notice_delete": ("post", notice_kwargs, None, stek_view(**WORKERS_POST)),
    "referrals:list": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**WORKERS)),
    "referrals:overview": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**WORKERS)),
    "referrals:create": (
        "get",
        lambda w: {"slug": w.stek_a.slug, "service_pk": service_kwargs(w)["pk"]},
        None,
        stek_view(**WORKERS),
    ),
    "referrals:detail": ("get", referral_kwargs, None, stek_view(**WORKERS)),
    "referrals:slip_pdf": ("get", referral_kwargs, None, stek_view(**WORKERS)),
    "referrals:record": (
        "post",
        referral_kwargs,
        lambda w: {"status": "arrived"},
        stek_view(**WORKERS_POST),
    ),
    "referrals:confirm_code": ("get", None, None, public()),
    "referrals:confirm": ("get", confirm_kwargs, None, public()),
    "api:api-root": ("get", None, None, public(404)),
    "api:openapi-json": ("get", None, None, public()),
    "api:list_services": ("get", None, None, public()),
    "api:get_service": ("get", public_service_kwargs, None, public()),
    "api:list_organisations": ("get", None, None, public()),
    "api:get_organisation": ("get", public_org_kwargs, None, public()),
    # The check takes JSON; a form post is refused with 400 for everyone, never 401/403/500.
    "api:check": ("post", None, None, public(400)),
    "api:rights": ("get", None, None, public()),
    # Signals: everyone in the STEK registers; workers read them and carry dossiers.
    "advocacy:signal_new": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "advocacy:signal_undo": ("post", lambda w: {"slug": w.stek_a.slug}, None, stek_view(302)),
    "advocacy:overview": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**WORKERS)),
    "advocacy:topics": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=403, coordinator=200),
    ),
    "advocacy:network": ("get", lambda w: {"slug": w.network.slug}, None, network_view(200, 200)),
    "advocacy:dossier_list": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**WORKERS)),
    "advocacy:dossier_create": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**WORKERS),
    ),
    "advocacy:dossier_detail": ("get", dossier_kwargs, None, stek_view(**WORKERS)),
    "advocacy:dossier_edit": ("get", dossier_kwargs, None, stek_view(**WORKERS)),
    "advocacy:dossier_note": ("get", dossier_kwargs, None, stek_view(**WORKERS)),
    "advocacy:dossier_csv": ("get", dossier_kwargs, None, stek_view(**WORKERS)),
    "advocacy:dossier_ods": ("get", dossier_kwargs, None, stek_view(**WORKERS)),
    # An empty form: 400 with the errors on the page for the lead STEK's workers.
    "advocacy:dossier_step": ("post", dossier_kwargs, None, stek_view(400, volunteer=403)),
    "advocacy:dossier_outcome": ("post", dossier_kwargs, None, stek_view(400, volunteer=403)),
    "advocacy:dossier_invite": ("post", dossier_kwargs, None, stek_view(400, volunteer=403)),
    "advocacy:testimony_add": ("post", dossier_kwargs, None, stek_view(400, volunteer=403)),
    "advocacy:addressee_add": ("post", dossier_kwargs, None, stek_view(400, volunteer=403)),
    "advocacy:action_add": ("post", dossier_kwargs, None, stek_view(400, volunteer=403)),
    "advocacy:dossier_answer": ("post", dossier_kwargs, None, stek_view(**WORKERS_POST)),
    "advocacy:testimony_remove": ("post", quote_kwargs, None, stek_view(**WORKERS_POST)),
    "advocacy:addressee_edit": ("get", addressee_kwargs, None, stek_view(**WORKERS)),
    "advocacy:addressee_done": ("post", addressee_kwargs, None, stek_view(**WORKERS_POST)),
    # The rights check: open to all; inside a STEK for its members, who work with a visitor.
    "rights:check": ("get", None, None, public()),
    "rights:public_check": ("get", lambda w: {"slug": "alfa"}, None, public()),
    "rights:stek_check": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    # The rota: every member sees the open places and takes one; a take is its owner's only.
    "rota:open": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "rota:mine": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "rota:take": ("post", need_kwargs, None, stek_view(302)),
    "rota:give_back": ("post", own_take_kwargs, None, stek_view(404, volunteer=302)),
    "rota:plan": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**COORDINATORS)),
    "rota:assign": ("post", need_kwargs, None, stek_view(**COORDINATORS_POST)),
    "rota:roles": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**COORDINATORS)),
    "rota:role_edit": ("get", role_kwargs, None, stek_view(**COORDINATORS)),
    "rota:needs": ("get", activity_kwargs, None, stek_view(**COORDINATORS)),
    "rota:need_delete": (
        "post",
        need_delete_kwargs,
        None,
        stek_view(member=403, coordinator=302),
    ),
    # Participation: the idea box, the board and the phone vote are public; every member types
    # an idea at the onthaal and runs the tablet's ballot; workers moderate and run the council.
    "participation:box": ("get", lambda w: {"slug": "alfa"}, None, public()),
    "participation:board": ("get", lambda w: {"slug": "alfa"}, None, public()),
    "participation:board_print": ("get", lambda w: {"slug": "alfa"}, None, public()),
    "participation:board_pdf": ("get", lambda w: {"slug": "alfa"}, None, public()),
    "participation:vote_code": ("get", lambda w: {"slug": "alfa"}, None, public()),
    "participation:vote_phone": ("get", phone_vote_kwargs, None, public()),
    "participation:tablet_idea": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "participation:moderation": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**WORKERS),
    ),
    "participation:idea_detail": ("get", idea_kwargs, None, stek_view(**WORKERS)),
    "participation:idea_policy": (
        "post",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**COORDINATORS_POST),
    ),
    "participation:meetings": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**WORKERS),
    ),
    "participation:meeting": ("get", meeting_kwargs, None, stek_view(**WORKERS)),
    "participation:ballot": ("get", meeting_kwargs, None, stek_view()),
    # The yearly report: the STEK's coordinators; a snapshot's downloads only once it is made.
    "reports:year": ("get", report_kwargs, None, stek_view(**COORDINATORS)),
    # An empty form freezes the figures with no text of the team's own: a redirect.
    "reports:freeze": ("post", report_kwargs, None, stek_view(member=403, coordinator=302)),
    "reports:pdf": ("get", snapshot_kwargs, None, stek_view(**COORDINATORS)),
    "reports:ods": ("get", snapshot_kwargs, None, stek_view(**COORDINATORS)),
    "reports:csv": ("get", snapshot_kwargs, None, stek_view(**COORDINATORS)),
    # The network reads frozen reports only (already suppressed), never today's figures.
    "reports:network": ("get", lambda w: {"slug": w.network.slug}, None, network_view(200, 200)),
    "reports:network_year": ("get", network_report_kwargs, None, network_view(200, 200)),
    # The area analysis (ADR 0017): the STEK's coordinators read, import and set the area.
    "reports:area": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**COORDINATORS)),
    "reports:area_codes": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**COORDINATORS),
    ),  # fmt: skip
    "reports:area_import": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**COORDINATORS),
    ),  # fmt: skip
    "reports:area_map": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**COORDINATORS),
    ),  # fmt: skip
    "reports:area_dataset_delete": (
        "post",
        area_dataset_kwargs,
        None,
        stek_view(**COORDINATORS_POST),
    ),  # fmt: skip
    # The network dashboard (issue 18): aggregates only, for the network's analysts and admins.
    "reports:network_dashboard": (
        "get",
        lambda w: {"slug": w.network.slug},
        None,
        network_view(200, 200),
    ),
    "reports:network_dashboard_csv": (
        "get",
        lambda w: {"slug": w.network.slug},
        None,
        network_view(200, 200),
    ),
    "reports:network_dashboard_ods": (
        "get",
        lambda w: {"slug": w.network.slug},
        None,
        network_view(200, 200),
    ),
    # The reserve list and stand-ins: one's own entry and take; another's take to stand in for.
    "rota:reserve_join": ("post", need_kwargs, None, stek_view(302)),
    "rota:reserve_leave": ("post", own_reserve_kwargs, None, stek_view(404, volunteer=302)),
    "rota:offer_accept": ("post", own_reserve_kwargs, None, stek_view(404, volunteer=302)),
    "rota:standin_ask": ("post", own_take_kwargs, None, stek_view(404, volunteer=302)),
    "rota:standin_cancel": ("post", own_take_kwargs, None, stek_view(404, volunteer=302)),
    "rota:standin_take": ("post", standin_kwargs, None, stek_view(302)),
    "rota:no_show": ("post", own_take_kwargs, None, stek_view(**COORDINATORS_POST)),
    # My shifts in my calendar: the page for every member; the feed opens with its secret.
    "rota:feed": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "rota:feed_renew": ("post", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "rota:feed_revoke": ("post", lambda w: {"slug": w.stek_a.slug}, None, stek_view(302)),
    "rota:feed_ics": ("get", feed_kwargs, None, public()),
    # Hours and allowances: the coordinator's list and page per person; my own hours and PDF.
    "rota:volunteers": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**COORDINATORS),
    ),  # fmt: skip
    "rota:volunteer": ("get", volunteer_kwargs, None, stek_view(**COORDINATORS)),
    "rota:note_given": ("post", volunteer_kwargs, None, stek_view(**COORDINATORS_POST)),
    "rota:my_hours": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    "rota:certificate": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view()),
    # Sign-in links: asking for one and its confirm page are open to all (GET signs nobody in);
    # the coordinator mails, prints and revokes them.
    "rota:signin_request": ("get", None, None, public()),
    "rota:signin_confirm": ("get", None, None, public()),
    "rota:signin_links": (
        "get",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(**COORDINATORS),
    ),  # fmt: skip
    "rota:signin_send": ("post", volunteer_kwargs, None, stek_view(**COORDINATORS_POST)),
    "rota:signin_print": ("post", volunteer_kwargs, None, stek_view(**COORDINATORS)),
    "rota:signin_revoke": ("post", volunteer_kwargs, None, stek_view(**COORDINATORS_POST)),
    # The self-evaluation: the STEK's workers read it; its coordinators run it. A rater opens
    # the link without an account.
    "reports:selfeval_list": ("get", lambda w: {"slug": w.stek_a.slug}, None, stek_view(**WORKERS)),
    "reports:selfeval_start": (
        "post",
        lambda w: {"slug": w.stek_a.slug},
        None,
        stek_view(member=403, coordinator=302),
    ),
    "reports:selfeval_year": ("get", selfeval_kwargs, None, stek_view(**WORKERS)),
    "reports:selfeval_meeting": ("get", selfeval_meeting_kwargs, None, stek_view(**WORKERS)),
    "reports:selfeval_link_open": (
        "post",
        selfeval_kwargs,
        lambda w: {"kind": "partner"},
        stek_view(**COORDINATORS_POST),
    ),
    "reports:selfeval_link_revoke": (
        "post",
        selfeval_revoke_kwargs,
        None,
        stek_view(**COORDINATORS_POST),
    ),
    "reports:selfeval_close": ("post", selfeval_kwargs, None, stek_view(**COORDINATORS_POST)),
    "reports:selfeval_rate": ("get", selfeval_rate_kwargs, None, public()),
}


def all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            yield from all_url_names(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else repr(pattern)


def test_every_url_pattern_is_in_the_matrix():
    missing = sorted(set(all_url_names()) - set(MATRIX))
    assert not missing, f"add these views to the authorisation matrix: {missing}"


def test_the_matrix_lists_no_stale_views():
    assert not sorted(set(MATRIX) - set(all_url_names()))


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_authorisation(name, persona, world, client_for):
    method, kwargs, data, expected = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    client = client_for(persona)
    payload = data(world) if data else {}
    response = getattr(client, method)(url, payload)
    assert response.status_code == expected[persona], (
        f"{persona} {method.upper()} {url}: got {response.status_code}, "
        f"expected {expected[persona]}"
    )
    if persona == "anonymous" and expected[persona] == 302 and name.startswith("core:"):
        assert response["Location"].startswith(reverse("login"))
