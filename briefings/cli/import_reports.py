"""Import previews as text for the terminal: counts first, then what changes, then every problem."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TextIO, TypeVar

from briefings.cli.context import CliContext
from briefings.clock import to_london
from briefings.importing.attendance_plan import AttendancePreview, AttendanceRow
from briefings.importing.matching import MatchKind
from briefings.importing.people_import import PeoplePreview
from briefings.importing.problems import Problem, Severity
from briefings.importing.settings_import import SettingsPreview
from briefings.importing.staff import FIELD_LABELS

T = TypeVar("T")


def _limited(items: Sequence[T], shown: int) -> tuple[Sequence[T], int]:
    if shown <= 0 or len(items) <= shown:
        return items, 0
    return items[:shown], len(items) - shown


def _more(ctx: CliContext, hidden: int) -> None:
    if hidden:
        ctx.print(f"  ... and {hidden} more (use --show 0 to list all)")


def print_problems(problems: Iterable[Problem], out: TextIO) -> None:
    """Every problem, one per line, errors first."""
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
    for problem in sorted(problems, key=lambda p: (order[p.severity], p.row or 0)):
        print(f"  {problem.severity.value}: {problem}", file=out)


def _problems(ctx: CliContext, problems: Sequence[Problem], shown: int) -> None:
    if not problems:
        return
    counts = Counter(p.severity.value for p in problems)
    ctx.print()
    ctx.print("Problems: " + ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items()))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    others = [p for p in problems if p.severity is not Severity.ERROR]
    print_problems(errors, ctx.out)  # every rejected row is listed
    listed, hidden = _limited(others, shown)
    print_problems(listed, ctx.out)
    _more(ctx, hidden)


def print_settings_preview(ctx: CliContext, preview: SettingsPreview, shown: int) -> None:
    """A GIAS import's preview."""
    plan, counts = preview.plan, preview.counts
    extract = preview.extract
    where = f"local authority {plan.la_code}" if plan.la_code else "all local authorities"
    ctx.print(f"{preview.file_name}: {preview.description}; {extract.rows_read} rows; {where}")
    others = [f"{code} {name} ({n})" for code, name, n in extract.authorities if code != plan.la_code]
    if plan.la_code and others:
        ctx.print(f"  Left out, other local authorities: {', '.join(others)}")
    elif not plan.la_code and len(extract.authorities) > 1:
        ctx.print(
            "  The file covers several LAs: " + ", ".join(f"{c} {n} ({k})" for c, n, k in extract.authorities)
        )
        ctx.print("  Choose one with --la CODE.")
    fields = Counter(change.field for c in plan.changed for change in c.changes)
    detail = f" ({', '.join(f'{f} {n}' for f, n in fields.most_common())})" if fields else ""
    ctx.print_table(
        ["", "Settings"],
        [
            ("New", counts["new"]),
            ("Changed", f"{counts['changed']}{detail}"),
            ("Closed", counts["closed"]),
            ("Unchanged", counts["unchanged"]),
            ("Rejected rows", counts["rejected"]),
            ("Successor links", counts["links"]),
            ("Roles carried to successors", counts["staff_to_carry"]),
        ],
    )
    for title, changes in (("New", plan.new), ("Closed", plan.closed), ("Changed", plan.changed)):
        if not changes:
            continue
        ctx.print()
        ctx.print(f"{title}:")
        listed, hidden = _limited(changes, shown)
        for change in listed:
            what = "; ".join(f"{c.field}: {c.before or '-'} -> {c.after or '-'}" for c in change.changes)
            ctx.print(f"  {change.urn} {change.name}" + (f"  [{what}]" if what and title != "New" else ""))
        _more(ctx, hidden)
    if plan.links:
        ctx.print()
        ctx.print("Successors (the old URN's history follows the school):")
        for link in plan.links:
            ctx.print(f"  {link.old_urn} {link.old_name} -> {link.new_urn} {link.new_name} ({link.reason})")
    _problems(ctx, preview.problems, shown)


def print_people_preview(ctx: CliContext, preview: PeoplePreview, shown: int) -> None:
    """A staff list's preview."""
    counts = preview.counts
    ctx.print(f"{preview.file_name}: {preview.staff.description}; {counts['rows']} rows")
    ctx.print("Columns:")
    for field, header in preview.mapping.columns.items():
        ctx.print(f"  {FIELD_LABELS[field]:<12} <- {header} ({preview.mapping.origins.get(field, 'chosen')})")
    ctx.print_table(
        ["", "People"],
        [
            ("New people", counts["new_people"]),
            ("Already known", counts["matched_people"]),
            ("Known, with changes", counts["updated_people"]),
            ("Rows about someone already listed", counts["duplicate_rows"]),
            ("Roles to start", counts["roles_added"]),
            ("Roles to end", counts["roles_ended"]),
            ("Moved setting", counts["moved"]),
            ("Possible duplicates (not merged)", counts["suggested_duplicates"]),
            ("Shared mailboxes (not stored as anyone's)", counts["shared_mailboxes"]),
            ("Rejected rows", counts["rejected"]),
        ],
    )
    plan = preview.plan
    if plan.ended:
        ctx.print()
        ctx.print("Roles ending:")
        ending, hidden = _limited(plan.ended, shown)
        for ended in ending:
            ctx.print(f"  {ended.person_name}, {ended.role.label} at {ended.setting_name}: {ended.reason}")
        _more(ctx, hidden)
    if plan.suggestions:
        ctx.print()
        ctx.print("Possible duplicates to check (similar names at the same setting):")
        suggested, hidden = _limited(plan.suggestions, shown)
        for s in suggested:
            rows = ", ".join(map(str, s.rows))
            ctx.print(f"  row {rows}: {s.name} ~ {s.other_name} at {s.setting_name} ({s.score}%)")
        _more(ctx, hidden)
    if plan.shared_mailboxes:
        ctx.print()
        mailboxes, hidden = _limited(plan.shared_mailboxes, shown)
        ctx.print("Shared mailboxes: " + ", ".join(f"{a} ({n})" for a, n in mailboxes))
        _more(ctx, hidden)
    _problems(ctx, preview.problems, shown)


def print_attendance_preview(
    ctx: CliContext, preview: AttendancePreview, shown: int, *, accept_walk_ins: bool
) -> None:
    """An attendance report's preview."""
    report, counts = preview.report, preview.counts
    start, end = to_london(preview.starts_at), to_london(preview.ends_at)
    ctx.print(
        f"{preview.file_name}: {report.kind.label}, {len(report.participants)} participants "
        f"(dates read by {report.date_order})"
    )
    ctx.print(
        f"Briefing {preview.briefing_id}: {preview.briefing_title}, {start:%a %d %b %Y %H:%M}-{end:%H:%M}"
    )
    rules = preview.rules
    ctx.print(
        f"Present from {rules.min_minutes} minutes in the session; "
        f"late if joining over {rules.late_after} minutes after the start"
    )
    if preview.replaces:
        ctx.print(f"Replaces the {preview.replaces} rows of an earlier import of this file")
    walk_in_note = (
        "recorded (--accept-walk-ins)"
        if accept_walk_ins
        else "left for review (add --accept-walk-ins to record)"
    )
    ctx.print_table(
        ["", "Participants"],
        [
            ("Matched to a booking", counts.get(MatchKind.BOOKED.value, 0)),
            (f"Known, not booked: {walk_in_note}", counts.get(MatchKind.WALK_IN.value, 0)),
            ("Possible matches (for review)", counts.get(MatchKind.SUGGESTED.value, 0)),
            ("No match (for review)", counts.get(MatchKind.UNMATCHED.value, 0)),
            ("Not attendees (organisers, presenters, bots)", counts.get(MatchKind.EXCLUDED.value, 0)),
        ],
    )
    ctx.print()
    _attendance_rows(ctx, preview.rows, shown)
    _problems(ctx, preview.problems, shown)


def _attendance_rows(ctx: CliContext, rows: Sequence[AttendanceRow], shown: int) -> None:
    listed, hidden = _limited(rows, shown)
    ctx.print_table(
        ["#", "Name", "Email", "Joins", "Minutes", "Proposal", "Person", "Mark"],
        [
            (
                r.position,
                r.participant.name[:40],
                r.participant.email or "",
                r.participant.joins,
                r.minutes if r.minutes is not None else "",
                r.proposal.kind.value,
                _person(r),
                r.mark.value if r.mark and r.proposal.person_id else "",
            )
            for r in listed
        ],
    )
    _more(ctx, hidden)


def _person(row: AttendanceRow) -> str:
    proposal = row.proposal
    if proposal.suggestions and proposal.person_id is not None:
        return proposal.suggestions[0].name
    if proposal.suggestions:
        return "? " + " / ".join(s.name for s in proposal.suggestions[:2])
    return proposal.reason
