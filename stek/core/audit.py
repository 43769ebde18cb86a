"""Record who viewed or exported data across STEKs (and tenancy changes), and read it back.

An entry stores its target as a short Dutch phrase ("lid ann@example.org (volunteer)",
"dossier Huurpremie" with the detail "actie council_testimony"): the stored text is the
record, and old entries stay as they were. ``describe`` renders it for the reader at display
time: the kind of object in the reader's language and the codes (roles, dossier steps,
outcomes, actions) by their labels. The apps register their vocabularies with
``register_codes`` (core imports no app)."""

import re

from django.utils.translation import gettext_lazy as _

from .enums import MembershipRole, NetworkRole, PartnershipRole
from .models import AuditEvent


def record(actor, action, target, *, network=None, stek=None, detail=""):
    """Write one audit event. ``target`` names what was acted on, never a visitor."""
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.email if authenticated else "anonymous",
        action=action,
        target=str(target)[:200],
        network=network or (stek.network if stek is not None else None),
        stek=stek,
        detail=str(detail)[:500],
    )


# --- reading an entry back -------------------------------------------------------------------

# the first word(s) of a stored target -> what it reads as
SUBJECTS = {
    "activiteit": _("activiteit"),
    "sessie": _("sessie"),
    "pauze": _("pauze"),
    "telcategorie": _("telcategorie"),
    "onderwerp": _("onderwerp"),
    "dossier": _("dossier"),
    "dienst": _("dienst"),
    "mededeling": _("mededeling"),
    "locatie": _("locatie"),
    "STEK": _("STEK"),
    "partner": _("partner"),
    "lid": _("lid"),
    "verwijzing naar": _("verwijzing naar"),
    "HSDS": _("HSDS-import"),
    "jaarverslag": _("jaarverslag"),
    # the rota's (issue 17): a role, what an activity needs, a take, and links and money of one
    # member (the member by e-mail, as "lid" has it)
    "rol": _("rol"),
    "nodig": _("nodig"),
    "beurt": _("beurt"),
    "aanmeldlink lid": _("aanmeldlink van"),
    "agenda-link lid": _("agenda-link van"),
    "vergoeding lid": _("vergoeding van"),
    "organisatienota lid": _("organisatienota van"),
}
# a whole stored target -> what it reads as
WHOLE = {
    "signalen in het netwerk": _("signalen in het netwerk"),
    "netwerkoverzicht": _("netwerkoverzicht"),
    "jaarverslagen in het netwerk": _("jaarverslagen in het netwerk"),
}
# a stored target's last word -> what it reads as
SUFFIXES = {"hersteld": _("hersteld"), "gecontroleerd": _("gecontroleerd")}
# the first word of a stored detail (a dossier's change or export) -> what it reads as
DETAILS = {
    "actie": _("actie"),
    "stap": _("stap"),
    "uitkomst": _("uitkomst"),
    "uitnodiging:": _("uitnodiging:"),
    "bestemmeling": _("bestemmeling"),
    "opgevolgd:": _("opgevolgd:"),
}
WHOLE_DETAILS = {
    "gegevens": _("gegevens"),
    "getuigenis": _("getuigenis"),
    "getuigenis verwijderd": _("getuigenis verwijderd"),
    "nota (PDF)": _("nota (PDF)"),
    "bewijs (csv)": _("bewijstabel (CSV)"),
    "bewijs (ods)": _("bewijstabel (ODS)"),
    # the rota's sign-in links, calendar links, takes and organisation notes
    "per e-mail": _("per e-mail"),
    "afgedrukt": _("afgedrukt"),
    "ingetrokken": _("ingetrokken"),
    "gebruikt": _("gebruikt"),
    "nieuw": _("nieuw"),
    "gegeven": _("gegeven"),
    "niet gegeven": _("niet gegeven"),
    "niet gekomen: ja": _("niet gekomen"),
    "niet gekomen: nee": _("wel gekomen"),
}
# the participation's ideas and visitors' council: a number, and what happened
IDEAS = {
    "gepubliceerd": _("idee #%(n)s gepubliceerd"),
    "niet aanvaard": _("idee #%(n)s niet aanvaard"),
    "aanvaard": _("idee #%(n)s aanvaard"),
    "gekoppeld": _("idee #%(n)s gekoppeld"),
}
COUNCILS = {
    "": _("bezoekersraad #%(n)s"),
    "keuze": _("bezoekersraad #%(n)s: keuze toegevoegd"),
    "open": _("bezoekersraad #%(n)s: stemming open"),
    "dicht": _("bezoekersraad #%(n)s: stemming dicht"),
}

_codes = {}  # a stored code -> its label (lazy)


def register_codes(*choices):
    """Let ``describe`` show these TextChoices' values by their labels."""
    for enum in choices:
        _codes.update(dict(zip(enum.values, enum.labels, strict=True)))


register_codes(MembershipRole, NetworkRole, PartnershipRole)

_ROLE = re.compile(r"^(?P<rest>.*) \((?P<code>[a-z_]+)\)$")
_PURGED = re.compile(r"^(?P<n>\d+) verwijzingen opgeruimd$")
_IMPORTED = re.compile(r"^(?P<ok>\d+) imported, (?P<bad>\d+) rejected$")
_SIGNING = re.compile(r"^(?P<stek>.+): (?P<code>[a-z_]+)$")
_IDEA = re.compile(r"^idee #(?P<n>\d+) (?P<what>gepubliceerd|niet aanvaard|aanvaard|gekoppeld)$")
_IDEA_INTO = re.compile(r"^idee #(?P<n>\d+) bij #(?P<into>\d+)$")
_COUNCIL = re.compile(r"^bezoekersraad #(?P<n>\d+)(?: (?P<what>keuze|open|dicht))?$")
_PAPER_VOTES = re.compile(r"^bezoekersraad #(?P<n>\d+) (?P<total>\d+) papieren stemmen$")
_PAYMENT = re.compile(
    r"^(?P<code>[a-z_]+) (?P<amount>\d+(?:\.\d+)?) op (?P<day>\d{4}-\d{2}-\d{2})$"
)


def _label(code):
    return str(_codes.get(code, code))


def describe_target(target):
    """A stored target in the reader's language; an unknown one as it was stored."""
    if target in WHOLE:
        return str(WHOLE[target])
    purged = _PURGED.match(target)
    if purged:
        return _("%(n)s verwijzingen opgeruimd") % {"n": purged["n"]}
    idea = _IDEA.match(target)
    if idea:
        return IDEAS[idea["what"]] % {"n": idea["n"]}
    idea = _IDEA_INTO.match(target)
    if idea:
        return _("idee #%(n)s samengevoegd met #%(into)s") % idea.groupdict()
    council = _COUNCIL.match(target)
    if council:
        return COUNCILS[council["what"] or ""] % {"n": council["n"]}
    council = _PAPER_VOTES.match(target)
    if council:
        return _("bezoekersraad #%(n)s: %(total)s papieren stemmen") % council.groupdict()
    for prefix, label in sorted(SUBJECTS.items(), key=lambda p: -len(p[0])):
        if target.startswith(prefix + " "):
            rest = target[len(prefix) + 1 :]
            suffix = ""
            for word, said in SUFFIXES.items():
                if rest.endswith(" " + word):
                    rest, suffix = rest[: -len(word) - 1], f" ({said})"
            role = _ROLE.match(rest)
            if role and role["code"] in _codes:
                rest = f"{role['rest']} ({_label(role['code'])})"
            return f"{label}: {rest}{suffix}"
    return target


def describe_detail(detail):
    if not detail:
        return ""
    if detail in WHOLE_DETAILS:
        return str(WHOLE_DETAILS[detail])
    word, _sep, rest = detail.partition(" ")
    if word in DETAILS and rest:
        return f"{DETAILS[word]} {_label(rest) if rest in _codes else rest}"
    imported = _IMPORTED.match(detail)
    if imported:
        return _("%(ok)s ingelezen, %(bad)s geweigerd") % imported.groupdict()
    payment = _PAYMENT.match(detail)
    if payment and payment["code"] in _codes:
        return _("%(kind)s: € %(amount)s op %(day)s") % {
            "kind": _label(payment["code"]),
            "amount": payment["amount"],
            "day": payment["day"],
        }
    signing = _SIGNING.match(detail)
    if signing and signing["code"] in _codes:
        return f"{signing['stek']}: {_label(signing['code'])}"
    return detail


def describe(event):
    """What an entry was about, for the audit log page."""
    target = describe_target(event.target)
    detail = describe_detail(event.detail)
    return f"{target} · {detail}" if detail else target
