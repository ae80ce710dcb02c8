"""Big import files synthesised from the shared sample county, for the import benchmarks.

Real-shaped rather than random: every row is one of the sample's own, so the parsers meet the
same quoting, encodings and oddities as in the real files, only more of them.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path


def synthesise_gias(source: Path, target: Path, rows: int) -> Path:
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


def first_records(data: bytes, count: int) -> bytes:
    """A UTF-8 CSV cut to its header and first ``count`` records (fields may hold line breaks)."""
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(records[: count + 1])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def synthesise_teams(source: Path, target: Path, participants: int) -> Path:
    """The June report with ``participants`` people: its first ones, then extras in both tables."""
    lines = source.read_bytes().decode("utf-16").split("\n")
    first = lines.index("2. Participants") + 2  # past the section's title and header
    blank = next(i for i in range(first, len(lines)) if not lines[i].strip())
    people = lines[first:blank]
    activities = lines.index("3. In-Meeting activities") + 2
    end = len(lines) - 1 if not lines[-1] else len(lines)
    kept, joins = people[:participants], lines[activities:end]
    keys = {_key(line.split("\t")[0], line.split("\t")[4]) for line in kept}
    joins = [line for line in joins if _key(line.split("\t")[0], line.split("\t")[4]) in keys]
    for n in range(participants - len(kept)):
        cells = people[3 + n % (len(people) - 3)].split("\t")  # past the organisers
        cells[0] = f"Extra Person{n}"
        cells[4] = cells[5] = f"extra{n}@school.example"
        kept.append("\t".join(cells))
        joins.append("\t".join([*cells[:5], cells[6]]))
    summary = [
        f"Attended participants\t{participants}" if line.startswith("Attended") else line
        for line in lines[:first]
    ]
    body = [*summary, *kept, *lines[blank:activities], *joins, *lines[end:]]
    target.write_bytes(codecs.BOM_UTF16_LE + "\n".join(body).encode("utf-16-le"))
    return target


def _key(name: str, email: str) -> tuple[str, str]:
    return name, email.lower()
