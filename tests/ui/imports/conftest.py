"""Fixtures for driving the import dialogs: the importer's small files, bad files, and a typed path."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "briefings" / "importing" / "fixtures"
GIAS = FIXTURES / "gias_small.csv"
STAFF = FIXTURES / "staff_small.csv"
TEAMS = FIXTURES / "teams_small.csv"
ZOOM = FIXTURES / "zoom_small.csv"


@pytest.fixture
def bad_file(tmp_path):
    """Write a file that is not what it claims; returns its path."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


def choose_file(qtbot, dialog, path: Path) -> None:
    """Type a path into the dialog's file box, as a user pasting it would."""
    edit = dialog.file_step.file.edit
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, str(path))


def click_and_settle(qtbot, dialog, button, timeout: int = 15_000) -> None:
    """Click a button that starts a job and wait until the job has settled."""
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(dialog.job_settled, timeout=timeout):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def small_county(services, clock, topic_id):
    """The small county and staff imported; a DSL update on 15 Oct 2025 09:30-11:30 London with Jane
    Smith and Amy Brown booked; the clock set to that afternoon."""
    from datetime import UTC, date, datetime, time

    from briefings.clock import london
    from briefings.queries.directory import PersonFilter
    from briefings.scheduling import BriefingFields
    from briefings.vocabulary import Delivery

    clock.set(datetime(2025, 9, 1, 9, 0, tzinfo=UTC))
    imports = services.imports
    imports.apply_settings(imports.preview_settings(GIAS.read_bytes(), "gias.csv", "990"))
    staff = STAFF.read_bytes()
    imports.apply_people(
        imports.preview_people(staff, "s.csv", imports.people_mapping(staff, "s.csv").mapping)
    )
    day = date(2025, 10, 15)
    row = services.briefings.schedule(
        BriefingFields(
            title="DSL update",
            topic_id=topic_id("dsl_update"),
            starts_at=london(day, time(9, 30)),
            ends_at=london(day, time(11, 30)),
            delivery=Delivery.ONLINE,
            capacity=50,
            join_url="https://teams.microsoft.com/l/meetup-join/test",
        )
    )
    people = {p.full_name: p.id for p in services.directory.people(PersonFilter())}
    services.bookings.book(row.id, people["Jane Smith"])
    services.bookings.book(row.id, people["Amy Brown"])
    clock.set(datetime(2025, 10, 15, 16, 0, tzinfo=UTC))
    return row
