"""The import screenshots: a GIAS preview and an attendance review, from files made of the database on show.

The files are written from what the seeded database holds, so the shots need nothing from outside
the repository: a GIAS extract of the county's own settings with a few renamed, closed, new and
broken rows, and a Zoom report of a past briefing's bookings with the usual mess (names without
e-mail, initials, a shared device, a note-taking bot, a phone dial-in, a guest nobody knows).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from briefings.clock import to_london
from briefings.importing.gias_vocabulary import gias_phase
from briefings.importing.matching import MatchKind
from briefings.queries.briefings import BriefingFilter, BriefingRow, RegisterRow
from briefings.queries.directory import PersonFilter, SettingFilter, SettingRow
from briefings.services import Services
from briefings.vocabulary import BookingStatus, Phase, SettingStatus
from ui.dialogs.choices import briefing_choice
from ui.dialogs.imports.attendance_import import open_attendance_import
from ui.dialogs.imports.settings_import import open_settings_import
from ui.screenshots.settle import settle

GIAS_HEADERS = (
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentNumber",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "ReasonEstablishmentClosed (name)",
    "CloseDate",
    "PhaseOfEducation (name)",
    "Street",
    "Postcode",
    "DistrictAdministrative (name)",
)
PHASE_NAMES = {
    Phase.NURSERY: "Nursery",
    Phase.PRIMARY: "Primary",
    Phase.MIDDLE: "Middle deemed primary",
    Phase.SECONDARY: "Secondary",
    Phase.ALL_THROUGH: "All-through",
    Phase.SIXTEEN_PLUS: "16 plus",
}
GIAS_STATUS = {
    SettingStatus.OPEN: "Open",
    SettingStatus.PROPOSED: "Proposed to open",
    SettingStatus.CLOSED: "Closed",
}
ZOOM_HEADER = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent"
)
HOST = "safeguarding.training@county.gov.example"


def _gias_row(setting: SettingRow) -> list[str] | None:
    """The extract's row for a stored setting, or None when its phase would not read back the same."""
    kind = setting.establishment_type or ""
    phase_name = PHASE_NAMES.get(setting.phase, "Not applicable")
    if setting.urn is None or gias_phase(kind, "", phase_name) is not setting.phase:
        return None
    la = setting.la_code or ""
    number = (setting.laestab or "")[len(la) :] if (setting.laestab or "").startswith(la) else ""
    closed = setting.closed_on.strftime("%d-%m-%Y") if setting.closed_on else ""
    return [
        str(setting.urn),
        la,
        setting.la_name or "",
        number,
        setting.name,
        kind,
        GIAS_STATUS[setting.status],
        "Closure" if closed else "Not applicable",
        closed,
        phase_name,
        setting.address or "",
        setting.postcode or "",
        setting.district or "",
    ]


def write_gias_extract(services: Services, folder: Path) -> Path:
    """The county's extract as GIAS would send it a year on: renames, closures, new schools, a bad row."""
    rows = [row for s in services.directory.settings(SettingFilter(openness="all")) if (row := _gias_row(s))]
    rows.sort(key=lambda row: int(row[0]))
    at = {header: n for n, header in enumerate(GIAS_HEADERS)}
    name, kind, status = (
        at["EstablishmentName"],
        at["TypeOfEstablishment (name)"],
        at["EstablishmentStatus (name)"],
    )
    renamed = [r for r in rows if r[name].endswith("Primary School") and r[status] == "Open"][:3]
    for row in renamed:
        row[name] = row[name].replace("Primary School", "Primary Academy")
        row[kind] = "Academy converter"
    closing = [r for r in rows if r[status] == "Open" and r not in renamed][5:7]
    for row in closing:
        row[status : status + 3] = ["Closed", "Closure", "31-08-2026"]
    template = rows[0] if rows else ["960000", "990", "County", "2000", *[""] * 9]
    for number, school in enumerate(("Brook Meadow", "Kingfisher Rise", "Orchard Vale", "Saxon Fields")):
        new = list(template)
        new[at["URN"]], new[at["EstablishmentNumber"]] = str(969_900 + number), f"{2900 + number}"
        new[name], new[kind] = f"{school} Primary School", "Free schools"
        new[status : status + 4] = ["Proposed to open", "Not applicable", "", "Primary"]
        rows.append(new)
    broken = list(template)
    broken[at["URN"]], broken[name] = "96A901", "Misprinted URN Infant School"
    rows.append(broken)
    return _write_csv(folder / "edubasealldata20261001.csv", [list(GIAS_HEADERS), *rows], "cp1252")


def _write_csv(path: Path, rows: Iterable[list[str]], encoding: str) -> Path:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding, errors="replace"))
    return path


def past_briefing(services: Services) -> BriefingRow | None:
    """The latest past briefing with a good number of bookings (its report is the one shown)."""
    past = services.briefings.search(BriefingFilter(when="past"))
    return next((b for b in past if b.booked >= 12), past[0] if past else None)  # noqa: PLR2004 - a full-looking list


def _stamp(moment: datetime) -> str:
    return to_london(moment).strftime("%m/%d/%Y %I:%M:%S %p")


def _line(name: str, email: str, joined: datetime, left: datetime) -> str:
    minutes = int((left - joined).total_seconds() // 60)
    shown = f'"{name}"' if "," in name else name
    return f"{shown},{email},{_stamp(joined)},{_stamp(left)},{minutes},{'Yes' if not email else 'No'},Y"


def write_zoom_report(services: Services, briefing: BriefingRow, folder: Path) -> Path:
    """A Zoom participants report for ``briefing``: its bookings as people really show up."""
    start, end = briefing.starts_at, briefing.ends_at
    booked = [r for r in services.briefings.register(briefing.id) if r.status is BookingStatus.BOOKED]
    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
        f"845 1234 5678,{briefing.title.replace(',', ' ')},{_stamp(start)},{_stamp(end)},{HOST},"
        f"{int((end - start).total_seconds() // 60)},{len(booked) + 5},",
        "",
        ZOOM_HEADER,
        _line("Safeguarding Training Team", HOST, start - timedelta(minutes=10), end),
    ]
    for number, person in enumerate(booked[:24]):
        lines.append(_attendee(number, person, start, end))
    walk_in = _someone_not_booked(services, {r.person_id for r in booked})
    if walk_in is not None:
        lines.append(_line(walk_in[0], walk_in[1], start + timedelta(minutes=2), end))
    lines += [
        _line("Otter.ai Notetaker", "", start, end),
        _line(
            "Staff Room iPad",
            "office@school.example",
            start + timedelta(minutes=5),
            end - timedelta(minutes=30),
        ),
        _line("07700 900461", "", start + timedelta(minutes=20), start + timedelta(minutes=50)),
        _line("Sam (Guest)", "", start + timedelta(minutes=1), end),
    ]
    path = folder / f"zoom_participants_{to_london(start):%Y-%m-%d}.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _attendee(number: int, person: RegisterRow, start: datetime, end: datetime) -> str:
    """Most with their e-mail; some as "Surname, First" without; a few by initial; some late or early."""
    joined = start + timedelta(minutes=(number * 7) % 25 if number % 5 == 3 else 1)  # noqa: PLR2004
    left = end - timedelta(minutes=70 if number % 6 == 5 else 0)  # noqa: PLR2004
    if number % 8 == 6:  # noqa: PLR2004 - a few join by first name and initial
        return _line(f"{person.first_name} {person.last_name[:1]}", "", joined, left)
    if number % 4 == 1:
        return _line(f"{person.last_name}, {person.first_name}", "", joined, left)
    return _line(person.person_name, person.email or "", joined, left)


def _someone_not_booked(services: Services, booked: set[int | None]) -> tuple[str, str] | None:
    for person in services.directory.people(PersonFilter(limit=200)):
        if person.id not in booked and person.email:
            return person.full_name, person.email
    return None


def settings_preview(window: QWidget, services: Services, folder: Path) -> QDialog:
    """The GIAS import at its preview, on the Changed tab."""
    dialog = open_settings_import(window, services, write_gias_extract(services, folder))
    dialog.go_next()
    settle()
    dialog.tabs.setCurrentWidget(dialog.tabs.views["changed"])
    return dialog


def attendance_review(window: QWidget, services: Services, folder: Path) -> QDialog:
    """The attendance import at its review, a participant with suggestions selected."""
    briefing = past_briefing(services)
    choice = briefing_choice(briefing) if briefing is not None else None
    path = write_zoom_report(services, briefing, folder) if briefing is not None else None
    dialog = open_attendance_import(window, services, choice, path)
    dialog.go_next()
    settle()
    panel = dialog.panel
    unsure = panel.model.find(lambda row: row.kind is MatchKind.SUGGESTED)
    if unsure >= 0:
        panel.table.selectRow(unsure)
    return dialog
