"""Turning command-line text into dates, times and enum values, with clear refusals."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from briefings.clock import LONDON

E = TypeVar("E", bound=Enum)


def local_datetime(text: str) -> datetime:
    """ISO 8601; without an offset it means English local time (what an advisor types)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date and time like 2025-10-08T09:30") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LONDON)


def iso_date(text: str) -> date:
    """A date written 2025-10-08."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2025-10-08") from None


def enum_value(enum_class: type[E]) -> Callable[[str], E]:
    """An argparse type that accepts an enum's values (case-insensitive, dashes for underscores)."""

    def parse(text: str) -> E:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        for member in enum_class:
            if member.value == key:
                return member
        choices = ", ".join(str(m.value) for m in enum_class)
        raise argparse.ArgumentTypeError(f"“{text}” is not one of: {choices}")

    return parse
