from datetime import time, timedelta

from django.utils import timezone

from stek.agenda.models import Activity, TallyCategory


def weekly_activity_today(stek, **extra):
    """A weekly activity whose first session is today, so it can be counted today."""
    today = timezone.localdate()
    defaults = {"start_date": today, "start_time": time(10), "end_time": time(12)}
    defaults.update(extra)
    activity, _ = Activity.objects.get_or_create(stek=stek, title="Koffie", defaults=defaults)
    return activity


def category(stek, label="Volwassene"):
    return TallyCategory.objects.get_or_create(stek=stek, label=label)[0]


def next_weekday(day, weekday):
    return day + timedelta(days=(weekday - day.weekday()) % 7)
