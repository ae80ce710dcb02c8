from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefings.queries.briefings import BriefingRow
from briefings.services import Services


@pytest.fixture
def organiser(services: Services) -> None:
    services.invites.set_organiser("Jo O'Advisor", "jo.advisor@wyvernshire.example")


@pytest.fixture
def booked_briefing(
    services: Services,
    make_briefing: Callable[..., BriefingRow],
    make_person: Callable[..., Any],
    make_setting,
) -> Callable[..., BriefingRow]:
    """A briefing with people booked: ``names`` as (first, last, email) triples."""

    def make(names: list[tuple[str, str, str | None]], **overrides: Any) -> BriefingRow:
        briefing = make_briefing(capacity=max(len(names), 1), **overrides)
        setting = make_setting(name="St Zoë's C of E Primary")
        for first, last, email in names:
            person = make_person(first_name=first, last_name=last, email=email, setting_id=setting.id)
            services.bookings.book(briefing.id, person.id, setting_id=setting.id)
        return services.briefings.row(briefing.id)

    return make


PEOPLE = [
    ("Zoë", "Brontë", "zoe.bronte@stzoes.example"),
    ("Siân", "O'Neill", "sian.oneill@stzoes.example"),
    ("Renée", "Ng 😀", "renee.ng@stzoes.example"),
]
