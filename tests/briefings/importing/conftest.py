"""Fixtures for the import tests: the small files beside these tests, and the shared sample data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from briefings.clock import london
from briefings.queries.briefings import BriefingRow
from briefings.scheduling import BriefingFields
from briefings.services import Services
from briefings.vocabulary import Delivery
from tests.sample_data import SAMPLE_DATA, SKIP_REASON

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixture_bytes() -> Callable[[str], bytes]:
    """The bytes of a small file kept beside these tests."""
    return lambda name: (FIXTURES / name).read_bytes()


@pytest.fixture
def sample_data() -> Path:
    """The shared sample county's folder; tests using it skip when it is not beside the checkout."""
    if SAMPLE_DATA is None:
        pytest.skip(SKIP_REASON)
    return SAMPLE_DATA


@pytest.fixture
def online_briefing(
    services: Services, clock: Any, topic_id: Callable[[str], int]
) -> Callable[..., BriefingRow]:
    """Schedule an online briefing on a day from start to end (London), as it was before it happened."""

    def make(
        day: date, start: time, end: time, title: str = "DSL update", capacity: int = 500
    ) -> BriefingRow:
        clock.set(datetime.combine(day, time(0, 0), tzinfo=UTC).replace(year=day.year - 1))
        row = services.briefings.schedule(
            BriefingFields(
                title=title,
                topic_id=topic_id("dsl_update"),
                starts_at=london(day, start),
                ends_at=london(day, end),
                delivery=Delivery.ONLINE,
                capacity=capacity,
                join_url="https://teams.microsoft.com/l/meetup-join/test",
            )
        )
        return row

    return make
