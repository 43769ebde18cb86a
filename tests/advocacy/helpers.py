from datetime import date, timedelta

from stek.advocacy import services
from stek.core.dates import monday_of
from tests.socialmap.helpers import topic


def make_dossier(
    stek,
    title="Huurpremie: het formulier is onbegrijpelijk",
    topics=("vlaamse_huurpremie",),
    **fields,
):
    defaults = {
        "problem": "Mensen begrijpen het aanvraagformulier van de huurpremie niet.",
        "ask": "Een eenvoudig formulier en hulp aan het loket.",
        "evidence_from": date(2020, 1, 1),
    }
    defaults.update(fields)
    return services.create_dossier(
        actor=None, stek=stek, title=title, topics=[topic(c) for c in topics], **defaults
    )


# Six weeks back always lands in a completed month (``boundary.published_from``): figures that
# leave a STEK count only completed months, so a test that looks across STEKs needs them there.
PUBLISHED = 6


def signals(
    stek, code="vlaamse_huurpremie", n=1, weeks_ago=PUBLISHED, today=None, barriers=(), **extra
):
    """``n`` signals about topic ``code`` in the week ``weeks_ago`` weeks before ``today`` (by
    default six weeks back: a completed month, see ``PUBLISHED``)."""
    day = (today or date.today()) - timedelta(weeks=weeks_ago)
    return [
        services.register_signal(
            stek=stek, kind=extra.get("kind", "problem"), topic=topic(code), barriers=barriers,
            today=monday_of(day),
            **{k: v for k, v in extra.items() if k != "kind"},
        )
        for _ in range(n)
    ]  # fmt: skip
