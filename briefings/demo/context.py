"""What every step of the demo generator shares: the seed, the day it is, the size, the topics."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from briefings.clock import london
from briefings.term_calendar import academic_year_of, half_terms

# The demo's "now": early on ``today``, before any of that day's briefings start.
MORNING = time(8, 0)


class DemoRandom(random.Random):
    """Python's seeded generator (repeatable, not secret: right for made-up data), plus ``chance``."""

    def chance(self, probability: float) -> bool:
        """True with the given probability."""
        return self.random() < probability

    def uuid4(self) -> str:
        """A random (version 4) UUID drawn from this stream, so it repeats with the seed."""
        return str(uuid.UUID(int=self.getrandbits(128), version=4))


@dataclass(frozen=True)
class DemoScale:
    """How big a county to make; the defaults are the demo, the benchmarks ask for more.

    Attributes:
        open_settings: Open settings (closed and proposed ones come on top, as in GIAS).
        academic_years: Years of briefings, ending with the current one.
        repeats: How many times each programme slot runs (a bigger county runs more sessions).
        booking_rate: Multiplies how keen people are to book.
        turnover: Share of staff who left or moved each year of the history.
        teachers_per_100_pupils: Class teachers and assistants in the directory (the demo keeps
            only leads and office staff; a big county's directory holds everyone who ever came).
    """

    open_settings: int = 444
    academic_years: int = 2
    repeats: int = 1
    booking_rate: float = 1.0
    turnover: float = 0.06
    teachers_per_100_pupils: float = 0.0


@dataclass(frozen=True)
class DemoContext:
    """The inputs every step reads."""

    seed: int
    today: date
    scale: DemoScale
    topics: dict[str, int]  # built-in topic codes to ids

    @property
    def now(self) -> datetime:
        """The moment the data describes (08:00 in England on ``today``)."""
        return london(self.today, MORNING)

    @property
    def current_year(self) -> int:
        """The September year of the academic year being run.

        In the summer holidays that is the coming year: its programme is out and taking bookings.
        """
        year = academic_year_of(self.today)
        return year + 1 if self.today > half_terms(year)[-1].last_day else year

    @property
    def years(self) -> list[int]:
        """The academic years with briefings, oldest first."""
        last = self.current_year
        return list(range(last - self.scale.academic_years + 1, last + 1))

    def rng(self, part: str) -> DemoRandom:
        """A random stream of its own per step, so one step's changes leave the others' data alone.

        String seeds go through SHA-512, so the streams are the same on every run and platform.
        """
        return DemoRandom(f"briefing-desk-demo/{self.seed}/{part}")
