"""Form widgets drawn in Python where Django's templates render one include per item."""

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

register = template.Library()


def _attrs(attrs):
    """As django/forms/widgets/attrs.html: ' name="value"', a bare name for True, nothing for
    False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


@register.filter
def select_options(optgroups):
    """A select's options (and optgroups) as django/forms/widgets/select.html and
    select_option.html draw them, in one pass instead of two templates per option."""
    parts = []
    for group_name, group_choices, _index in optgroups:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(localize(group_name))}">')
        for option in group_choices:
            parts.append(
                f'\n  <option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(localize(option['label']))}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
