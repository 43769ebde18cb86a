"""The help text and the error of a published text say the same thing: it is public, so no
names, phone numbers, addresses or other data of any person (staff too, not only visitors)
(issue 16)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from stek.agenda.models import Activity
from stek.core.privacy.validators import no_personal_data, no_personal_data_except_contacts
from tests.agenda.test_planning import activity_data

HELP = (
    "Deze tekst is openbaar. Zet er geen namen, telefoonnummers, adressen of andere gegevens "
    "van personen in."
)


def test_the_activity_form_says_what_is_checked_and_the_error_says_the_same(world, client_for):
    worker = client_for("worker_a")
    url = reverse("agenda:activity_create", kwargs={"slug": "alfa"})
    form = worker.get(url).content.decode()
    assert HELP in form and "Geen namen van bezoekers" not in form
    data = activity_data(world, description="Vraag naar onze medewerker Jan Peeters.")
    html = worker.post(url, data).content.decode()
    assert "Deze tekst is openbaar" in html
    assert "geen namen, telefoonnummers, adressen of andere gegevens van personen" in html
    assert "ook niet van medewerkers" in html
    assert "Jan Peeters" in html  # what was found
    assert "bezoeker herkenbaar" not in html  # not a visitor's: a person's
    assert not Activity.objects.exists()


def test_an_internal_text_names_any_person_too():
    with pytest.raises(ValidationError) as caught:
        no_personal_data("Gebeld met Jan Peeters.")
    message = caught.value.messages[0]
    assert "ook niet van medewerkers" in message and "Jan Peeters" in message
    assert "openbaar" not in message  # a signal or a dossier is not published
    with pytest.raises(ValidationError) as caught:
        no_personal_data_except_contacts("Gebeld met Jan Peeters.")
    assert "Deze tekst is openbaar" in caught.value.messages[0]
