"""Benchmarks of the imports, each beside a bare ``csv`` read of the same file in the same run.

For the harness to register (``make bench``); by hand: ``python -m tests.benchmarks.imports_bench``.
The files are synthesised from the sample county: a 50,000-row GIAS extract (all England: the
county's rows copied across 150 local authorities with fresh URNs) and a 400-participant Teams
report (the June report with nine more people). Every figure is the best of ``repeat`` runs.
"""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from briefings.clock import fixed_clock, london
from briefings.importing.gias import read_gias
from briefings.importing.reports import read_attendance_report
from briefings.scheduling import BriefingFields
from briefings.services import Services
from briefings.vocabulary import Delivery
from models.db import open_database
from tests.sample_data import SAMPLE_DATA, SKIP_REASON

REPO = Path(__file__).resolve().parents[2]
GIAS_ROWS = 50_000
TEAMS_PARTICIPANTS = 400


def sample_data() -> Path:
    """The shared sample county (see :mod:`tests.sample_data`)."""
    if SAMPLE_DATA is None:
        raise FileNotFoundError(SKIP_REASON)
    return SAMPLE_DATA


def best_of(repeat: int, job: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


def synthesise_gias(source: Path, target: Path, rows: int = GIAS_ROWS) -> Path:
    """A cp1252 extract of ``rows`` rows made from the sample's, with unique URNs across many LAs."""
    records = list(csv.reader(io.StringIO(source.read_bytes().decode("cp1252"), newline="")))
    header, body = records[0], records[1:]
    urn, la, la_name, number = (
        header.index(c) for c in ("URN", "LA (code)", "LA (name)", "EstablishmentNumber")
    )
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    for index in range(rows):
        row = list(body[index % len(body)])
        authority = 200 + index // len(body)
        row[urn] = str(1_000_000 + index)
        row[la], row[la_name] = str(authority), f"Authority {authority}"
        row[number] = f"{index % 10000:04d}" if row[number] else ""
        writer.writerow(row)
    target.write_bytes(out.getvalue().encode("cp1252"))
    return target


def synthesise_teams(source: Path, target: Path, participants: int = TEAMS_PARTICIPANTS) -> Path:
    """The June report with extra attendees (each in both tables) up to ``participants``."""
    lines = source.read_bytes().decode("utf-16").split("\n")
    activities = next(i for i, line in enumerate(lines) if line.startswith("3. In-Meeting"))
    people = [line for line in lines[10:activities] if line.count("\t") >= 6]
    extra = participants - len(people)
    joined, joins = [], []
    for n in range(extra):
        cells = people[3 + n].split("\t")
        cells[0], cells[4], cells[5] = (
            f"Extra Person{n}",
            f"extra{n}@school.example",
            f"extra{n}@school.example",
        )
        joined.append("\t".join(cells))
        joins.append("\t".join([cells[0], cells[1], cells[2], cells[3], cells[4], cells[6]]))
    blank = next(i for i in range(10, activities) if not lines[i].strip())
    lines[blank:blank] = joined
    end = len(lines) - 1 if not lines[-1] else len(lines)
    lines[end:end] = joins
    target.write_bytes(codecs.BOM_UTF16_LE + "\n".join(lines).encode("utf-16-le"))
    return target


def bare_csv_read(path: Path, encoding: str, delimiter: str = ",") -> int:
    """Decode and split every row with the standard library: the floor any import is compared with."""
    return sum(
        1
        for _ in csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline=""), delimiter=delimiter)
    )


def bench_gias_import(workdir: Path, repeat: int = 3) -> dict[str, float]:
    """Seconds for 50,000 GIAS rows: bare read, parse, preview and apply to an empty database, re-preview."""
    extract = synthesise_gias(sample_data() / "gias_county.csv", workdir / "gias_50k.csv")
    data = extract.read_bytes()
    figures = {"csv read (bare)": best_of(repeat, lambda: bare_csv_read(extract, "cp1252"))}
    figures["parse and check"] = best_of(repeat, lambda: read_gias(data, extract.name))
    database = open_database(str(workdir / "gias.sqlite3"))
    services = Services.build(database.sessions, clock=fixed_clock(datetime(2025, 10, 1, tzinfo=UTC)))
    started = time.perf_counter()
    preview = services.imports.preview_settings(data, extract.name, "all")
    figures["preview (empty database)"] = time.perf_counter() - started
    started = time.perf_counter()
    services.imports.apply_settings(preview)
    figures["apply 50,000 new settings"] = time.perf_counter() - started
    figures["preview again (all unchanged)"] = best_of(
        repeat, lambda: services.imports.preview_settings(data, extract.name, "all")
    )
    database.dispose()
    return figures


def bench_teams_import(workdir: Path, repeat: int = 3) -> dict[str, float]:
    """Seconds for a 400-participant Teams report: bare read, parse, match against the county, apply."""
    data_dir = sample_data()
    report = synthesise_teams(data_dir / "teams_attendance_2023-06-14.csv", workdir / "teams_400.csv")
    data = report.read_bytes()
    figures = {"csv read (bare)": best_of(repeat, lambda: bare_csv_read(report, "utf-16", "\t"))}
    figures["parse"] = best_of(repeat, lambda: read_attendance_report(data, report.name))
    database = open_database(str(workdir / "teams.sqlite3"))
    clock = fixed_clock(datetime(2023, 6, 1, tzinfo=UTC))
    services = Services.build(database.sessions, clock=clock)
    gias = (data_dir / "gias_county_2023layout.csv").read_bytes()
    services.imports.apply_settings(services.imports.preview_settings(gias, "gias.csv", "990"))
    contacts = (data_dir / "contacts.csv").read_bytes()
    mapping = services.imports.people_mapping(contacts, "contacts.csv").mapping
    services.imports.apply_people(services.imports.preview_people(contacts, "contacts.csv", mapping))
    topic = next(t.id for t in services.briefings.topics() if t.code == "dsl_update")
    day = date(2023, 6, 14)
    briefing = services.briefings.schedule(
        BriefingFields(
            title="DSL & PSHE Lead Briefing",
            topic_id=topic,
            starts_at=london(day, datetime.min.time().replace(hour=9, minute=30)),
            ends_at=london(day, datetime.min.time().replace(hour=11, minute=30)),
            delivery=Delivery.ONLINE,
            capacity=600,
            join_url="https://teams.microsoft.com/l/meetup-join/bench",
        )
    )
    after = Services.build(database.sessions, clock=fixed_clock(datetime(2023, 6, 15, tzinfo=UTC)))
    figures["preview (match 400 against 2,840 people)"] = best_of(
        repeat, lambda: after.imports.preview_attendance(data, report.name, briefing.id)
    )
    preview = after.imports.preview_attendance(data, report.name, briefing.id)
    started = time.perf_counter()
    after.imports.apply_attendance(preview, accept_walk_ins=True)
    figures["apply (walk-ins and marks)"] = time.perf_counter() - started
    database.dispose()
    return figures


BENCHMARKS = {
    "import GIAS 50,000 rows": bench_gias_import,
    "import Teams 400 participants": bench_teams_import,
}


def main() -> None:
    """Run every benchmark once and print the figures."""
    for title, bench in BENCHMARKS.items():
        with tempfile.TemporaryDirectory() as folder:
            figures = bench(Path(folder))
        print(title)
        for label, seconds in figures.items():
            print(f"  {label:<45} {seconds * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
