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


class EveryWidget(forms.Form):
    name = forms.CharField(help_text="Help & <more>", max_length=20)
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"autocomplete": "x"}))
    number = forms.IntegerField(min_value=1)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    yes = forms.BooleanField(required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), initial='a "b" <c>')
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B&")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(widget=forms.HiddenInput, initial="s")


def test_blank_fields_draw_what_the_form_partial_draws_and_follow_their_form():
    from django.template.loader import render_to_string
    from django.utils import translation

    from stek.core.templatetags.stek_forms import blank_fields

    form = EveryWidget()
    assert blank_fields(form) == render_to_string("core/partials/form.html", {"form": form})
    assert blank_fields(EveryWidget()) == blank_fields(form)  # remembered, the same
    other = EveryWidget(initial={"name": "Ander"})
    assert 'value="Ander"' in blank_fields(other) and 'value="Ander"' not in blank_fields(form)
    changed = EveryWidget()
    changed.fields["one"].choices = [("c", "C")]
    assert 'value="c"' in blank_fields(changed) and 'value="c"' not in blank_fields(form)
    with translation.override("en"):
        labelled = EveryWidget()
        labelled.fields["name"].label = translation.gettext_lazy("Naam")
        assert ">Name" in blank_fields(labelled)
    bound = EveryWidget({"name": ""})
    assert "errorlist" in blank_fields(bound)  # a posted form is drawn afresh, with its errors
