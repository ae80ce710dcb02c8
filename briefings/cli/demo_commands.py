"""``briefing-desk demo [--seed N] [--today DATE]``: load the demo county into an empty database."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext
from briefings.cli.parsing import iso_date
from briefings.demo.generator import DEFAULT_SEED, DemoSummary

if TYPE_CHECKING:
    from briefings.cli import Nouns


def register(nouns: Nouns) -> None:
    """Add the ``demo`` noun (it has no verbs: it does one thing)."""
    noun = nouns.add_parser(
        "demo",
        help="fill an empty database with the demo county (Wyvernshire)",
        description="Fill an empty database with a realistic made-up county: settings, staff, two years "
        "of briefings, bookings, attendance, licences and recordings. The same seed and day always "
        "give the same data.",
    )
    noun.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    noun.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        help="the day the demo is set on, e.g. 2025-10-01 (default: today in England)",
    )
    noun.set_defaults(handler=_load, noun_parser=noun)


def _load(args: argparse.Namespace, ctx: CliContext) -> int:
    demo = ctx.services.demo  # opens (and if new, creates) the database before the clock starts
    started = time.perf_counter()
    summary = demo.load(seed=args.seed, today=args.today)
    seconds = time.perf_counter() - started
    ctx.print(
        f"Loaded the demo county into {ctx.database.describe()} "
        f"(seed {summary.seed}, set on {summary.today:%A %d %B %Y}) in {seconds:.1f} s:"
    )
    for line in summary_lines(summary):
        ctx.print(f"  {line}")
    ctx.print("Try `briefing-desk briefings list --when upcoming`.")
    return 0


def summary_lines(summary: DemoSummary) -> list[str]:
    """What the demo made, a line per area."""
    return [
        f"{summary.settings:,} settings in {summary.districts} districts "
        f"({summary.open_settings:,} open, {summary.closed_settings} closed)",
        f"{summary.people:,} people ({summary.partner_people} at partner organisations) "
        f"holding {summary.memberships:,} roles",
        f"{summary.briefings} briefings in {summary.series} series at {summary.venues} venues "
        f"({summary.drafts} drafts, {summary.cancelled} cancelled)",
        f"{summary.registrations:,} bookings ({summary.waitlisted} waiting for a place); "
        f"attendance on {summary.briefings_with_attendance} briefings",
        f"{summary.licence_pools} licence pools ({summary.seats_allocated} seats out in current pools); "
        f"{summary.recordings} recordings sent {summary.recordings_sent} times",
        f"{summary.settings_behind_on_refresh} of {summary.open_settings} open settings are behind on "
        "their DSL refresh",
    ]
