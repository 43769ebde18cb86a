from django import template

register = template.Library()


@register.filter
def minutes(delta):
    """A timedelta as whole minutes (rounded up): '15' for timedelta(minutes=15)."""
    if delta is None:
        return ""
    seconds = int(delta.total_seconds())
    return str(-(-seconds // 60))


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (None when absent)."""
    return mapping.get(key) if mapping else None
