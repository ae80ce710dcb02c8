"""Reading a GIAS "establishment fields" extract into checked records, one per URN."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from briefings.directory import URN_RANGE
from briefings.importing.columns import Column, header_score, locate
from briefings.importing.gias_vocabulary import gias_phase, gias_status
from briefings.importing.problems import Problem, error, looks_like_formula, note, warning
from briefings.importing.sources import Table, TableRow, paused_collector, read_table
from models.enums import Phase, SettingStatus

NAME_LIMIT = 300
ADDRESS_LIMIT = 1000
SHORT_LIMIT = 120
POSTCODE_LIMIT = 16
DATE_LENGTH = len("01-09-2024")

COLUMNS = (
    Column("urn", "URN", ("Unique reference number",), required=True),
    Column("name", "EstablishmentName", ("Establishment name", "School name", "Name"), required=True),
    Column("status", "EstablishmentStatus (name)", ("EstablishmentStatus", "Status"), required=True),
    Column("la_code", "LA (code)", ("LA code", "LA", "Local authority code")),
    Column("la_name", "LA (name)", ("LA name", "Local authority", "Local authority name")),
    Column("number", "EstablishmentNumber", ("Establishment number", "Estab")),
    Column("type", "TypeOfEstablishment (name)", ("TypeOfEstablishment", "Type of establishment")),
    Column("group", "EstablishmentTypeGroup (name)", ("EstablishmentTypeGroup", "Type group")),
    Column("phase", "PhaseOfEducation (name)", ("PhaseOfEducation", "Phase of education", "Phase")),
    Column("open_reason", "ReasonEstablishmentOpened (name)", ("ReasonEstablishmentOpened",)),
    Column("opened", "OpenDate", ("Open date", "Opened")),
    Column("close_reason", "ReasonEstablishmentClosed (name)", ("ReasonEstablishmentClosed",)),
    Column("closed", "CloseDate", ("Close date", "Closed")),
    Column("district", "DistrictAdministrative (name)", ("DistrictAdministrative", "District")),
    Column("street", "Street", ()),
    Column("locality", "Locality", ()),
    Column("address3", "Address3", ()),
    Column("town", "Town", ()),
    Column("county", "County (name)", ("County",)),
    Column("postcode", "Postcode", ("Post code",)),
    Column("previous_number", "PreviousEstablishmentNumber", ()),
    Column("previous_la", "PreviousLA (code)", ("PreviousLA",)),
)
_ADDRESS_PARTS = ("street", "locality", "address3", "town", "county")
_NO_PREVIOUS_LA = {"", "999", "000"}


@dataclass(frozen=True)
class GiasRecord:
    """One establishment as the extract describes it, checked and in our vocabulary."""

    row: int
    urn: int
    name: str
    status: SettingStatus
    phase: Phase
    establishment_type: str | None
    la_code: str | None
    la_name: str | None
    establishment_number: str | None
    district: str | None
    address: str | None
    postcode: str | None
    opened_on: date | None
    open_reason: str | None
    closed_on: date | None
    close_reason: str | None
    previous_establishment_number: str | None
    previous_la_code: str | None

    @property
    def laestab(self) -> str | None:
        """LA code and establishment number together, as DfE writes it (9905205)."""
        if self.la_code and self.establishment_number:
            return f"{self.la_code}{self.establishment_number}"
        return None

    def same_values(self, other: GiasRecord) -> bool:
        """Whether two rows say the same thing (ignoring where they are in the file)."""
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(self) if f.name != "row")


@dataclass(frozen=True)
class GiasExtract:
    """Every usable record of an extract, what was wrong with the rest, and which LAs it covers."""

    records: tuple[GiasRecord, ...]
    problems: tuple[Problem, ...]
    authorities: tuple[tuple[str, str, int], ...]
    description: str
    rows_read: int
    mapping: tuple[tuple[str, str], ...]


def read_gias(data: bytes, name: str) -> GiasExtract:
    """Read and check an extract (CSV in any usual encoding, or a workbook); nothing is stored."""
    table = read_table(data, name, header_score(COLUMNS))
    found, header_notes = locate(table.headers, COLUMNS, name)
    problems: list[Problem] = [*table.notes, *header_notes]
    if "la_code" not in found:
        problems.append(note("No “LA (code)” column: the file cannot be narrowed to one local authority"))
    with paused_collector():
        records = _records(table, found, problems)
    return GiasExtract(
        records=tuple(records.values()),
        problems=tuple(problems),
        authorities=_authorities(records.values()),
        description=table.description,
        rows_read=len(table.rows),
        mapping=tuple((c.label, table.headers[found[c.field]]) for c in COLUMNS if c.field in found),
    )


def _records(table: Table, found: dict[str, int], problems: list[Problem]) -> dict[int, GiasRecord]:
    """One record per URN; shifted rows, bad rows and conflicting repeats are reported instead."""
    records: dict[int, GiasRecord] = {}
    width = len(table.headers)
    for row in table.rows:
        shape = row.shape_problem(width)
        if shape is not None:
            problems.append(shape)
            continue
        record, row_problems = _record(row, found)
        problems.extend(row_problems)
        if record is None:
            continue
        earlier = records.get(record.urn)
        if earlier is None:
            records[record.urn] = record
        elif earlier.same_values(record):
            problems.append(
                note(f"URN {record.urn} repeats row {earlier.row} exactly; read once", row.number)
            )
        else:
            problems.append(
                error(
                    f"URN {record.urn} is also on row {earlier.row} with different details; "
                    f"row {earlier.row} was kept and this one left out",
                    row.number,
                    "URN",
                )
            )
    return records


def _authorities(records: Iterable[GiasRecord]) -> tuple[tuple[str, str, int], ...]:
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        counts[(record.la_code or "", record.la_name or "")] += 1
    return tuple((code, la, n) for (code, la), n in counts.most_common())


def _record(row: TableRow, found: dict[str, int]) -> tuple[GiasRecord | None, list[Problem]]:
    cells, width = row.cells, len(row.cells)
    # One pass over the columns read (this runs 50,000 times for an all-England extract).
    values = {field: cells[index].strip() if index < width else "" for field, index in found.items()}

    def cell(field: str) -> str:
        return values.get(field, "")

    problems: list[Problem] = []
    urn = _urn(cell("urn"), row.number, problems)
    name = _name(cell("name"), row.number, problems)
    status = gias_status(cell("status"))
    if status is None:
        shown = cell("status") or "blank"
        problems.append(error(f"unknown status “{shown}”", row.number, "EstablishmentStatus (name)"))
    if urn is None or status is None or name is None:
        return None, problems
    la_code = _short(cell("la_code"), row.number, "LA (code)", problems, limit=8)
    record = GiasRecord(
        row=row.number,
        urn=urn,
        name=name,
        status=status,
        phase=gias_phase(cell("type"), cell("group"), cell("phase")),
        establishment_type=_short(cell("type"), row.number, "TypeOfEstablishment (name)", problems),
        la_code=la_code,
        la_name=_short(cell("la_name"), row.number, "LA (name)", problems),
        establishment_number=_short(cell("number"), row.number, "EstablishmentNumber", problems, limit=8),
        district=_short(cell("district"), row.number, "DistrictAdministrative (name)", problems),
        address=_address(row, found, problems),
        postcode=_short(cell("postcode"), row.number, "Postcode", problems, limit=POSTCODE_LIMIT),
        opened_on=_date(cell("opened"), row.number, "OpenDate", problems),
        open_reason=_reason(cell("open_reason")),
        closed_on=_date(cell("closed"), row.number, "CloseDate", problems),
        close_reason=_reason(cell("close_reason")),
        previous_establishment_number=cell("previous_number") or None,
        previous_la_code=None if cell("previous_la") in _NO_PREVIOUS_LA else cell("previous_la"),
    )
    return record, problems


def _name(text: str, row: int, problems: list[Problem]) -> str | None:
    name = " ".join(text.split())
    column = "EstablishmentName"
    if not name:
        problems.append(error("the establishment name is blank", row, column))
        return None
    if len(name) > NAME_LIMIT:
        problems.append(
            error(f"the name is {len(name):,} characters long; the most is {NAME_LIMIT}", row, column)
        )
        return None
    if looks_like_formula(name):
        problems.append(warning("the name looks like a spreadsheet formula; kept as plain text", row, column))
    return name


def _urn(text: str, row: int, problems: list[Problem]) -> int | None:
    cleaned = text.replace(" ", "")
    if not cleaned:
        problems.append(error("the URN is blank", row, "URN"))
        return None
    if not cleaned.isdigit() or int(cleaned) not in URN_RANGE:
        problems.append(error(f"“{text[:40]}” is not a URN (six or seven digits)", row, "URN"))
        return None
    if cleaned != text:
        problems.append(note(f"spaces in the URN “{text}” ignored", row, "URN"))
    return int(cleaned)


def _short(
    text: str, row: int, column: str, problems: list[Problem], *, limit: int = SHORT_LIMIT
) -> str | None:
    value = " ".join(text.split())
    if len(value) > limit:
        problems.append(
            warning(f"{len(value):,} characters long (the most is {limit}); left out", row, column)
        )
        return None
    return value or None


def _address(row: TableRow, found: dict[str, int], problems: list[Problem]) -> str | None:
    parts = [" ".join(row.cell(found.get(p)).split()).strip(" ,") for p in _ADDRESS_PARTS]
    address = ", ".join(p for p in parts if p)
    if len(address) > ADDRESS_LIMIT:
        problems.append(
            warning(
                f"the address is {len(address):,} characters long (the most is {ADDRESS_LIMIT}); left out",
                row.number,
                "Street",
            )
        )
        return None
    return address or None


def _reason(text: str) -> str | None:
    return None if text.lower() in {"", "not applicable"} else text


def _date(text: str, row: int, column: str, problems: list[Problem]) -> date | None:
    if not text:
        return None
    value = parse_gias_date(text)
    if value is None:
        problems.append(warning(f"“{text[:20]}” is not a date like 01-09-2024; left out", row, column))
    return value


def parse_gias_date(text: str) -> date | None:
    """A date written dd-mm-yyyy (GIAS), dd/mm/yyyy, or yyyy-mm-dd (a workbook cell); None if not one."""
    value = text.strip()[:DATE_LENGTH]
    if len(value) != DATE_LENGTH:
        return None
    try:
        if value[2] in "-/." and value[5] == value[2]:
            return date(int(value[6:]), int(value[3:5]), int(value[:2]))
        if value[4] == "-" and value[7] == "-":
            return date(int(value[:4]), int(value[5:7]), int(value[8:]))
    except ValueError:
        return None
    return None
