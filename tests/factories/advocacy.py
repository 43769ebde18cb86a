"""Advocacy factories: signals and dossiers, made through the app's services."""

from datetime import date, timedelta

import factory

from stek.advocacy import services
from stek.advocacy.models import Dossier, Signal
from stek.core.dates import monday_of

from .core import StekFactory
from .socialmap import TopicFactory, topics_of

# Six weeks back always lands in a completed month (``boundary.published_from``): figures that
# leave a STEK count only completed months, so a test that looks across STEKs needs them there.
PUBLISHED = 6


class SignalFactory(factory.django.DjangoModelFactory):
    """A problem about the Flemish rent allowance, in the week ``weeks_ago`` weeks before
    ``today`` (by default six weeks back: a completed month, see ``PUBLISHED``).

    ``SignalFactory.create_batch(3, stek=stek, topic__code="leefloon", barriers=["taal"])``
    registers three. ``week`` (a Monday) may also be given outright.
    """

    class Meta:
        model = Signal

    class Params:
        weeks_ago = PUBLISHED
        today = None  # the day the weeks are counted back from; None: ``date.today()``
        # With a visitor's quote, which needs the visitor's consent.
        quoted = factory.Trait(quote="Het formulier is te moeilijk.", quote_consent=True)

    stek = factory.SubFactory(StekFactory)
    kind = "problem"
    topic = factory.SubFactory(TopicFactory, code="vlaamse_huurpremie")
    barriers = ()
    week = factory.LazyAttribute(
        lambda o: monday_of((o.today or date.today()) - timedelta(weeks=o.weeks_ago))
    )

    @classmethod
    def _create(cls, model_class, *, week, **fields):
        return services.register_signal(today=week, **fields)


class DossierFactory(factory.django.DjangoModelFactory):
    """A dossier about the rent-allowance form, led by ``lead_stek``, made through
    ``create_dossier`` (no actor).

    Other STEKs of the network: ``invited`` are invited to co-sign (an open invitation),
    ``co_signers`` invited and signed, ``declined`` invited and declined.
    """

    class Meta:
        model = Dossier

    lead_stek = factory.SubFactory(StekFactory)
    title = "Huurpremie: het formulier is onbegrijpelijk"
    problem = "Mensen begrijpen het aanvraagformulier van de huurpremie niet."
    ask = "Een eenvoudig formulier en hulp aan het loket."
    evidence_from = date(2020, 1, 1)
    topics = ("vlaamse_huurpremie",)
    invited = ()
    co_signers = ()
    declined = ()

    @classmethod
    def _create(cls, model_class, *, lead_stek, topics, invited, co_signers, declined, **fields):
        dossier = services.create_dossier(
            actor=None, stek=lead_stek, topics=topics_of(topics), **fields
        )
        steks = [*invited, *co_signers, *declined]
        if steks:
            services.invite_steks(actor=None, dossier=dossier, steks=steks)
        for stek, sign in [(s, True) for s in co_signers] + [(s, False) for s in declined]:
            services.answer_invitation(actor=None, dossier=dossier, stek=stek, sign=sign)
        return dossier
