"""Who may do what: every member of the STEK types in an idea (the onthaal tablet, a paper
slip) and runs the shared tablet's ballot as facilitator; workers moderate the ideas, prepare
and close the council's votes and write the answers."""

from stek.core.permissions import is_coordinator, is_member, is_worker


def can_take_ideas(user, stek):
    return is_member(user, stek)


def can_facilitate(user, stek):
    return is_member(user, stek)


def can_moderate(user, stek):
    return is_worker(user, stek)


def can_run_council(user, stek):
    return is_worker(user, stek)


def can_set_idea_policy(user, stek):
    return is_coordinator(user, stek)
