"""Reading Teams and Zoom reports: formats, encodings, date orders, and minutes counted once."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import UTC, date, datetime

import pytest

from briefings.importing.attendance_report import Interval, ParticipantRole, ReportKind, merged, seconds_in
from briefings.importing.problems import ImportRefused
from briefings.importing.reports import read_attendance_report
from briefings.importing.timestamps import infer_order, parse_duration, parse_stamp
from briefings.importing.zoom import split_renamed

DAY = date(2025, 10, 15)


def _utc(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2025, 10, 15, hour, minute, second, tzinfo=UTC)


def test_the_current_teams_report_in_utf16_big_endian(fixture_bytes):
    report = read_attendance_report(fixture_bytes("teams_small.csv"), "teams.csv", DAY)
    assert report.kind is ReportKind.TEAMS
    assert report.title == "DSL update – test"
    assert report.starts_at == _utc(8, 20)  # BST: 09:20 in London
    people = {p.name: p for p in report.participants}
    assert people["Advisor, Ann"].role is ParticipantRole.ORGANISER
    assert people["Otter.ai (Guest)"].role is ParticipantRole.BOT
    assert people["+44 7700 900123"].role is ParticipantRole.PHONE
    jane = people["Smith, Jane"]
    assert jane.email == "jane.smith@renee.sch.example"
    assert jane.joins == 2
    assert jane.seconds == 123 * 60  # 09:28-11:31: the overlapping second device counts once
    brown = people["Mrs A Brown"]
    assert brown.seconds == 30 * 60 + 30 + 80 * 60  # the ten minutes away are not counted
    assert brown.first_join == _utc(8, 29, 30)


def test_the_legacy_log_pairs_joins_and_leaves_and_reads_us_dates(fixture_bytes):
    report = read_attendance_report(fixture_bytes("teams_legacy_small.csv"), "legacy.csv", DAY)
    assert report.kind is ReportKind.TEAMS_LEGACY
    assert report.date_order == "a day above 12"  # 10/15/2025 can only be month-first
    people = {p.name: p for p in report.participants}
    jane = people["Smith, Jane"]
    assert jane.intervals == (Interval(_utc(8, 20), _utc(9, 30)), Interval(_utc(9, 35), _utc(10, 40)))
    assert jane.seconds == 135 * 60  # her last join runs to the end of the log
    assert any("had no leave" in str(p) for p in report.problems)


def test_a_zoom_report_merges_joins_by_original_name_and_knows_the_host(fixture_bytes):
    report = read_attendance_report(fixture_bytes("zoom_small.csv"), "zoom.csv", DAY)
    assert report.kind is ReportKind.ZOOM
    assert report.host_email == "ann.advisor@council.example"
    people = {p.match_name: p for p in report.participants}
    assert people["Ann Advisor"].role is ParticipantRole.ORGANISER
    jane = people["Jane Smith"]
    assert (jane.name, jane.original_name, jane.joins) == ("Jane - Renée", "Jane Smith", 2)
    assert jane.seconds == (36 + 35) * 60
    assert people["Brown, Amy"].email == "amy.brown@stmarys.sch.example"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jo - Otthorpe (Jo Le Roux - North Otthorpe on the Hill)",
            ("Jo - Otthorpe", "Jo Le Roux - North Otthorpe on the Hill"),
        ),
        ("Sophie Thompson (Staff)", ("Sophie Thompson (Staff)", None)),
        ("Siân (Wynmoor)", ("Siân (Wynmoor)", None)),
        ("Pauline Pearson", ("Pauline Pearson", None)),
    ],
)
def test_zoom_renamed_users_keep_their_original_name(text, expected):
    assert split_renamed(text) == expected


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1h 5m 20s", 3920),
        ("19m 26s", 1166),
        ("45s", 45),
        ("2h 0m 0s", 7200),
        ("1:05:20", 3920),
        ("82", 4920),
        ("", None),
        ("soon", None),
    ],
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_the_date_order_comes_from_a_day_above_twelve_or_the_briefing():
    order, notes = infer_order(["14/06/23, 09:17:19", "01/06/23, 10:00:00"], None)
    assert order.day_first
    assert not notes
    order, _ = infer_order(["7/22/26, 7:00:11 PM"], None)
    assert not order.day_first
    order, _ = infer_order(["03/04/2023 09:00"], date(2023, 3, 4))
    assert not order.day_first
    assert order.reason == "the briefing's date"
    order, notes = infer_order(["03/04/2023 09:00"], None)
    assert order.day_first
    assert "UK" in str(notes[0])


def test_mixed_date_orders_are_refused():
    with pytest.raises(ImportRefused, match="mix day-first and month-first"):
        infer_order(["13/01/2023 09:00", "01/13/2023 10:00"], None)


def test_a_summer_time_stamp_becomes_utc():
    order, _ = infer_order(["12/10/22, 09:17:16"], date(2022, 10, 12))
    assert parse_stamp("12/10/22, 09:17:16", order) == datetime(2022, 10, 12, 8, 17, 16, tzinfo=UTC)
    assert (
        parse_stamp("7/22/26, 7:00:11 PM", infer_order(["7/22/26"], None)[0]) is None
    )  # no time, not a stamp


def test_overlapping_and_touching_stretches_merge():
    stretches = [
        Interval(_utc(9, 0), _utc(10, 0)),
        Interval(_utc(9, 30), _utc(10, 30)),
        Interval(_utc(10, 30), _utc(11, 0)),
    ]
    assert merged(stretches) == [Interval(_utc(9, 0), _utc(11, 0))]
    assert seconds_in(stretches, _utc(9, 15), _utc(10, 45)) == 90 * 60


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Name,Email\r\nJane,j@x.example\r\n", "not a Teams or Zoom attendance report"),
        (b"%PDF-1.5 trailer", "is a PDF document"),
        (
            "1. Summary\nMeeting title\tX\n".encode("utf-16"),
            "no “Participants” or “In-Meeting activities” table",
        ),
    ],
)
def test_what_is_not_a_report_is_refused(data, message):
    with pytest.raises(ImportRefused, match=message):
        read_attendance_report(data, "report.csv")


def test_a_report_resaved_as_utf8_with_commas_still_reads(fixture_bytes):
    text = fixture_bytes("teams_small.csv").decode("utf-16")
    resaved = "\n".join(
        line.replace("\t", ",") if "," not in line else '"' + line.replace("\t", '","') + '"'
        for line in text.splitlines()
    )
    report = read_attendance_report(resaved.encode("utf-8-sig"), "resaved.csv", DAY)
    assert {p.name: p.seconds for p in report.participants}["Smith, Jane"] == 123 * 60


# ------------------------------------------------------------------ the sample county

REPORTS = [
    "teams_attendance_2022-10-12.csv",
    "teams_attendance_2023-05-11.csv",
    "teams_attendance_2023-06-14.csv",
    "zoom_participants_2023-03-15.csv",
]


def _truth(sample_data, name):
    text = (sample_data / "truth" / "attendance_truth.csv").read_text(encoding="utf-8")
    return [row for row in csv.DictReader(io.StringIO(text)) if row["file"] == name]


@pytest.mark.parametrize("name", REPORTS)
def test_every_participant_has_the_joins_and_seconds_of_the_truth_file(sample_data, name):
    report = read_attendance_report((sample_data / name).read_bytes(), name)
    truth = _truth(sample_data, name)
    assert len(report.participants) == len(truth)
    found = defaultdict(list)
    for p in report.participants:
        shown = f"{p.name} ({p.original_name})" if p.original_name else p.name
        for label in {shown, p.match_name, p.name}:
            found[(label, p.email or "")].append((p.joins, p.seconds))
    for row in truth:
        key = (row["display_name"], row["email_in_report"].lower())
        assert (int(row["joins"]), int(row["seconds"])) in found[key], row


def test_the_sample_reports_say_what_the_readme_says(sample_data):
    counts = {n: len(read_attendance_report((sample_data / n).read_bytes(), n).participants) for n in REPORTS}
    assert counts == {
        "teams_attendance_2022-10-12.csv": 323,
        "teams_attendance_2023-05-11.csv": 298,
        "teams_attendance_2023-06-14.csv": 391,
        "zoom_participants_2023-03-15.csv": 116,
    }
    zoom = read_attendance_report((sample_data / REPORTS[3]).read_bytes(), REPORTS[3])
    assert sum(p.joins for p in zoom.participants) == 137
    assert sum(1 for p in zoom.participants if not p.email) >= 116 // 5


def test_the_legacy_log_agrees_with_the_current_report_of_the_same_meeting(sample_data):
    legacy = read_attendance_report(
        (sample_data / "teams_attendance_2022-10-12_legacy.csv").read_bytes(), "l.csv"
    )
    current = read_attendance_report((sample_data / "teams_attendance_2022-10-12.csv").read_bytes(), "c.csv")
    by_name = defaultdict(list)
    for p in current.participants:
        by_name[p.name].append(p)
    assert len(legacy.participants) == 322  # two people called Lucy McCarthy share one name in the log
    assert any("Lucy McCarthy joined again" in str(p) for p in legacy.problems)
    for p in legacy.participants:
        same = by_name[p.name]
        if len(same) == 1:
            assert (p.joins, p.seconds) == (same[0].joins, same[0].seconds), p.name
