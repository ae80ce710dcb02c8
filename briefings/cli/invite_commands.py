"""``briefing-desk invites status|organiser``: the invite ledger and who sends the invites.

Writing the invites themselves is ``briefing-desk export ics-invites`` or ``eml-invites``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext

if TYPE_CHECKING:
    from briefings.cli import Nouns


def register(nouns: Nouns) -> None:
    """Add the ``invites`` noun and its verbs."""
    noun = nouns.add_parser("invites", help="who holds a briefing's invite, and the organiser's details")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")

    status = verbs.add_parser("status", help="who is up to date, behind, or due a cancellation")
    status.add_argument("briefing", type=int, metavar="BRIEFING_ID")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=_status)

    organiser = verbs.add_parser("organiser", help="show or set the name and email invites come from")
    organiser.add_argument("--name", help="the advisor's name as calendars show it")
    organiser.add_argument("--email", help="where replies and Accept/Decline go")
    organiser.set_defaults(handler=_organiser)


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    status = ctx.services.invites.status(args.briefing)
    if args.json:
        ctx.print_json(status)
        return 0
    ctx.print(f"{status.title}  [{status.briefing_status.value}, calendar sequence {status.sequence}]")
    for line in status.summary():
        ctx.print(f"  {line}")
    if status.recipients:
        ctx.print()
        ctx.print_table(
            ["Name", "Email", "Setting", "Due", "State", "Last sent"],
            [
                (
                    r.name,
                    r.email,
                    r.setting_name,
                    r.method.value if r.due else "",
                    r.state.label,
                    f"{r.sent_method} {r.sent_sequence} on {r.sent_at:%d %b %Y}" if r.sent_at else "",
                )
                for r in status.recipients
            ],
        )
    return 0


def _organiser(args: argparse.Namespace, ctx: CliContext) -> int:
    current = ctx.services.invites.organiser()
    if args.name is not None or args.email is not None:
        name = current.name if args.name is None else args.name
        email = current.email if args.email is None else args.email
        current = ctx.services.invites.set_organiser(name, email)
    ctx.print(f"Invites come from: {current.display}")
    return 0
