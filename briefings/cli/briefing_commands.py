"""``briefing-desk briefings list|add|show|reschedule|cancel|complete``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext, CliError
from briefings.cli.parsing import enum_value, local_datetime
from briefings.queries.briefings import BriefingFilter, BriefingRow
from briefings.scheduling import BriefingFields
from briefings.vocabulary import Delivery, Phase, Role

if TYPE_CHECKING:
    from briefings.cli import Nouns

DEFAULT_CAPACITY = 50


def register(nouns: Nouns) -> None:
    """Add the ``briefings`` noun and its verbs."""
    noun = nouns.add_parser("briefings", help="list, add and change briefings")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")
    _add_list_verb(verbs)
    _add_add_verb(verbs)
    _add_change_verbs(verbs)


def _add_list_verb(verbs: Nouns) -> None:
    listing = verbs.add_parser("list", help="list briefings (id, date, title, topic, bookings/capacity)")
    listing.add_argument("--when", choices=["upcoming", "past", "all"], default="all")
    listing.add_argument("--topic", help="topic code, name or id")
    listing.add_argument("--series", type=int, metavar="ID")
    listing.add_argument("--text", default="", help="words in the title, topic, venue or notes")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)


def _add_add_verb(verbs: Nouns) -> None:
    add = verbs.add_parser("add", help="schedule a briefing; times without an offset are UK local time")
    add.add_argument("--title", required=True)
    add.add_argument("--topic", required=True, help="topic code, name or id (e.g. dsl_update)")
    add.add_argument(
        "--start", required=True, type=local_datetime, metavar="ISO", help="e.g. 2025-10-08T09:30"
    )
    add.add_argument("--end", required=True, type=local_datetime, metavar="ISO")
    add.add_argument(
        "--delivery", type=enum_value(Delivery), help="in_person, online or hybrid (default from venue/link)"
    )
    add.add_argument("--capacity", type=int, default=DEFAULT_CAPACITY)
    add.add_argument("--venue", help="venue name or id")
    add.add_argument("--link", help="online joining link (https only)")
    add.add_argument("--passcode", help="meeting passcode")
    add.add_argument("--series", type=int, metavar="ID")
    add.add_argument(
        "--role", action="append", type=enum_value(Role), default=[], help="audience role (repeatable)"
    )
    add.add_argument(
        "--phase", action="append", type=enum_value(Phase), default=[], help="audience phase (repeatable)"
    )
    add.add_argument("--district", action="append", default=[], help="audience district (repeatable)")
    add.add_argument("--notes")
    add.add_argument("--draft", action="store_true", help="save as a draft (no bookings yet)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)


def _add_change_verbs(verbs: Nouns) -> None:
    show = verbs.add_parser("show", help="one briefing's details and register")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    move = verbs.add_parser("reschedule", help="move a briefing (calendars get an update)")
    move.add_argument("id", type=int)
    move.add_argument("--start", required=True, type=local_datetime, metavar="ISO")
    move.add_argument("--end", required=True, type=local_datetime, metavar="ISO")
    move.set_defaults(handler=_reschedule)

    cancel = verbs.add_parser(
        "cancel", help="cancel a briefing (bookings are kept for the cancellation notice)"
    )
    cancel.add_argument("id", type=int)
    cancel.add_argument("--reason")
    cancel.set_defaults(handler=_cancel)

    complete = verbs.add_parser("complete", help="mark a briefing as having taken place")
    complete.add_argument("id", type=int)
    complete.set_defaults(handler=_complete)


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    topic_id = _topic_id(ctx, args.topic) if args.topic else None
    rows = ctx.services.briefings.search(
        BriefingFilter(when=args.when, topic_id=topic_id, series_id=args.series, text=args.text)
    )
    rows.sort(key=lambda r: (r.starts_at, r.id))
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print(
            "No briefings yet. Add one with `briefing-desk briefings add`, "
            "or load the demo county with `briefing-desk demo`."
        )
        return 0
    ctx.print_table(
        ["ID", "Date", "Title", "Topic", "Booked", "Status"],
        [(r.id, r.starts_at, r.title, r.topic_name, _places(r), r.status.value) for r in rows],
    )
    return 0


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    venue_id = _venue_id(ctx, args.venue) if args.venue else None
    delivery = args.delivery or (
        Delivery.IN_PERSON if venue_id and not args.link else Delivery.HYBRID if venue_id else Delivery.ONLINE
    )
    fields = BriefingFields(
        title=args.title,
        topic_id=_topic_id(ctx, args.topic),
        starts_at=args.start,
        ends_at=args.end,
        delivery=delivery,
        capacity=args.capacity,
        venue_id=venue_id,
        join_url=args.link,
        join_passcode=args.passcode,
        series_id=args.series,
        audience_roles=tuple(args.role),
        audience_phases=tuple(args.phase),
        audience_districts=tuple(args.district),
        notes=args.notes,
        draft=args.draft,
    )
    row = ctx.services.briefings.schedule(fields)
    if args.json:
        ctx.print_json(row)
    else:
        ctx.print(
            f"Scheduled briefing {row.id}: {row.title}, {row.starts_at:%a %d %b %Y %H:%M}-{row.ends_at:%H:%M}"
        )
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    detail = ctx.services.briefings.get(args.id)
    register = ctx.services.briefings.register(args.id)
    if args.json:
        ctx.print_json({"briefing": detail, "register": register})
        return 0
    row = detail.row
    ctx.print(f"{row.title}  [{row.status.value}]")
    ctx.print(
        f"  {row.starts_at:%A %d %B %Y, %H:%M}-{row.ends_at:%H:%M} ({row.minutes} minutes), {row.topic_name}"
    )
    ctx.print(f"  {row.delivery.label}: {row.venue_name or ''} {row.join_url or ''}".rstrip())
    ctx.print(f"  Booked {_places(row)}")
    if register:
        ctx.print()
        ctx.print_table(
            ["#", "Name", "Setting", "Role", "Booking", "Attendance", "Minutes"],
            [
                (
                    r.number or (f"w{r.position}" if r.position else ""),
                    r.person_name,
                    r.setting_name,
                    r.role.label if r.role else "",
                    r.status.value,
                    r.attendance.label if r.attendance else "",
                    r.minutes_attended,
                )
                for r in register
            ],
        )
    return 0


def _reschedule(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.services.briefings.reschedule(args.id, args.start, args.end)
    ctx.print(
        f"Moved briefing {row.id} to {row.starts_at:%a %d %b %Y %H:%M}-{row.ends_at:%H:%M} "
        f"(calendar sequence {row.calendar_sequence})"
    )
    return 0


def _cancel(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.services.briefings.cancel(args.id, args.reason)
    ctx.print(f"Cancelled briefing {row.id}: {row.title} ({row.booked} booked people to tell)")
    return 0


def _complete(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.services.briefings.complete(args.id)
    ctx.print(f"Briefing {row.id} marked as completed")
    return 0


def _places(row: BriefingRow) -> str:
    text = f"{row.booked}/{row.capacity}"
    return f"{text} (+{row.waitlisted} waiting)" if row.waitlisted else text


def _topic_id(ctx: CliContext, given: str) -> int:
    topics = ctx.services.briefings.topics()
    key = given.strip().lower()
    for topic in topics:
        if key in (topic.code, topic.name.lower(), str(topic.id)):
            return topic.id
    raise CliError(f"no topic “{given}”; choose one of: {', '.join(t.code for t in topics)}")


def _venue_id(ctx: CliContext, given: str) -> int:
    venues = ctx.services.briefings.venues()
    key = given.strip().lower()
    for venue in venues:
        if key in (venue.name.lower(), str(venue.id)):
            return venue.id
    raise CliError(
        f"no venue “{given}”" + (f"; venues are: {', '.join(v.name for v in venues)}" if venues else "")
    )
