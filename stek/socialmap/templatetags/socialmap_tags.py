"""Opening hours as people read them: ``{{ service.opening_hours|readable_hours }}``."""

from django import template

from stek.socialmap import hours

register = template.Library()


@register.filter
def readable_hours(expression):
    return hours.humanize(expression)
