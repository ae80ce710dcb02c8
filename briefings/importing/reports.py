"""Reading any supported attendance report: the format is recognised from the content, not the name."""

from __future__ import annotations

from datetime import date

from briefings.importing.attendance_report import AttendanceReport
from briefings.importing.problems import ImportRefused
from briefings.importing.sources import decode_text
from briefings.importing.teams import is_teams_current, is_teams_legacy, read_teams, read_teams_legacy
from briefings.importing.zoom import is_zoom, read_zoom


def read_attendance_report(data: bytes, name: str, expected_day: date | None = None) -> AttendanceReport:
    """A Teams (current or legacy) or Zoom report, read and checked; nothing is stored.

    Args:
        data: The file's bytes (UTF-16 with either byte order, UTF-8, or Windows-1252).
        name: The file name, for messages.
        expected_day: The briefing's date, to settle whether dates are day- or month-first.
    """
    decoded = decode_text(data, name)
    lines = decoded.text.splitlines()
    if is_teams_legacy(lines):
        report = read_teams_legacy(lines, name, expected_day)
    elif is_teams_current(lines):
        report = read_teams(lines, name, expected_day)
    elif is_zoom(lines):
        report = read_zoom(lines, name, expected_day)
    else:
        raise ImportRefused(
            f"{name} is not a Teams or Zoom attendance report (no “Participants”, “User Action” or "
            "“Join Time” heading was found)"
        )
    if not report.participants:
        raise ImportRefused(f"{name} lists no participants")
    return report
