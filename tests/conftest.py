"""Shared fixtures: a migrated database per test, a controllable clock, and factories."""

from __future__ import annotations

import os

# Before anything can create a QApplication: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from briefings.clock import london
from briefings.directory import PersonFields, SettingFields, VenueFields
from briefings.queries.briefings import BriefingRow
from briefings.queries.directory import PersonRow, SettingRow
from briefings.queries.reference import VenueRow
from briefings.scheduling import BriefingFields
from briefings.services import Services
from briefings.vocabulary import Delivery, Phase, Role
from models.db import DATA_DIR_ENV, DATABASE_ENV, Database, open_database

# A Wednesday in the autumn term, BST; briefings the factories make default to a week later.
DEFAULT_NOW = datetime(2025, 10, 1, 9, 0, tzinfo=UTC)


@dataclass
class MutableClock:
    """A clock tests can set and move."""

    moment: datetime = DEFAULT_NOW

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta

    def set(self, moment: datetime) -> None:
        self.moment = moment


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the real user's data folder or database."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("data-dir")))
    monkeypatch.delenv(DATABASE_ENV, raising=False)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated with Alembic per run; each test gets a copy (migrating takes ~0.3 s)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(str(path))
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    """A fresh migrated database file for this test."""
    path = tmp_path / "briefing-desk.sqlite3"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """The open test database."""
    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture
def clock() -> MutableClock:
    """The time services see; starts at DEFAULT_NOW."""
    return MutableClock()


@pytest.fixture
def services(db: Database, clock: MutableClock) -> Services:
    """Every service over the test database."""
    return Services.build(db.sessions, clock=clock)


@pytest.fixture
def topic_id(services: Services) -> Callable[[str], int]:
    """Look up a built-in topic's id by its code."""
    topics = {t.code: t.id for t in services.briefings.topics()}
    return topics.__getitem__


@pytest.fixture
def make_setting(services: Services) -> Callable[..., SettingRow]:
    """Add a setting with sensible defaults."""
    counter = iter(range(960001, 970000))

    def make(**overrides: Any) -> SettingRow:
        urn = next(counter)
        fields: dict[str, Any] = {
            "name": f"Test Primary School {urn}",
            "urn": urn,
            "phase": Phase.PRIMARY,
            "district": "North",
            "la_code": "990",
            "la_name": "Wyvernshire",
        }
        fields.update(overrides)
        return services.directory.add_setting(SettingFields(**fields))

    return make


@pytest.fixture
def make_person(services: Services) -> Callable[..., PersonRow]:
    """Add a person (optionally with a role at a setting) with sensible defaults."""
    counter = iter(range(1, 100_000))

    def make(*, role: Role | None = None, setting_id: int | None = None, **overrides: Any) -> PersonRow:
        n = next(counter)
        fields: dict[str, Any] = {
            "first_name": "Alex",
            "last_name": f"Tester{n}",
            "email": f"alex.tester{n}@school.example",
        }
        fields.update(overrides)
        return services.directory.add_person(PersonFields(**fields), role=role, setting_id=setting_id)

    return make


@pytest.fixture
def make_venue(services: Services) -> Callable[..., VenueRow]:
    """Add a venue."""
    counter = iter(range(1, 10_000))

    def make(**overrides: Any) -> VenueRow:
        fields: dict[str, Any] = {
            "name": f"Venue {next(counter)}",
            "address": "1 High Street, Wyvern",
            "room_capacity": 80,
        }
        fields.update(overrides)
        return services.directory.add_venue(VenueFields(**fields))

    return make


@pytest.fixture
def briefing_fields(topic_id: Callable[[str], int]) -> Callable[..., BriefingFields]:
    """BriefingFields for an online DSL update a week after DEFAULT_NOW, 09:30-11:30 London."""

    def fields(**overrides: Any) -> BriefingFields:
        day = date(2025, 10, 8)
        values: dict[str, Any] = {
            "title": "DSL update briefing",
            "topic_id": topic_id("dsl_update"),
            "starts_at": london(day, time(9, 30)),
            "ends_at": london(day, time(11, 30)),
            "delivery": Delivery.ONLINE,
            "capacity": 30,
            "join_url": "https://teams.microsoft.com/l/meetup-join/abc",
        }
        values.update(overrides)
        return BriefingFields(**values)

    return fields


@pytest.fixture
def make_briefing(
    services: Services, briefing_fields: Callable[..., BriefingFields]
) -> Callable[..., BriefingRow]:
    """Schedule a briefing through the service."""

    def make(**overrides: Any) -> BriefingRow:
        return services.briefings.schedule(briefing_fields(**overrides))

    return make
