"""Reading a staff list (CSV or workbook) through a column mapping into checked rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from briefings.directory import URN_RANGE
from briefings.importing.columns import Column, header_key, header_score
from briefings.importing.emails import CleanEmail, clean_email, raw_domains
from briefings.importing.names import fold, split_person_name
from briefings.importing.problems import ImportRefused, Problem, error, looks_like_formula, note, warning
from briefings.importing.roles import read_role
from briefings.importing.sources import Table, TableRow, read_table
from models.enums import Role

NAME_LIMIT = 120
NOTES_LIMIT = 2000
PHONE_LIMIT = 40
UK_DIGITS = 11  # 01632 960116
GUESS_THRESHOLD = 85
# A name is taken to be in the wrong column when the list itself uses it the other way round
# this much more often (and often enough to tell).
SWAP_EVIDENCE = 3

STAFF_COLUMNS = (
    Column("first_name", "First name", ("FirstName", "Forename", "Given name", "First")),
    Column("last_name", "Last name", ("LastName", "Surname", "Family name", "Last")),
    Column("full_name", "Full name", ("Name", "Contact name", "Staff name", "Contact")),
    Column("title", "Title", ("Salutation", "Honorific", "Prefix")),
    Column("email", "Email", ("E-mail", "Email address", "E-mail address", "Mail", "Work email")),
    Column("role", "Role", ("Position", "Post", "Job title", "Job role", "Role at school")),
    Column("urn", "URN", ("School URN", "Establishment URN", "Setting URN")),
    Column("laestab", "LAESTAB", ("LA Estab", "DfE number", "DfE no", "LAEstab number")),
    Column(
        "setting_name",
        "School name",
        ("SchoolName", "School", "Setting", "Setting name", "Establishment", "EstablishmentName"),
    ),
    Column("phone", "Phone", ("Telephone", "Tel", "Phone number", "Telephone number", "Mobile")),
    Column("notes", "Notes", ("Note", "Comments", "Comment")),
)
FIELD_LABELS = {c.field: c.label for c in STAFF_COLUMNS}


@dataclass(frozen=True)
class ColumnMapping:
    """Which header each field is read from; ``origins`` says how each was chosen."""

    columns: dict[str, str]
    origins: dict[str, str]
    default_role: Role | None = None

    def missing(self) -> list[str]:
        """What the mapping still lacks before a list can be read, in words."""
        lacking = []
        if not ({"first_name", "last_name"} <= self.columns.keys() or "full_name" in self.columns):
            lacking.append("the first and last names (or one full-name column)")
        if not self.columns.keys() & {"urn", "laestab", "setting_name"}:
            lacking.append("the school (its URN, LAESTAB or name)")
        if "role" not in self.columns and self.default_role is None:
            lacking.append("the role (or a role that applies to every row)")
        return lacking


@dataclass(frozen=True)
class StaffRow:
    """One usable row of a staff list, cleaned."""

    row: int
    first_name: str
    last_name: str
    title: str | None
    email: CleanEmail
    phone: str | None
    notes: str | None
    role: Role
    job_title: str | None
    urn: int | None
    laestab: str | None
    setting_name: str | None


@dataclass(frozen=True)
class StaffList:
    """A staff list's usable rows, its headers, and everything found wrong."""

    rows: tuple[StaffRow, ...]
    headers: tuple[str, ...]
    problems: tuple[Problem, ...]
    description: str
    rows_read: int


def read_staff_table(data: bytes, name: str) -> Table:
    """The list's header and rows (any usual encoding or a workbook), the header found by its names."""
    return read_table(data, name, header_score(STAFF_COLUMNS))


def suggest_mapping(headers: Sequence[str], remembered: Mapping[str, str] | None = None) -> ColumnMapping:
    """A mapping for these headers: what was remembered, then known spellings, then close guesses."""
    keys = {header_key(h): h for h in headers if h.strip()}
    columns: dict[str, str] = {}
    origins: dict[str, str] = {}
    taken: set[str] = set()
    for field, header in (remembered or {}).items():
        if field in FIELD_LABELS and header_key(header) in keys:
            columns[field], origins[field] = keys[header_key(header)], "remembered"
            taken.add(header_key(header))
    for column in STAFF_COLUMNS:
        if column.field in columns:
            continue
        for alias in (column.label, *column.aliases):
            key = header_key(alias)
            if key in keys and key not in taken:
                columns[column.field], origins[column.field] = keys[key], "recognised"
                taken.add(key)
                break
    for column in STAFF_COLUMNS:
        free = [k for k in keys if k not in taken]
        if column.field in columns or not free or _not_needed(column.field, columns):
            continue
        best = max(
            (process.extractOne(alias, free, scorer=fuzz.ratio) for alias in column.spellings()),
            key=lambda found: found[1] if found else 0,
        )
        if best is not None and best[1] >= GUESS_THRESHOLD:
            columns[column.field], origins[column.field] = keys[best[0]], "guessed"
            taken.add(best[0])
    return ColumnMapping(columns, origins)


def _not_needed(field: str, columns: Mapping[str, str]) -> bool:
    """Whether guessing a column for ``field`` can only do harm.

    A full name is only read when the first or last name is blank; with both found, a guessed
    "full name" ("ContactID" is close to "Contact") would turn a blank surname into a person.
    """
    return field == "full_name" and {"first_name", "last_name"} <= columns.keys()


def read_staff(table: Table, mapping: ColumnMapping, name: str) -> StaffList:
    """Check every row of a list through the mapping; rows that cannot be used are reported, not read."""
    lacking = mapping.missing()
    if lacking:
        raise ImportRefused(
            f"{name}: choose the column{'s' if len(lacking) > 1 else ''} for " + "; ".join(lacking)
        )
    index = {h: i for i, h in reversed(list(enumerate(table.headers)))}
    unknown = [h for h in mapping.columns.values() if h not in index]
    if unknown:
        raise ImportRefused(f"{name} has no column called “{unknown[0]}”")
    found = {field: index[header] for field, header in mapping.columns.items()}
    domains = raw_domains(r.cell(found.get("email")) for r in table.rows)
    problems: list[Problem] = list(table.notes)
    rows = []
    for raw in table.rows:
        shape = raw.shape_problem(len(table.headers))
        if shape is not None:
            problems.append(shape)
            continue
        row = _row(raw, found, mapping, domains, problems)
        if row is not None:
            rows.append(row)
    rows = _unswap_names(rows, problems)
    return StaffList(tuple(rows), table.headers, tuple(problems), table.description, len(table.rows))


def _row(
    raw: TableRow,
    found: dict[str, int],
    mapping: ColumnMapping,
    domains: Counter[str],
    problems: list[Problem],
) -> StaffRow | None:
    def cell(field: str) -> str:
        return " ".join(raw.cell(found.get(field)).split())

    number = raw.number
    problems.extend(
        warning("looks like a spreadsheet formula; kept as plain text", number, mapping.columns[field])
        for field, index in found.items()
        if looks_like_formula(raw.cell(index))
    )
    names = _names(cell, "full_name" in found, number, mapping, problems)
    if names is None:
        return None
    title, first, last = names
    email = clean_email(raw.cell(found.get("email")), domains)
    _report_email(email, number, mapping.columns.get("email", "Email"), problems)
    reading = read_role(cell("role")) if cell("role") else None
    if reading is None and mapping.default_role is None:
        problems.append(error("the role is blank", number, mapping.columns.get("role")))
        return None
    if reading is not None and not reading.recognised:
        shown = cell("role")[:60]
        problems.append(
            note(f"role “{shown}” not recognised; kept as “other”", number, mapping.columns["role"])
        )
    urn = _urn(cell("urn"), number, mapping.columns.get("urn", "URN"), problems)
    return StaffRow(
        row=number,
        first_name=first,
        last_name=last,
        title=title[:40] if title else None,
        email=email,
        phone=_phone(cell("phone"), number, mapping.columns.get("phone", "Phone"), problems),
        notes=_notes(raw.cell(found.get("notes")), number, mapping.columns.get("notes", "Notes"), problems),
        role=reading.role if reading else Role(mapping.default_role or Role.OTHER),
        job_title=reading.job_title if reading else None,
        urn=urn,
        laestab=cell("laestab") or None,
        setting_name=cell("setting_name") or None,
    )


def _names(
    cell: Callable[[str], str],
    has_full_name: bool,
    number: int,
    mapping: ColumnMapping,
    problems: list[Problem],
) -> tuple[str | None, str, str] | None:
    """Title, first and last name (split from a full name when the list has only that), or None."""
    title, first, last = cell("title") or None, cell("first_name"), cell("last_name")
    if has_full_name and not (first and last):
        parts = split_person_name(cell("full_name"))
        first, last, title = parts.given, parts.family, title or parts.title
    if not first or not last:
        column = _label(mapping, "first_name", "full_name")
        problems.append(error("the first or last name is blank", number, column))
        return None
    if max(len(first), len(last)) > NAME_LIMIT:
        problems.append(
            error(f"a name is longer than {NAME_LIMIT} characters", number, _label(mapping, "last_name"))
        )
        return None
    return title, first, last


def _label(mapping: ColumnMapping, *fields: str) -> str | None:
    return next((mapping.columns[f] for f in fields if f in mapping.columns), None)


def _report_email(email: CleanEmail, row: int, column: str, problems: list[Problem]) -> None:
    if email.dropped:
        problems.append(warning(f"{email.dropped}; left out", row, column))
    elif email.corrections:
        problems.append(warning(f"read as {email.address} ({'; '.join(email.corrections)})", row, column))
    if email.others:
        problems.append(note(f"also listed: {', '.join(email.others)} (not stored)", row, column))


def _urn(text: str, row: int, column: str, problems: list[Problem]) -> int | None:
    cleaned = text.replace(" ", "")
    if not cleaned:
        return None
    if cleaned.isdigit() and int(cleaned) in URN_RANGE:
        return int(cleaned)
    problems.append(warning(f"“{text[:20]}” is not a URN; the school name is used instead", row, column))
    return None


def _phone(text: str, row: int, column: str, problems: list[Problem]) -> str | None:
    digits = text.replace(" ", "")
    # Spreadsheets drop the leading zero of UK numbers stored as numbers: 1632960116.
    if digits.isdigit() and len(digits) == UK_DIGITS - 1 and digits[0] in "123789":
        problems.append(warning(f"“{text}” read as 0{digits} (leading zero restored)", row, column))
        return f"0{digits}"
    if len(text) > PHONE_LIMIT:
        problems.append(
            warning(f"the phone number is longer than {PHONE_LIMIT} characters; left out", row, column)
        )
        return None
    return text or None


def _notes(text: str, row: int, column: str, problems: list[Problem]) -> str | None:
    value = text.strip()
    if len(value) > NOTES_LIMIT:
        problems.append(warning(f"notes longer than {NOTES_LIMIT:,} characters were cut short", row, column))
        value = value[:NOTES_LIMIT]
    return value or None


def _unswap_names(rows: list[StaffRow], problems: list[Problem]) -> list[StaffRow]:
    """Swap first and last names back where the list itself shows they are the wrong way round."""
    as_first = Counter(fold(r.first_name) for r in rows)
    as_last = Counter(fold(r.last_name) for r in rows)
    fixed = []
    for r in rows:
        first, last = fold(r.first_name), fold(r.last_name)
        first_is_surname = (
            as_last[first] >= SWAP_EVIDENCE * max(as_first[first], 1) and as_last[first] >= SWAP_EVIDENCE
        )
        last_is_given = (
            as_first[last] >= SWAP_EVIDENCE * max(as_last[last], 1) and as_first[last] >= SWAP_EVIDENCE
        )
        if first_is_surname and last_is_given:
            problems.append(
                warning(
                    f"“{r.first_name} {r.last_name}” read as {r.last_name} {r.first_name} "
                    "(the list uses these names the other way round)",
                    r.row,
                )
            )
            fixed.append(replace(r, first_name=r.last_name, last_name=r.first_name))
        else:
            fixed.append(r)
    return fixed
