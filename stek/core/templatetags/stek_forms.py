"""Form widgets drawn in Python where Django's templates render one include per item."""

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stek.core.memo import Lru

register = template.Library()

# Blank forms' fields, rendered once per process for everything they show (``blank_fields``).
_BLANK = Lru(256)


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


def _choices_key(choices):
    return tuple(
        (str(value), _choices_key(label) if isinstance(label, list | tuple) else str(label))
        for value, label in choices
    )


def _field_key(form, name, field):
    """Everything a blank field's HTML is drawn from."""
    widget = field.widget
    choices = getattr(field, "choices", None)
    return (
        name,
        type(field),
        type(widget),
        getattr(widget, "template_name", ""),
        str(field.label),
        str(field.help_text or ""),
        field.required,
        field.disabled,
        field.show_hidden_initial,
        repr(form[name].value()),  # the initial value as drawn (a model's pk)
        None if choices is None else _choices_key(choices),
        repr(sorted(widget.attrs.items())),
        getattr(widget, "format", None),
    )


def _fields_html(form):
    """What core/partials/form.html draws for a form without errors."""
    visible = "".join(
        f'<div class="field{" field-error" if field.errors else ""}">{field.as_field_group()}</div>'
        for field in form.visible_fields()
    )
    hidden = "".join(str(field) for field in form.hidden_fields())
    return mark_safe(f"\n{visible}\n{hidden}\n")  # noqa: S308 - Django rendered every part


@register.filter
def blank_fields(form):
    """The fields of ``form`` as core/partials/form.html draws them; a blank (unbound) form's
    are rendered once per process for its class, language, labels, initial values, choices
    and widget attributes (a page with several small forms, the dossier's). Nothing of the
    user or the request is in a form's fields: the CSRF token is the caller's."""
    if form.is_bound:
        return _fields_html(form)
    key = (
        type(form),
        form.prefix,
        form.auto_id,
        form.label_suffix,
        form.use_required_attribute,
        get_language(),
        tuple(_field_key(form, name, field) for name, field in form.fields.items()),
    )
    return _BLANK.get_or_compute(key, lambda: _fields_html(form))
