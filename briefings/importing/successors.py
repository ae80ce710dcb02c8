"""Following a school across a change of URN: academy conversions and amalgamations.

GIAS closes the old URN and opens a new one. For a conversion (closed as "Academy Converter",
"For Academy" or "Fresh Start") the academy keeps the establishment number, or names it as its
``PreviousEstablishmentNumber``. For an amalgamation the old schools close as "Result of
Amalgamation/Merger" the day before the new school opens "Result of Amalgamation"; nothing else
ties them, so the link is made only when one new school fits (same LA, opened within a few weeks,
the same district when several do). GIAS publishes the links in a separate "links" extract,
which councils rarely download, so we infer them from the establishment fields.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from briefings.importing.gias import GiasRecord
from briefings.importing.gias_vocabulary import (
    CONVERSION_CLOSE_REASONS,
    MERGER_CLOSE_REASONS,
    MERGER_OPEN_REASONS,
)
from models.enums import SettingStatus

MERGER_WINDOW = timedelta(days=62)
CONVERSION = "academy conversion"
AMALGAMATION = "amalgamation"


@dataclass(frozen=True)
class SuccessorLink:
    """A closed setting and the one that carries on after it."""

    old_urn: int
    old_name: str
    new_urn: int
    new_name: str
    reason: str

    @property
    def carries_staff(self) -> bool:
        """Whether the same staff simply carry on (a conversion), rather than two staffs merging."""
        return self.reason == CONVERSION


def find_successors(
    records: Sequence[GiasRecord], stored_links: Mapping[int | None, int | None], urn_of_id: Mapping[int, int]
) -> list[SuccessorLink]:
    """The links the extract implies that are not stored yet.

    Args:
        records: The extract's records (one local authority, or all).
        stored_links: Stored URN -> successor setting id (None when unlinked).
        urn_of_id: Stored setting id -> URN, to compare stored links with found ones.
    """
    found = [*_conversions(records), *_amalgamations(records)]
    missing = []
    for link in found:
        stored = stored_links.get(link.old_urn)
        if stored is None or urn_of_id.get(stored) != link.new_urn:
            missing.append(link)
    return sorted(missing, key=lambda link: link.old_urn)


def _reason(record: GiasRecord, reasons: frozenset[str]) -> bool:
    return (record.close_reason or "").lower() in reasons


def _conversions(records: Sequence[GiasRecord]) -> list[SuccessorLink]:
    by_number: dict[tuple[str | None, str], list[GiasRecord]] = defaultdict(list)
    for record in records:
        if record.status is SettingStatus.CLOSED:
            continue
        for number in {record.establishment_number, record.previous_establishment_number}:
            if number:
                by_number[(record.la_code, number)].append(record)
    links = []
    for old in records:
        if old.status is not SettingStatus.CLOSED or not old.establishment_number:
            continue
        if not _reason(old, CONVERSION_CLOSE_REASONS):
            continue
        candidates = [
            new
            for new in by_number.get((old.la_code, old.establishment_number), [])
            if new.urn != old.urn and _opened_after(new, old)
        ]
        if len(candidates) == 1:
            new = candidates[0]
            links.append(SuccessorLink(old.urn, old.name, new.urn, new.name, CONVERSION))
    return links


def _opened_after(new: GiasRecord, old: GiasRecord) -> bool:
    if new.opened_on is None or old.closed_on is None:
        return True
    return new.opened_on >= old.closed_on


def _amalgamations(records: Sequence[GiasRecord]) -> list[SuccessorLink]:
    merged = [
        r
        for r in records
        if r.status is not SettingStatus.CLOSED
        and (r.open_reason or "").lower() in MERGER_OPEN_REASONS
        and r.opened_on is not None
    ]
    links = []
    for old in records:
        if (
            old.status is not SettingStatus.CLOSED
            or old.closed_on is None
            or not _reason(old, MERGER_CLOSE_REASONS)
        ):
            continue
        closed_on = old.closed_on
        candidates = [
            new
            for new in merged
            if new.la_code == old.la_code
            and new.opened_on is not None
            and closed_on <= new.opened_on <= closed_on + MERGER_WINDOW
        ]
        if len(candidates) > 1:
            candidates = [new for new in candidates if new.district and new.district == old.district]
        if len(candidates) == 1:
            new = candidates[0]
            links.append(SuccessorLink(old.urn, old.name, new.urn, new.name, AMALGAMATION))
    return links
