"""Days from user input: see ``stek.core.params`` (bounded, never raises)."""

from .params import monday_of, parse_day

__all__ = ["monday_of", "parse_day"]
