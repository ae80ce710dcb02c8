from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from briefings.clock import london
from briefings.demo.context import MORNING
from briefings.demo.generator import DemoSummary, generate_demo
from briefings.directory import EMAIL_PATTERN, PersonFields
from briefings.errors import ConflictError, OperationCancelled
from briefings.queries.directory import SettingFilter
from briefings.queries.licences import pools_running_out
from briefings.services import Services
from briefings.vocabulary import BookingStatus, Phase
from models.db import open_database

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2025, 10, 1)
NOW = london(TODAY, MORNING)
NOW_SQL = NOW.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def build(template: Path, path: Path, *, seed: int = 1, today: date = TODAY) -> DemoSummary:
    shutil.copyfile(template, path)
    database = open_database(str(path))
    try:
        with database.sessions.begin() as session:
            return generate_demo(session, seed=seed, today=today)
    finally:
        database.dispose()


def fingerprint(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, migrated_template) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return path, build(migrated_template, path)


@pytest.fixture
def sql(demo):
    connection = sqlite3.connect(demo[0])
    yield lambda query, *args: connection.execute(query, args).fetchall()
    connection.close()


@pytest.fixture
def demo_services(demo, tmp_path):
    """Services over a private copy of the demo, at the demo's "now"."""
    path = tmp_path / "copy.sqlite3"
    with closing(sqlite3.connect(demo[0])) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)
    database = open_database(str(path))
    yield Services.build(database.sessions, clock=lambda: NOW)
    database.dispose()


# ---------------------------------------------------------------- determinism and refusal


def test_same_seed_and_day_give_byte_identical_data(demo, migrated_template, tmp_path):
    again = tmp_path / "again.sqlite3"
    build(migrated_template, again)
    assert fingerprint(again) == fingerprint(demo[0])


BUILD_IN_A_FRESH_PROCESS = """
import shutil, sys
from datetime import date
from models.db import open_database
from briefings.demo.generator import generate_demo
shutil.copyfile(sys.argv[1], sys.argv[2])
database = open_database(sys.argv[2])
with database.sessions.begin() as session:
    generate_demo(session, seed=1, today=date.fromisoformat(sys.argv[3]))
database.dispose()
"""


@pytest.mark.slow
def test_data_does_not_depend_on_the_hash_seed(demo, migrated_template, tmp_path):
    for hash_seed in ("1", "4242"):
        target = tmp_path / f"hash-{hash_seed}.sqlite3"
        subprocess.run(
            [
                sys.executable,
                "-c",
                BUILD_IN_A_FRESH_PROCESS,
                str(migrated_template),
                str(target),
                TODAY.isoformat(),
            ],
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert fingerprint(target) == fingerprint(demo[0])


def test_another_seed_or_day_gives_other_data(demo, migrated_template, tmp_path):
    build(migrated_template, tmp_path / "seed2.sqlite3", seed=2)
    build(migrated_template, tmp_path / "later.sqlite3", today=TODAY + timedelta(days=30))
    prints = {
        fingerprint(demo[0]),
        fingerprint(tmp_path / "seed2.sqlite3"),
        fingerprint(tmp_path / "later.sqlite3"),
    }
    assert len(prints) == 3


def test_a_database_with_data_is_refused_and_left_alone(services, make_setting, make_person):
    make_setting()
    make_person()
    assert services.demo.refusal() is not None
    with pytest.raises(ConflictError, match="already holds 1 setting and 1 person") as raised:
        services.demo.load(today=TODAY)
    assert raised.value.field == "database"
    assert services.directory.count_settings() == 1
    assert services.briefings.search() == []


def test_cancelling_through_progress_keeps_nothing(services):
    reports = []

    def progress(done: int, total: int) -> bool:
        reports.append((done, total))
        return done < 30

    with pytest.raises(OperationCancelled):
        services.demo.load(today=TODAY, progress=progress)
    assert services.directory.count_settings() == 0
    assert services.demo.refusal() is None
    assert reports[-1][0] >= 30


def test_progress_runs_to_the_end(services):
    reports = []
    summary = services.demo.load(
        today=TODAY, progress=lambda done, total: reports.append((done, total)) or True
    )
    assert reports[-1] == (100, 100)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert summary.settings == services.directory.count_settings(SettingFilter(openness="all"))


# ---------------------------------------------------------------- the domain's rules hold

# Each query returns the rows that break a rule the booking, licence and recording operations
# enforce (``:now`` is the moment the demo describes).
RULES = {
    "nobody booked past capacity except walk-ins": (
        "SELECT b.id FROM briefings b JOIN registrations r ON r.briefing_id = b.id "
        "WHERE r.status = 'booked' AND NOT r.walk_in GROUP BY b.id HAVING COUNT(*) > b.capacity"
    ),
    "people wait only for full briefings": (
        "SELECT b.id FROM briefings b JOIN registrations r ON r.briefing_id = b.id GROUP BY b.id "
        "HAVING SUM(r.status = 'waitlisted') > 0 AND SUM(r.status = 'booked' AND NOT r.walk_in) < b.capacity"
    ),
    "attendance only on bookings of briefings that started": (
        "SELECT r.id FROM registrations r JOIN briefings b ON b.id = r.briefing_id "
        "WHERE r.attendance IS NOT NULL AND (r.status != 'booked' OR b.status IN ('cancelled', 'draft') "
        "OR (b.starts_at > :now AND r.attendance != 'apologies'))"
    ),
    "minutes fit the mark and the session": (
        "SELECT r.id FROM registrations r JOIN briefings b ON b.id = r.briefing_id "
        "WHERE (r.attendance IN ('absent', 'apologies') AND r.minutes_attended IS NOT NULL) "
        "OR (r.attendance IN ('present', 'late', 'left_early') AND NOT (r.minutes_attended > 0 AND "
        "r.minutes_attended <= ROUND((julianday(b.ends_at) - julianday(b.starts_at)) * 1440))) "
        "OR (r.attendance IS NULL AND r.minutes_attended IS NOT NULL)"
    ),
    "bookings and cancellations happened before now, in order": (
        "SELECT id FROM registrations WHERE queued_at > :now OR cancelled_at < queued_at "
        "OR cancelled_at > :now OR (status = 'cancelled') != (cancelled_at IS NOT NULL)"
    ),
    "walk-ins only turn up to rooms that opened": (
        "SELECT r.id FROM registrations r JOIN briefings b ON b.id = r.briefing_id "
        "WHERE r.walk_in AND (b.starts_at > :now OR b.delivery = 'online' OR b.status = 'cancelled')"
    ),
    "drafts take no bookings": (
        "SELECT r.id FROM registrations r JOIN briefings b ON b.id = r.briefing_id WHERE b.status = 'draft'"
    ),
    "people book for a role they held there then": (
        "SELECT r.id FROM registrations r JOIN briefings b ON b.id = r.briefing_id "
        "WHERE r.setting_id IS NOT NULL AND NOT EXISTS ("
        "SELECT 1 FROM memberships m WHERE m.person_id = r.person_id AND m.setting_id = r.setting_id "
        "AND m.role = r.role AND (m.starts_on IS NULL OR m.starts_on <= date(r.queued_at, '+1 day')) "
        "AND (m.ends_on IS NULL OR m.ends_on >= date(b.starts_at)))"
    ),
    "calendar UIDs are unique": (
        "SELECT calendar_uid FROM briefings GROUP BY calendar_uid HAVING COUNT(*) > 1"
    ),
    "in-person capacity fits the room": (
        "SELECT b.id FROM briefings b JOIN venues v ON v.id = b.venue_id "
        "WHERE b.delivery = 'in_person' AND b.capacity > v.room_capacity"
    ),
    "briefings have the place their delivery needs": (
        "SELECT id FROM briefings WHERE status != 'draft' AND ((delivery != 'online' AND venue_id IS NULL) "
        "OR (delivery != 'in_person' AND join_url NOT LIKE 'https://%'))"
    ),
    "licence seats never exceed the pool": (
        "SELECT p.id FROM licence_pools p JOIN licence_allocations a ON a.pool_id = p.id GROUP BY p.id "
        "HAVING SUM(CASE WHEN a.status = 'active' THEN a.seats ELSE 0 END) > p.seats"
    ),
    "allocations sit inside their pool's dates": (
        "SELECT a.id FROM licence_allocations a JOIN licence_pools p ON p.id = a.pool_id "
        "WHERE a.allocated_on < p.valid_from OR a.expires_on > p.valid_until OR a.allocated_on > date(:now) "
        "OR a.ended_on < a.allocated_on OR (a.status = 'active') != (a.ended_on IS NULL)"
    ),
    "recordings are https with ordered windows": (
        "SELECT id FROM recordings WHERE url NOT LIKE 'https://%' OR available_until <= available_from"
    ),
    "recordings only of briefings that took place": (
        "SELECT r.id FROM recordings r JOIN briefings b ON b.id = r.briefing_id "
        "WHERE b.status IN ('cancelled', 'draft') OR b.ends_at > :now"
    ),
    "links are sent only while a recording works": (
        "SELECT a.id FROM recording_accesses a JOIN recordings r ON r.id = a.recording_id "
        "WHERE a.given_at < r.available_from OR a.given_at >= r.available_until OR a.given_at > :now"
    ),
    "a role does not overlap itself": (
        "SELECT a.id FROM memberships a JOIN memberships b ON a.person_id = b.person_id AND a.id < b.id "
        "AND a.role = b.role AND a.setting_id IS b.setting_id AND a.organisation_id IS b.organisation_id "
        "AND (a.ends_on IS NULL OR b.starts_on IS NULL OR b.starts_on <= a.ends_on) "
        "AND (b.ends_on IS NULL OR a.starts_on IS NULL OR a.starts_on <= b.ends_on)"
    ),
}


def broken_rules(path: Path, now: datetime) -> dict[str, list[tuple[object, ...]]]:
    moment = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    with closing(sqlite3.connect(path)) as connection:
        found = {name: connection.execute(query, {"now": moment}).fetchall() for name, query in RULES.items()}
    return {name: rows[:5] for name, rows in found.items() if rows}


@pytest.mark.parametrize("rule", RULES)
def test_the_rule_holds(demo, rule):
    assert broken_rules(demo[0], NOW).get(rule) is None


@pytest.mark.parametrize(
    "today",
    [date(2025, 9, 2), date(2025, 12, 24), date(2026, 2, 16), date(2026, 7, 21), date(2026, 8, 14)],
    ids=["first day of term", "christmas eve", "half-term", "last day of the year", "summer holidays"],
)
def test_the_rules_hold_on_any_day(migrated_template, tmp_path, today):
    path = tmp_path / "day.sqlite3"
    build(migrated_template, path, seed=3, today=today)
    assert broken_rules(path, london(today, MORNING)) == {}
    with closing(sqlite3.connect(path)) as connection:
        upcoming = connection.execute(
            "SELECT COUNT(*) FROM briefings WHERE status = 'scheduled' AND starts_at > ?",
            (london(today, MORNING).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),),
        ).fetchone()
    assert upcoming[0] > 10, "there is always a programme ahead, even in the holidays"


def test_the_demo_shows_each_kind_of_booking(sql):
    statuses = Counter(dict(sql("SELECT status, COUNT(*) FROM registrations GROUP BY status")))
    assert statuses["booked"] > 2000
    assert statuses["waitlisted"] > 10
    assert statuses["cancelled"] > 100
    assert sql("SELECT COUNT(*) FROM registrations WHERE walk_in")[0][0] > 0
    full_ahead = sql(
        "SELECT COUNT(DISTINCT b.id) FROM briefings b JOIN registrations r ON r.briefing_id = b.id "
        "WHERE b.starts_at > ? AND r.status = 'waitlisted'",
        NOW_SQL,
    )
    assert full_ahead[0][0] > 0, "an upcoming full briefing lets the demo show the waiting list at work"


def test_attendance_marks_look_like_a_real_register(sql):
    marks = Counter(m for (m,) in sql("SELECT attendance FROM registrations WHERE attendance IS NOT NULL"))
    assert set(marks) == {"present", "late", "left_early", "absent", "apologies"}
    assert marks["present"] > sum(marks.values()) * 0.7
    sources = {
        s
        for (s,) in sql(
            "SELECT DISTINCT attendance_source FROM registrations WHERE attendance_source IS NOT NULL"
        )
    }
    assert {"teams", "register", "manual"} <= sources
    unrecorded = sql(
        "SELECT COUNT(*) FROM briefings b WHERE b.status = 'scheduled' AND b.ends_at < ? AND NOT EXISTS ("
        "SELECT 1 FROM registrations r WHERE r.briefing_id = b.id AND r.attendance IS NOT NULL)",
        NOW_SQL,
    )
    assert unrecorded[0][0] >= 1, "the latest briefing still waits for its register"


def test_licences_show_returns_and_one_revocation(sql):
    statuses = Counter(s for (s,) in sql("SELECT status FROM licence_allocations"))
    assert statuses["revoked"] == 1
    assert statuses["returned"] >= 1
    assert statuses["active"] > 20


def test_a_pool_is_about_to_run_out(demo_services):
    with demo_services.context.sessions() as session:
        soon = pools_running_out(session, TODAY)
    assert [p.product for p in soon] == ["Keeping children safe online (online course)"]


def test_recordings_come_expired_available_and_with_passcodes(sql):
    rows = sql("SELECT available_until, passcode FROM recordings")
    assert len(rows) > 5
    assert {until < NOW_SQL for until, _ in rows} == {True, False}, "some expired, some available"
    passcodes = [bool(p) for _, p in rows]
    assert True in passcodes
    assert False in passcodes
    assert sql("SELECT COUNT(*) FROM recording_accesses")[0][0] > 0


def test_emails_look_real_and_are_unique(sql):
    emails = [e for (e,) in sql("SELECT email FROM people WHERE email IS NOT NULL")]
    assert all(EMAIL_PATTERN.match(e) and e.endswith(".example") for e in emails)
    assert len({e.lower() for e in emails}) == len(emails)
    people = sql("SELECT COUNT(*) FROM people")[0][0]
    assert 0.02 < 1 - len(emails) / people < 0.1, "a few people have no address on file"


# ---------------------------------------------------------------- it looks like a county


def test_settings_follow_the_gias_mix(sql):
    phases = Counter(dict(sql("SELECT phase, COUNT(*) FROM settings WHERE status = 'open' GROUP BY phase")))
    assert sum(phases.values()) == 444
    assert phases[Phase.PRIMARY.value] == 332
    assert phases[Phase.SECONDARY.value] == 63
    assert phases[Phase.SPECIAL.value] == 22
    assert sql("SELECT COUNT(DISTINCT district) FROM settings") == [(8,)]
    assert sql("SELECT COUNT(*) FROM settings WHERE urn NOT BETWEEN 960000 AND 969999") == [(0,)]
    statuses = dict(sql("SELECT status, COUNT(*) FROM settings GROUP BY status"))
    assert statuses["closed"] > 10
    assert statuses["proposed"] == 1
    academies = sql(
        "SELECT COUNT(*) FROM settings WHERE status = 'open' AND establishment_type LIKE 'Academy%'"
    )
    assert 0.4 < academies[0][0] / 444 < 0.6


def test_names_carry_apostrophes_accents_and_welsh(sql):
    names = [n for (n,) in sql("SELECT name FROM settings")]
    assert any("'" in n for n in names)
    assert any("’" in n for n in names)
    assert any(not n.isascii() for n in names)
    surnames = [n for (n,) in sql("SELECT last_name FROM people")]
    assert 0.04 < sum(not n.isascii() for n in surnames) / len(surnames) < 0.2
    assert any("'" in n for n in surnames)
    assert any(n.startswith(("ap ", "Ap ")) for n in surnames)


def test_small_primaries_often_have_the_head_as_dsl(sql):
    both = sql(
        "SELECT COUNT(DISTINCT h.setting_id) FROM memberships h JOIN memberships d "
        "ON d.person_id = h.person_id AND d.setting_id = h.setting_id "
        "WHERE h.role = 'headteacher' AND d.role = 'dsl'"
    )
    assert 50 < both[0][0] < 300


def test_some_people_moved_setting_and_some_work_for_partners(sql):
    moved = sql(
        "SELECT COUNT(DISTINCT old.person_id) FROM memberships old JOIN memberships new "
        "ON new.person_id = old.person_id AND new.setting_id != old.setting_id "
        "WHERE old.ends_on IS NOT NULL AND new.ends_on IS NULL"
    )
    assert moved[0][0] > 20
    partners = sql("SELECT COUNT(DISTINCT person_id) FROM memberships WHERE organisation_id IS NOT NULL")
    assert partners[0][0] > 20
    kinds = {k for (k,) in sql("SELECT kind FROM organisations")}
    assert {"NHS", "Police", "Charity"} <= kinds


def test_the_programme_has_a_dsl_series_and_the_odd_change(demo_services):
    rows = demo_services.briefings.search()
    series = Counter(
        r.series_name for r in rows if r.series_name and r.series_name.startswith("DSL briefings")
    )
    assert series == {"DSL briefings 2024/25": 12, "DSL briefings 2025/26": 12}
    statuses = Counter(r.status.value for r in rows)
    assert statuses["cancelled"] == 1
    assert statuses["draft"] >= 1
    assert statuses["completed"] > 30
    moved = [r for r in rows if r.calendar_sequence and r.status.value == "scheduled"]
    assert len(moved) == 1
    assert (moved[0].notes or "").startswith("Moved from")
    assert {r.delivery.value for r in rows} == {"online", "in_person", "hybrid"}
    cancelled = next(r for r in rows if r.status.value == "cancelled")
    assert cancelled.starts_at > NOW
    assert cancelled.booked > 0, "people to tell about the cancellation"


def test_a_minority_of_settings_are_behind_on_their_refresh(demo_services):
    due = demo_services.compliance.settings_due_refresh()
    assert 0.08 < len(due) / 444 < 0.3


def test_the_domain_treats_demo_briefings_as_full(demo_services):
    full = next(
        r for r in demo_services.briefings.search() if r.starts_at > NOW and r.is_full and r.waitlisted
    )
    outsider = demo_services.directory.add_person(PersonFields("Test", "Outsider"))
    assert demo_services.bookings.book(full.id, outsider.id).status is BookingStatus.WAITLISTED
    register = demo_services.briefings.register(full.id)
    first_waiting = next(r for r in register if r.position == 1)
    first_booked = next(r for r in register if r.number == 1)
    outcome = demo_services.bookings.cancel(first_booked.registration_id)
    assert outcome.promoted == (first_waiting.registration_id,)


def test_summary_counts_match_the_tables(demo, sql):
    summary = demo[1]
    assert summary.settings == sql("SELECT COUNT(*) FROM settings")[0][0]
    assert summary.people == sql("SELECT COUNT(*) FROM people")[0][0]
    assert summary.briefings == sql("SELECT COUNT(*) FROM briefings")[0][0]
    assert summary.waitlisted == sql("SELECT COUNT(*) FROM registrations WHERE status = 'waitlisted'")[0][0]
    assert summary.settings_behind_on_refresh > 0
    assert summary.today == TODAY


def test_now_is_early_morning_in_england():
    assert datetime(2025, 10, 1, 7, 0, tzinfo=UTC) == NOW
