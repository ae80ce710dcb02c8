"""Working out who is who in a staff list: one person per human, however many rows they have.

Rows belong to one person when they share an e-mail address (ignoring case and the list's typos)
or name the same person at the same setting (a head who is also the DSL has two rows). An address
several different people share ("office@...") is a shared mailbox: it identifies nobody, so it is
never stored as anyone's own address.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefings.importing.names import fold
from briefings.importing.staff import StaffRow
from models.enums import Role

SAME_NAME = 85
# Local parts of addresses that belong to a job or an office, not a person: whoever holds the
# post next inherits the mailbox, so it cannot identify anyone.
ROLE_MAILBOXES = frozenset(
    {
        "office",
        "admin",
        "enquiries",
        "enquiry",
        "info",
        "reception",
        "head",
        "headteacher",
        "headteachers",
        "dsl",
        "dsl.team",
        "dslteam",
        "safeguarding",
        "school",
        "bursar",
        "finance",
        "sbm",
        "governors",
        "clerk",
        "staff",
        "contact",
        "mail",
        "hello",
        "post",
        "principal",
        "secretary",
        "schooloffice",
    }
)


@dataclass(frozen=True)
class PlacedRow:
    """A staff row and the setting it was resolved to."""

    row: StaffRow
    setting_id: int


@dataclass(frozen=True)
class FilePerson:
    """One person as the list describes them (possibly over several rows)."""

    rows: tuple[PlacedRow, ...]
    first_name: str
    last_name: str
    title: str | None
    email: str | None
    phone: str | None
    notes: str | None

    @property
    def row_numbers(self) -> tuple[int, ...]:
        """The list's rows about this person."""
        return tuple(p.row.row for p in self.rows)

    @property
    def roles(self) -> dict[tuple[int, Role], str | None]:
        """(setting, role) -> job title, one per role held (the first row's title wins)."""
        found: dict[tuple[int, Role], str | None] = {}
        for placed in self.rows:
            found.setdefault((placed.setting_id, placed.row.role), placed.row.job_title)
        return found

    @property
    def setting_ids(self) -> set[int]:
        """Where the list places them."""
        return {p.setting_id for p in self.rows}


def name_key(row: StaffRow) -> str:
    """First and last name folded, for comparing people."""
    return f"{fold(row.first_name)} {fold(row.last_name)}"


def shared_mailboxes(rows: Sequence[PlacedRow]) -> dict[str, int]:
    """Addresses several different people use, or that belong to an office, with how many use each."""
    names: dict[str, list[str]] = defaultdict(list)
    for placed in rows:
        if placed.row.email.address:
            names[placed.row.email.address].append(name_key(placed.row))
    shared = {}
    for address, keys in names.items():
        people = _distinct(keys)
        if people > 1 or is_role_mailbox(address):
            shared[address] = people
    return shared


def is_role_mailbox(address: str) -> bool:
    """Whether an address belongs to an office or a post ("office@", "dsl@", "head@") rather than a person."""
    return address.split("@", 1)[0] in ROLE_MAILBOXES


def _distinct(keys: list[str]) -> int:
    clusters: list[str] = []
    for key in keys:
        if not any(key == c or fuzz.ratio(key, c) >= SAME_NAME for c in clusters):
            clusters.append(key)
    return len(clusters)


def group_people(rows: Sequence[PlacedRow], shared: dict[str, int]) -> list[FilePerson]:
    """The people a list describes, in the order they first appear."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_seen: dict[object, int] = {}
    for index, placed in enumerate(rows):
        keys: list[object] = [("name", placed.setting_id, name_key(placed.row))]
        address = placed.row.email.address
        if address and address not in shared:
            keys.append(("email", address))
        for key in keys:
            if key in first_seen:
                parent[find(index)] = find(first_seen[key])
            else:
                first_seen[key] = index
    groups: dict[int, list[PlacedRow]] = defaultdict(list)
    for index, placed in enumerate(rows):
        groups[find(index)].append(placed)
    return [_person(members, shared) for _, members in sorted(groups.items())]


def _person(members: list[PlacedRow], shared: dict[str, int]) -> FilePerson:
    rows = [m.row for m in members]
    # The best-cased spelling wins: "Chloë" over a duplicate row's "chloë".
    best = max(rows, key=lambda r: (sum(ch.isupper() for ch in r.first_name + r.last_name) > 0, -r.row))
    emails = [r.email.address for r in rows if r.email.address and r.email.address not in shared]
    notes = list(dict.fromkeys(r.notes for r in rows if r.notes))
    mailboxes = sorted({r.email.address for r in rows if r.email.address and r.email.address in shared})
    if mailboxes and not emails:
        notes.append(f"Shared mailbox: {', '.join(mailboxes)}")
    return FilePerson(
        rows=tuple(members),
        first_name=best.first_name,
        last_name=best.last_name,
        title=next((r.title for r in rows if r.title), None),
        email=emails[0] if emails else None,
        phone=next((r.phone for r in rows if r.phone), None),
        notes="\n".join(notes) or None,
    )
