"""The audit log: newest first, filtered in SQL and fetched a page at a time (it grows without end)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from briefings.audit_changes import entity_name
from briefings.queries.audit import AuditFilter, AuditRow
from briefings.services import Services
from ui.display_text import moment_text
from ui.itemmodels.paged_rows import PagedRowModel
from ui.itemmodels.row_table import Column

ACTION_WORDS = {
    "added": "Added",
    "changed": "Changed",
    "removed": "Removed",
    "erased": "Erased a person",
    "retention": "Retention applied",
    "restored": "Restored a backup",
}


def action_text(action: str) -> str:
    """What was done, in words."""
    return ACTION_WORDS.get(action, action.capitalize())


def what_text(row: AuditRow) -> str:
    """The kind of thing changed, and which: "booking 12"."""
    return row.entity_label + (f" {row.entity_id}" if row.entity_id is not None else "")


def details_text(row: AuditRow) -> str:
    """The entry's references and changes, one per line (personal values are never logged)."""
    details = row.details or {}
    refs = [
        f"{_words(key.removesuffix('_id'))} {value}"
        for key, value in details.items()
        if key.endswith("_id") and value is not None
    ]
    lines = ["Refers to " + ", ".join(refs)] if refs else []
    for key, value in details.items():
        if key.endswith("_id") or value is None:
            continue
        if key == "changes" and isinstance(value, dict):
            lines += [_change_line(column, change) for column, change in value.items()]
        elif key == "rows" and isinstance(value, dict):
            lines += [_rows_line(table, done) for table, done in value.items() if isinstance(done, dict)]
        elif isinstance(value, dict):
            lines.append(
                f"{_words(key).capitalize()}: "
                + ", ".join(f"{_words(k)} {_value(v)}" for k, v in value.items())
            )
        else:
            lines.append(f"{_words(key).capitalize()}: {_value(value)}")
    return "\n".join(lines)


def _change_line(column: str, change: object) -> str:
    if isinstance(change, list) and len(change) == 2:  # noqa: PLR2004 - [before, after]
        return f"{_words(column).capitalize()}: {_value(change[0])} → {_value(change[1])}"
    return f"{_words(column).capitalize()}: changed (personal or secret, so the values are not logged)"


def _rows_line(table: str, done: dict[str, object]) -> str:
    counts = ", ".join(f"{n:,} {action}" for action, n in done.items() if isinstance(n, int))
    return f"{entity_name(table, 2).capitalize()}: {counts}"


def _words(key: str) -> str:
    return key.replace("_", " ")


def _value(value: object) -> str:
    if value is None or value == "":
        return "(none)"
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


AUDIT_COLUMNS: tuple[Column[AuditRow], ...] = (
    Column("When", lambda r: moment_text(r.at)),
    Column("Who", lambda r: r.actor),
    Column("Action", lambda r: action_text(r.action)),
    Column("What", what_text),
    Column("Summary", lambda r: r.summary, tooltip=lambda r: r.summary),
)


class AuditQuery:
    """One filter of the audit log, asked of the audit service."""

    def __init__(self, services: Services, flt: AuditFilter) -> None:
        self._services = services
        self.filter = flt

    def count(self) -> int:
        """How many entries match."""
        return self._services.audit.count(self.filter)

    def page(self, offset: int, limit: int, sort: str, descending: bool) -> Sequence[AuditRow]:
        """One page of entries, newest first (the log has one order)."""
        del sort, descending
        return self._services.audit.events(replace(self.filter, offset=offset, limit=limit))


class AuditTableModel(PagedRowModel[AuditRow]):
    """Audit entries matching the page's filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(AUDIT_COLUMNS, default_sort="newest", parent=parent)
