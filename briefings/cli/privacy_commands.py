"""``briefing-desk retention show|set|apply`` and ``briefing-desk audit list``."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import TYPE_CHECKING

from briefings.audit_changes import ENTITY_NAMES
from briefings.cli.context import CliContext, CliError
from briefings.cli.parsing import iso_date
from briefings.clock import start_of_london_day
from briefings.privacy.retention import RetentionPolicy, RetentionPreview
from briefings.queries.audit import AuditFilter

if TYPE_CHECKING:
    from briefings.cli import Nouns

AUDIT_LIMIT = 50
NEVER = -1  # what `never` parses to, until it reaches RetentionPolicy as None


def register(nouns: Nouns) -> None:
    """Add the ``retention`` and ``audit`` nouns."""
    _register_retention(nouns)
    _register_audit(nouns)


def _register_retention(nouns: Nouns) -> None:
    noun = nouns.add_parser("retention", help="how long personal details are kept, and applying it")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")
    show = verbs.add_parser("show", help="the policy and what applying it today would change")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=_show)
    change = verbs.add_parser("set", help="change the policy (years, or `never` to keep for ever)")
    for name, what in (("bookings", "bookings' personal details"), ("people", "people not heard of"),
                       ("audit", "audit entries")):  # fmt: skip
        change.add_argument(f"--{name}", type=_years, metavar="YEARS", help=f"years to keep {what}")
    change.set_defaults(handler=_set)
    apply = verbs.add_parser("apply", help="apply the policy now (shows what will go first)")
    apply.add_argument("--yes", action="store_true", help="apply without asking (it cannot be undone)")
    apply.set_defaults(handler=_apply)


def _register_audit(nouns: Nouns) -> None:
    noun = nouns.add_parser("audit", help="who changed what, and when")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")
    listing = verbs.add_parser("list", help="audit entries, newest first")
    listing.add_argument("--since", type=iso_date, metavar="DATE", help="from this day (2025-10-01)")
    listing.add_argument("--until", type=iso_date, metavar="DATE", help="up to and including this day")
    listing.add_argument("--actor", help="the user who made the change")
    listing.add_argument("--action", help="added, changed, removed, erased, retention, restored")
    listing.add_argument("--entity", help="what was changed: booking, person, briefing... (or a table name)")
    listing.add_argument("--id", type=int, help="the id of the thing changed")
    listing.add_argument("--person", type=int, metavar="ID", help="entries about this person")
    listing.add_argument("--text", default="", help="words in the summary")
    listing.add_argument(
        "--limit", type=int, default=AUDIT_LIMIT, help=f"at most this many (default {AUDIT_LIMIT})"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_audit_list)


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    privacy = ctx.services.privacy
    policy = privacy.retention_policy()
    preview = privacy.retention_preview(policy)
    if args.json:
        ctx.print_json(preview)
        return 0
    ctx.print(f"Policy: {_describe(policy)}")
    ctx.print(f"Applying it today ({_day(preview.today)}) would change:")
    _print_preview(ctx, preview)
    return 0


def _set(args: argparse.Namespace, ctx: CliContext) -> int:
    privacy = ctx.services.privacy
    current = privacy.retention_policy()
    chosen = {"bookings": args.bookings, "people": args.people, "audit": args.audit}
    if all(v is None for v in chosen.values()):
        raise CliError("give --bookings, --people or --audit (years, or `never`)")
    policy = RetentionPolicy(
        booking_years=_chosen(args.bookings, current.booking_years),
        people_years=_chosen(args.people, current.people_years),
        audit_years=_chosen(args.audit, current.audit_years),
    )
    privacy.set_retention_policy(policy)
    ctx.print(f"Policy: {_describe(policy)}")
    return 0


def _apply(args: argparse.Namespace, ctx: CliContext) -> int:
    privacy = ctx.services.privacy
    preview = privacy.retention_preview()
    if preview.nothing_to_do:
        ctx.print("The retention policy has nothing to remove today.")
        return 0
    if not args.yes:
        ctx.print(f"Policy: {_describe(preview.policy)}. Applying it now would change:")
        _print_preview(ctx, preview)
        raise CliError("nothing was changed; run again with --yes to apply the policy")
    done = privacy.apply_retention()
    ctx.print("Applied the retention policy:")
    _print_preview(ctx, done)
    return 0


def _audit_list(args: argparse.Namespace, ctx: CliContext) -> int:
    flt = AuditFilter(
        since=start_of_london_day(args.since) if args.since else None,
        until=start_of_london_day(args.until + timedelta(days=1)) if args.until else None,
        actor=args.actor,
        action=args.action,
        entity=_entity(args.entity) if args.entity else None,
        entity_id=args.id,
        person_id=args.person,
        text=args.text,
        limit=args.limit,
    )
    rows = ctx.services.audit.events(flt)
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print("No audit entries match.")
        return 0
    ctx.print_table(["When", "Who", "Action", "What"], [(r.at, r.actor, r.action, r.summary) for r in rows])
    total = ctx.services.audit.count(flt)
    if total > len(rows):
        ctx.print(f"({len(rows)} of {total} entries; narrow the filter or raise --limit)")
    return 0


def _print_preview(ctx: CliContext, preview: RetentionPreview) -> None:
    for line in preview.lines():
        ctx.print(f"  {line}")
    for person in preview.people_listed:
        seen = f"last booked {_day(person.last_booked)}" if person.last_booked else "never booked"
        ctx.print(f"    person {person.person_id}: {person.name} ({seen})")
    if preview.people > len(preview.people_listed):
        ctx.print(f"    ...and {preview.people - len(preview.people_listed)} more")


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _describe(policy: RetentionPolicy) -> str:
    def years(n: int | None) -> str:
        return "for ever" if n is None else f"{n} years"

    return (
        f"bookings' personal details {years(policy.booking_years)}, "
        f"people not heard of {years(policy.people_years)}, audit entries {years(policy.audit_years)}"
    )


def _chosen(given: int | None, current: int | None) -> int | None:
    if given is None:
        return current
    return None if given == NEVER else given


def _years(text: str) -> int:
    if text.strip().lower() in {"never", "forever", "for ever"}:
        return NEVER
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of years (or `never`)") from None


def _entity(given: str) -> str:
    key = given.strip().lower()
    for table, (singular, plural) in ENTITY_NAMES.items():
        if key in (table, singular, plural):
            return table
    raise CliError(
        f"no kind of record called “{given}”; try one of: {', '.join(n for n, _ in ENTITY_NAMES.values())}"
    )
