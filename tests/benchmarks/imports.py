"""Imports of an all-England GIAS extract and a Teams report, each beside a bare ``csv`` read of the file.

The files are synthesised from the shared sample county (found by :mod:`tests.sample_data`;
without it these benchmarks are skipped and say why): a GIAS extract of 50,000 rows (the
county's 471 rows copied across 107 local authorities with fresh URNs) and a Teams report of 400
participants (the June 2023 report with nine more people). ``--quick`` makes 2,000 rows and
50 participants.

A preview reads the file (as the app's worker does) and works out what would change; an apply
writes a preview made once beforehand, on a fresh copy of its database before every timed
call: an empty one for GIAS, the sample county (its 2023 schools and contact list, and the
briefing the report is of) for Teams.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from briefings.clock import fixed_clock, london
from briefings.importing.attendance_apply import AttendanceImportResult
from briefings.importing.attendance_plan import AttendancePreview
from briefings.importing.settings_import import SettingsPreview
from briefings.scheduling import BriefingFields
from briefings.services import Services
from briefings.vocabulary import Delivery
from models.db import open_database
from tests.benchmarks.harness import BenchContext, Benchmark, BenchmarkSkipped, register
from tests.benchmarks.sample_files import first_records, synthesise_gias, synthesise_teams
from tests.benchmarks.writes import FreshCopy, empty_template, fresh_copy
from tests.sample_data import SAMPLE_DATA, SKIP_REASON

GIAS_ROWS, QUICK_GIAS_ROWS = 50_000, 2_000
TEAMS_PARTICIPANTS, QUICK_TEAMS_PARTICIPANTS = 400, 50
# The county's whole contact list takes about a second to import; the quick run's county is smaller.
QUICK_CONTACTS = 600
REPORT_DAY = date(2023, 6, 14)


@dataclass(frozen=True)
class ImportFile:
    """A synthesised file and how a bare ``csv`` read decodes and splits it."""

    path: Path
    encoding: str
    delimiter: str = ","

    def bare_read(self) -> int:
        """Decode and split every row with the standard library (the floor); returns the rows."""
        text = self.path.read_bytes().decode(self.encoding)
        return sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter))

    def notes(self) -> str:
        """The file's size and encoding, for the Notes column."""
        size = self.path.stat().st_size
        shown = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"
        return f"{shown} {self.encoding}"


@dataclass
class GiasImport:
    """The extract, an empty database put back before each timed apply, and its preview."""

    extract: ImportFile
    target: FreshCopy
    preview: SettingsPreview | None = None


@dataclass
class TeamsImport:
    """The report, the county put back before each timed apply, the briefing and the preview."""

    report: ImportFile
    target: FreshCopy
    briefing_id: int
    preview: AttendancePreview | None = None
    result: AttendanceImportResult | None = None


def sample_folder() -> Path:
    """The shared sample county, or :class:`BenchmarkSkipped` saying how to provide it."""
    if SAMPLE_DATA is None:
        raise BenchmarkSkipped(SKIP_REASON)
    return SAMPLE_DATA


# ---------------------------------------------------------------- GIAS


def _gias(ctx: BenchContext, work_name: str) -> GiasImport:
    folder = sample_folder()
    rows = QUICK_GIAS_ROWS if ctx.quick else GIAS_ROWS

    def make() -> ImportFile:
        target = ctx.workdir / f"gias_{rows}.csv"
        return ImportFile(synthesise_gias(folder / "gias_county.csv", target, rows), "cp1252")

    extract: ImportFile = ctx.remember("imports.gias", make)
    state = GiasImport(extract, fresh_copy(ctx, empty_template(ctx), work_name))
    state.target.reset()
    return state


def _gias_preview_setup(ctx: BenchContext) -> GiasImport:
    return _gias(ctx, "imports-gias-preview.sqlite3")


def _gias_apply_setup(ctx: BenchContext) -> GiasImport:
    state = _gias(ctx, "imports-gias-apply.sqlite3")
    state.preview = _preview_gias(state)
    return state


def _preview_gias(state: GiasImport) -> SettingsPreview:
    path = state.extract.path
    return state.target.ready.imports.preview_settings(path.read_bytes(), path.name, "all")


def _apply_gias(state: GiasImport) -> int:
    assert state.preview is not None
    result = state.target.ready.imports.apply_settings(state.preview)
    return result.added + result.changed + result.closed


# ---------------------------------------------------------------- Teams


def _teams(ctx: BenchContext, work_name: str) -> TeamsImport:
    folder = sample_folder()
    participants = QUICK_TEAMS_PARTICIPANTS if ctx.quick else TEAMS_PARTICIPANTS

    def make() -> ImportFile:
        source = folder / "teams_attendance_2023-06-14.csv"
        target = ctx.workdir / f"teams_{participants}.csv"
        return ImportFile(synthesise_teams(source, target, participants), "utf-16", "\t")

    report: ImportFile = ctx.remember("imports.teams", make)
    template, briefing_id = ctx.remember("imports.county", lambda: county_template(ctx, folder))
    # That afternoon, once the report has been downloaded.
    after = datetime.combine(REPORT_DAY, time(16), tzinfo=UTC)
    state = TeamsImport(report, fresh_copy(ctx, template, work_name, after), briefing_id)
    state.target.reset()
    return state


def _teams_preview_setup(ctx: BenchContext) -> TeamsImport:
    return _teams(ctx, "imports-teams-preview.sqlite3")


def _teams_apply_setup(ctx: BenchContext) -> TeamsImport:
    state = _teams(ctx, "imports-teams-apply.sqlite3")
    state.preview = _preview_teams(state)
    return state


def _preview_teams(state: TeamsImport) -> AttendancePreview:
    path = state.report.path
    return state.target.ready.imports.preview_attendance(path.read_bytes(), path.name, state.briefing_id)


def _apply_teams(state: TeamsImport) -> int:
    assert state.preview is not None
    state.result = state.target.ready.imports.apply_attendance(state.preview, accept_walk_ins=True)
    return sum(state.result.marked.values())


def _teams_apply_notes(state: TeamsImport) -> str:
    result = state.result
    if result is None:
        return ""
    return f"{result.walk_ins} walk-ins, {result.pending} left for review, {result.ignored} set aside"


def county_template(ctx: BenchContext, folder: Path) -> tuple[Path, int]:
    """The sample county as of 2023 (schools, then staff), with the briefing the report records.

    Imported through the services, as an advisor would set it up. Returns the file (checkpointed,
    so a plain copy is a whole database) and the briefing's id.
    """
    template = ctx.workdir / "imports-county-template.sqlite3"
    database = open_database(str(template))
    services = Services.build(database.sessions, clock=fixed_clock(datetime(2023, 6, 1, tzinfo=UTC)))
    imports = services.imports
    gias = (folder / "gias_county_2023layout.csv").read_bytes()
    imports.apply_settings(imports.preview_settings(gias, "gias.csv", "990"))
    contacts = (folder / "contacts.csv").read_bytes()
    if ctx.quick:
        contacts = first_records(contacts, QUICK_CONTACTS)
    mapping = imports.people_mapping(contacts, "contacts.csv").mapping
    imports.apply_people(imports.preview_people(contacts, "contacts.csv", mapping))
    topic = next(t.id for t in services.briefings.topics() if t.code == "dsl_update")
    briefing = services.briefings.schedule(
        BriefingFields(
            title="DSL & PSHE Lead Briefing",
            topic_id=topic,
            starts_at=london(REPORT_DAY, time(9, 30)),
            ends_at=london(REPORT_DAY, time(11, 30)),
            delivery=Delivery.ONLINE,
            capacity=600,
            join_url="https://teams.microsoft.com/l/meetup-join/bench",
        )
    )
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return template, briefing.id


FLOOR = "floor: a bare csv read of the file"
GIAS = f"a {GIAS_ROWS:,}-row all-England GIAS extract ({QUICK_GIAS_ROWS:,} with --quick)"
TEAMS = f"a {TEAMS_PARTICIPANTS}-person Teams report ({QUICK_TEAMS_PARTICIPANTS} with --quick)"
register(
    Benchmark(
        "imports.gias_50k.preview",
        setup=_gias_preview_setup,
        run=lambda state: len(_preview_gias(state).extract.records),
        floor=lambda state: state.extract.bare_read(),
        notes=lambda state: state.extract.notes(),
        description=f"preview {GIAS} on an empty database (rows: records); {FLOOR}",
    )
)
register(
    Benchmark(
        "imports.gias_50k.apply",
        setup=_gias_apply_setup,
        run=_apply_gias,
        floor=lambda state: state.extract.bare_read(),
        reset=lambda state: state.target.reset(),
        description=f"apply its preview to an empty database (rows: settings added); {FLOOR}",
    )
)
register(
    Benchmark(
        "imports.teams_400.preview",
        setup=_teams_preview_setup,
        run=lambda state: len(_preview_teams(state).rows),
        floor=lambda state: state.report.bare_read(),
        notes=lambda state: state.report.notes(),
        description=f"preview {TEAMS} on the sample county (rows: participants); {FLOOR}",
    )
)
register(
    Benchmark(
        "imports.teams_400.apply",
        setup=_teams_apply_setup,
        run=_apply_teams,
        floor=lambda state: state.report.bare_read(),
        reset=lambda state: state.target.reset(),
        notes=_teams_apply_notes,
        description=f"apply its preview, walk-ins accepted (rows: people marked); {FLOOR}",
    )
)
