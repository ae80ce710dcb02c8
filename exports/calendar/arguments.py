"""Command-line options the calendar exporters share, and turning them into choices."""

from __future__ import annotations

import argparse

from exports.calendar.options import CalendarOptions

MAX_REMINDER_MINUTES = 7 * 24 * 60


def add_content_arguments(parser: argparse.ArgumentParser) -> None:
    """What goes into the file: passcodes (only when asked) and a reminder."""
    parser.add_argument(
        "--include-passcodes",
        action="store_true",
        help="put the meeting and recording passcodes in the file (files get forwarded: off by default)",
    )
    parser.add_argument(
        "--reminder", type=_minutes, metavar="MINUTES", help="add a reminder this many minutes before"
    )


def add_invite_arguments(parser: argparse.ArgumentParser) -> None:
    """Which briefing, which recipients, and whether the invite ledger records the files."""
    parser.add_argument("--briefing", type=int, required=True, metavar="ID")
    parser.add_argument(
        "--everyone",
        action="store_true",
        help="write for every recipient, not only those whose calendar is behind",
    )
    parser.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="EMAIL",
        help="write only for this recipient (repeatable)",
    )
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="a preview: write the files but leave the invite ledger as it is",
    )
    add_content_arguments(parser)


def content_options(args: argparse.Namespace) -> CalendarOptions:
    """The reminder chosen on the command line."""
    return CalendarOptions(reminder_minutes=args.reminder)


def _minutes(text: str) -> int:
    try:
        minutes = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number of minutes") from None
    if not 1 <= minutes <= MAX_REMINDER_MINUTES:
        raise argparse.ArgumentTypeError(f"a reminder must be 1 to {MAX_REMINDER_MINUTES:,} minutes before")
    return minutes
