"""Shared by the variables: the money tolerance and a test on the members' statuses.

This module lives outside ``variables/`` because OpenFisca loads every file there as a file
of variables."""

TOLERANCE = 0.005  # float32 money: compare thresholds with half a cent


def any_member_has(household, period, *statuses):
    """True for households where at least one member has one of ``statuses``."""
    members = household.members
    return household.any(sum(members(status, period) for status in statuses) > 0)
