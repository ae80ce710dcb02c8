from __future__ import annotations

import pytest

from tests.county import County, build_county


@pytest.fixture
def county(services, clock, db) -> County:
    """The small county with nine years of history (see tests/county.py), at 1 October 2025."""
    return build_county(services, clock, db)
