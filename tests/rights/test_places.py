"""A STEK's rights check suggests only services that serve the STEK's municipality."""

from django.urls import reverse

from stek.core.enums import OrganisationKind
from stek.rights.places import region_of, serves, services_for
from stek.socialmap.models import Location
from tests.factories import OrganisationFactory
from tests.factories.rights import Visitor
from tests.factories.socialmap import ServiceFactory


def elsewhere(service, postal_code, municipality):
    service.locations.all().update(postal_code=postal_code, municipality=municipality)
    return service


def test_regions_from_the_postcode():
    assert region_of("1070") == "brussel"
    assert region_of("9000") == "vlaanderen" and region_of("3000") == "vlaanderen"
    assert region_of("1300") == "wallonie" and region_of("4000") == "wallonie"
    assert region_of("") is None and region_of("B-1000") is None
    assert region_of("¹⁰⁷⁰") is None  # superscript digits: str.isdigit() says yes, int() no


def test_an_ocmw_serves_its_own_municipality_only(world):
    network = world.network
    ghent = OrganisationFactory(network=network, name="OCMW Gent", kind=OrganisationKind.OCMW)
    anderlecht = OrganisationFactory(
        network=network, name="OCMW Anderlecht", kind=OrganisationKind.OCMW
    )
    caw_brussels = OrganisationFactory(network=network, name="CAW Brussel", kind="caw")
    caw_ghent = OrganisationFactory(network=network, name="CAW Oost", kind="caw")
    phone = OrganisationFactory(network=network, name="Infolijn", kind="andere")
    here = ServiceFactory(organisation=ghent, name="Leefloon Gent")
    there = elsewhere(
        ServiceFactory(organisation=anderlecht, name="Leefloon Anderlecht"), "1070", "Anderlecht"
    )
    far = elsewhere(
        ServiceFactory(organisation=caw_brussels, name="Onthaal Brussel"), "1000", "Brussel"
    )
    near = elsewhere(
        ServiceFactory(organisation=caw_ghent, name="Onthaal Gentbrugge"), "9050", "Gentbrugge"
    )
    anywhere = ServiceFactory(organisation=phone, name="Infolijn leefloon", without_location=True)
    stek = world.stek_a  # in Gent
    assert serves(here, stek) and not serves(there, stek)
    assert not serves(far, stek) and serves(near, stek) and serves(anywhere, stek)
    found = services_for(stek, ["leefloon"], public_only=True)["leefloon"]
    names = {r.service.name for r in found}
    assert "Leefloon Anderlecht" not in names and "Onthaal Brussel" not in names
    assert len(found) == 2  # two per result, from those that serve Gent


def test_the_stek_door_shows_only_services_of_its_municipality(client, world):
    anderlecht = OrganisationFactory(
        network=world.network, name="OCMW Anderlecht", kind=OrganisationKind.OCMW
    )
    elsewhere(
        ServiceFactory(organisation=anderlecht, name="Woonloket Anderlecht", housing=True),
        "1070",
        "Anderlecht",
    )
    ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    visitor = Visitor(client, reverse("rights:public_check", args=["alfa"]))
    visitor.walk().post("results")
    assert "Woonloket" in visitor.html and "Woonloket Anderlecht" not in visitor.html
    assert Location.objects.filter(municipality="Anderlecht").exists()
