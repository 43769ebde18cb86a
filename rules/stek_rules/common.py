"""Shared by the variables: the money tolerance, a test on the members' statuses, and the
indexation helper.

This module lives outside ``variables/`` because OpenFisca loads every file there as a file
of variables."""

import numpy as np

TOLERANCE = 0.005  # float32 money: compare thresholds with half a cent

# A published (dated) value belongs to the current index step when it differs from
# base × coefficient by rounding only; a value of an earlier step differs by about 2 %.
SAME_STEP = 0.005

# The huurpremie's designated municipalities (wonenvlaanderen.be: "Vlabinvestgebied, één van
# de 13 centrumsteden of het grootstedelijk gebied Antwerpen of Gent"). The source names the
# 13 centrumsteden, not the municipalities of the two urban areas or of the Vlabinvest area:
# this list is incomplete, so the check asks ``designated_municipality`` instead.
CENTRUMSTEDEN = (
    "Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk", "Leuven", "Mechelen",
    "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout",
)  # fmt: skip


def eq(values, member):
    """``values == member`` for an enum column, in plain NumPy (OpenFisca's EnumArray
    comparison is slow for small populations)."""
    return np.asarray(values).view(np.ndarray) == member.index


def any_member_has(household, period, *statuses):
    """True for households where at least one member has one of ``statuses``."""
    members = household.members
    return household.any(sum(members(status, period) for status in statuses) > 0)


def indexed(published, base, coefficient):
    """The amount in force: ``base × coefficient`` rounded to the cent, unless the published
    value of the same index step is there (it differs by rounding only: keep the official
    figure). A published value of an older step is ignored, so one new index step moves every
    amount tied to it. See docs/adr/0004 "Indexation"."""
    computed = np.round(base * coefficient, 2)
    same_step = np.abs(published - computed) <= SAME_STEP * computed
    return np.where(same_step, published, computed)
