"""Agenda factories: activities and tally categories."""

from datetime import time

import factory
from django.utils import timezone

from stek.agenda.models import Activity, TallyCategory

from .core import StekFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    """A weekly activity whose first session is today, so it can be counted today.

    Got or created by STEK and title: a second call for the same STEK gives the same activity.
    """

    class Meta:
        model = Activity
        django_get_or_create = ("stek", "title")

    stek = factory.SubFactory(StekFactory)
    title = "Koffie"
    start_date = factory.LazyFunction(timezone.localdate)
    start_time = time(10)
    end_time = time(12)


class TallyCategoryFactory(factory.django.DjangoModelFactory):
    """A category the STEK counts by; got or created by STEK and label."""

    class Meta:
        model = TallyCategory
        django_get_or_create = ("stek", "label")

    stek = factory.SubFactory(StekFactory)
    label = "Volwassene"
