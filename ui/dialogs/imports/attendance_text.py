"""How the attendance review says things: a report in a line, a decision in a few words, a result."""

from __future__ import annotations

from html import escape

from briefings.clock import to_london
from briefings.importing.attendance_apply import AttendanceImportResult
from briefings.importing.attendance_plan import Action, AttendancePreview, RowDecision
from ui.formatting import span_text
from ui.itemmodels.attendance_review_rows import ReviewRow


def report_text(preview: AttendancePreview) -> str:
    """The briefing and the report, in two sentences (rich text)."""
    report = preview.report
    when = span_text(to_london(preview.starts_at), to_london(preview.ends_at))
    return (
        f"<b>{escape(preview.briefing_title)}</b>, {when}.<br>"
        f"{escape(preview.file_name)}: {report.kind.label}, {len(report.participants)} participants "
        f"(date order: {escape(report.date_order)})."
    )


def decision_text(decision: RowDecision | None, row: ReviewRow, label: str) -> str:
    """What will happen to a row: "Record Jane Smith", "Set aside", "Leave for review"…."""
    action = decision.action if decision is not None else Action.REVIEW
    if action is Action.ACCEPT:
        return f"Record {row.proposed.name}" if row.proposed is not None else "Record"
    if action is Action.MATCH:
        return f"Record as {label}" if label else "Record as the person chosen"
    if action is Action.NEW_PERSON:
        return f"Add {label} as a new person" if label else "Add as a new person"
    if action is Action.IGNORE:
        return "Set aside"
    return "Leave for review"


def recorded_text(result: AttendanceImportResult) -> str:
    """An applied report in a line: the marks, walk-ins, and what is left."""
    marks = (
        ", ".join(f"{n} {mark.replace('_', ' ')}" for mark, n in sorted(result.marked.items())) or "nobody"
    )
    extra = f", {result.new_people} new people" if result.new_people else ""
    return (
        f"Recorded attendance: {marks}; {result.walk_ins} walk-ins{extra}; "
        f"{result.pending} left for review, {result.ignored} set aside"
    )
