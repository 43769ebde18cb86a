"""The forms of the area analysis (ADR 0017): they only check what a person typed; reading the
files is the services' (``services.import_area_dataset``, ``save_area_map``)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from stek.core.privacy import no_personal_data

from . import area

STATBEL = "Statbel (statbel.fgov.be)"
CC_BY = "CC BY 4.0"


class AreaImportForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV of TXT)"),
        help_text=_(
            "Een bestand van Statbel of een CSV met een kolom CD_REFNIS (of nis) en eventueel "
            "CD_SECTOR (of sector), en kolommen met cijfers."
        ),
    )
    name = forms.CharField(
        label=_("Naam van de gegevens"),
        max_length=120,
        validators=[no_personal_data],
        help_text=_(
            "Bijvoorbeeld: Bevolking per sector 2025. Lees je opnieuw in met dezelfde naam, "
            "dan vervangt het nieuwe bestand het oude."
        ),
    )
    source = forms.CharField(
        label=_("Bron"), max_length=200, initial=STATBEL, required=False,
        validators=[no_personal_data],
    )  # fmt: skip
    licence = forms.CharField(label=_("Licentie"), max_length=60, initial=CC_BY, required=False)
    year = forms.IntegerField(
        label=_("Jaar"),
        required=False,
        validators=[MinValueValidator(area.FIRST_YEAR), MaxValueValidator(area.LAST_YEAR)],
        help_text=_(
            "Niet verplicht. Heeft het bestand een kolom CD_YEAR, dan nemen we zonder jaar het "
            "laatste jaar."
        ),
    )


class ServiceAreaForm(forms.Form):
    codes = forms.CharField(
        label=_("Codes van het werkgebied"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        required=False,
        help_text=_(
            "NIS-codes van gemeenten (5 cijfers, bijvoorbeeld 44021) en codes van statistische "
            "sectoren (9 tekens, bijvoorbeeld 44021A00-), gescheiden door spaties, komma's of "
            "nieuwe regels. Gebruik de codes van na de fusies van 2025."
        ),
    )


class AreaMapForm(forms.Form):
    file = forms.FileField(
        label=_("Grenzen (GeoJSON)"),
        help_text=_(
            "Een GeoJSON FeatureCollection van vlakken (Polygon of MultiPolygon) in "
            "lengte- en breedtegraad (WGS 84), met de sectorcode of NIS-code in een eigenschap."
        ),
    )
    code_property = forms.CharField(
        label=_("Eigenschap met de code"),
        max_length=40,
        required=False,
        help_text=_("Niet verplicht: we zoeken zelf CD_SECTOR of CD_REFNIS."),
    )
