"""stek.core's select template draws the same options as Django's, without an include per
option (a list of 40 topics rendered 80 templates)."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates


class Sample(forms.Form):
    grouped = forms.ChoiceField(
        choices=[("Groep <a>", [("1", "één"), ("2", '<twee> & "drie"')]), ("3", "vier"), (5, 6)]
    )
    many = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y&Z")], widget=forms.SelectMultiple(attrs={"data-q": 'a"b'})
    )
    maybe = forms.NullBooleanField()


def _flat(html):
    return re.sub(r"\s+", " ", html).strip()


def test_the_select_draws_what_djangos_own_templates_draw():
    data = {"grouped": "2", "many": ["x", "y"], "maybe": "true"}
    ours = str(Sample(data))
    django = Sample(data)
    django.renderer = DjangoTemplates()
    assert _flat(ours) == _flat(str(django))
    assert '<option value="2" selected>&lt;twee&gt; &amp; &quot;drie&quot;</option>' in ours
    assert '<optgroup label="Groep &lt;a&gt;">' in ours and 'data-q="a&quot;b"' in ours


def test_the_select_renders_no_template_per_option(client):
    from django.test.signals import template_rendered

    names = []

    def seen(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    try:
        str(Sample())
    finally:
        template_rendered.disconnect(seen)
    assert "django/forms/widgets/select_option.html" not in names
    assert names.count("django/forms/widgets/select.html") == 3
