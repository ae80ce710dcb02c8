"""The import service's long calls report progress, stop when asked, and then write nothing."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from briefings.errors import OperationCancelled
from briefings.queries.directory import PersonFilter, SettingFilter

GIAS, STAFF, TEAMS = "gias_small.csv", "staff_small.csv", "teams_small.csv"


def _stop_at_the_end(done: int, total: int) -> bool:
    return done < total  # the advisor pressed Cancel while the work was finishing


def _settings(services) -> int:
    return services.directory.count_settings(SettingFilter(openness="all"))


def test_a_settings_apply_cancelled_at_the_last_moment_writes_nothing(services, fixture_bytes):
    preview = services.imports.preview_settings(fixture_bytes(GIAS), GIAS, "990")
    with pytest.raises(OperationCancelled):
        services.imports.apply_settings(preview, progress=_stop_at_the_end)
    assert _settings(services) == 0
    assert services.imports.remembered_authority() is None
    reports: list[tuple[int, int]] = []
    services.imports.apply_settings(
        preview, progress=lambda done, total: reports.append((done, total)) or True
    )
    assert reports == [(0, 1), (1, 1)]
    assert _settings(services) == 9
    assert services.imports.remembered_authority() == "990"


def test_a_cancelled_preview_raises_rather_than_returning(services, fixture_bytes):
    with pytest.raises(OperationCancelled):
        services.imports.preview_settings(fixture_bytes(GIAS), GIAS, "990", progress=_stop_at_the_end)


def test_a_staff_apply_cancelled_writes_no_people_and_remembers_no_mapping(services, fixture_bytes):
    services.imports.apply_settings(services.imports.preview_settings(fixture_bytes(GIAS), GIAS, "990"))
    data = fixture_bytes(STAFF)
    mapping = services.imports.people_mapping(data, STAFF).mapping
    preview = services.imports.preview_people(data, STAFF, mapping, progress=lambda done, total: True)
    with pytest.raises(OperationCancelled):
        services.imports.apply_people(preview, progress=_stop_at_the_end)
    assert services.directory.people(PersonFilter()) == []
    assert services.preferences.get("imports.people.mapping") is None


def test_an_attendance_apply_cancelled_records_nobody(services, fixture_bytes, online_briefing, clock):
    services.imports.apply_settings(services.imports.preview_settings(fixture_bytes(GIAS), GIAS, "990"))
    briefing = online_briefing(datetime(2025, 10, 15).date(), time(9, 30), time(11, 30))
    clock.set(datetime(2025, 10, 15, 16, 0, tzinfo=UTC))
    preview = services.imports.preview_attendance(fixture_bytes(TEAMS), TEAMS, briefing.id)
    with pytest.raises(OperationCancelled):
        services.imports.apply_attendance(preview, accept_walk_ins=True, progress=_stop_at_the_end)
    assert services.briefings.register(briefing.id) == []
    assert services.imports.attendance_rows(briefing.id, None) == []


def test_the_mapping_suggestion_carries_a_few_values_of_each_column(services, fixture_bytes):
    suggestion = services.imports.people_mapping(fixture_bytes(STAFF), STAFF)
    assert suggestion.samples["Forename"] == ("Jane", "Tom", "Amy")
    assert suggestion.samples["Job title"] == ("DDSL", "Designated Safeguarding Lead", "Head Teacher")
    assert suggestion.samples["Comments"] == ("Chair from 2024",)  # blanks are skipped
    assert suggestion.samples["School URN"] == ("960001", "960002", "960005")
