"""Belgian social rights as code: an OpenFisca country package with no Django imports.

Entities: person and household. Parameters are dated YAML with a reference per value; values
not tied to an official source carry ``metadata: {unconfirmed: true}``. Each right is split
into named condition variables plus an amount, so a user interface can say which condition
decides. See rules/README.md.
"""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from .entities import entities
from .inputs import INPUTS

HERE = Path(__file__).parent


class CountryTaxBenefitSystem(TaxBenefitSystem):
    def __init__(self):
        super().__init__(entities)
        self.add_variables(*INPUTS)
        self.add_variables_from_directory(str(HERE / "variables"))
        self.load_parameters(str(HERE / "parameters"))
