"""Money and parameter values as people read them: "€ 1.314,20", "3 jaar", "ja"."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def euro(value, decimals=None):
    """A money amount in the current language; whole euros when there are no cents."""
    if value in (None, ""):
        return ""
    value = float(value)
    if decimals is None:
        decimals = 0 if round(value, 2) == round(value) else 2
    return "€\u00a0" + number_format(
        round(value, int(decimals)), int(decimals), force_grouping=True
    )


@register.filter
def shown_value(value, kind):
    """A value from the rules under "why?": kind is money, years, int or bool."""
    if kind == "money":
        return euro(value)
    if kind == "years":
        whole = float(value).is_integer()
        shown = str(int(value)) if whole else number_format(value, 1)
        return ngettext("%(n)s jaar", "%(n)s jaar", int(value)) % {"n": shown}
    if kind == "bool" or isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return number_format(value) if isinstance(value, float) else str(value)


@register.filter
def parameter_value(parameter):
    """A dated parameter (``engine.parameter_at``) by its unit."""
    unit = parameter.get("unit", "")
    kind = {"currency-EUR": "money", "year": "years", "bool": "bool"}.get(unit, "")
    return shown_value(parameter["value"], kind)
