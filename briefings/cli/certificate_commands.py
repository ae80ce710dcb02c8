"""``briefing-desk certificates verify|list``: check a certificate, list a briefing's certificates.

``verify`` exits 0 when the certificate is genuine, 3 when it is unknown or does not match, and 2
when what was given is not a certificate number at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.certificate_numbers import format_hours
from briefings.certificate_verification import VerificationStatus
from briefings.cli.context import CliContext, CliError
from briefings.cli.parsing import iso_date

if TYPE_CHECKING:
    from briefings.cli import Nouns

NOT_VERIFIED = 3


def register(nouns: Nouns) -> None:
    """Add the ``certificates`` noun and its verbs."""
    noun = nouns.add_parser("certificates", help="verify certificates of attendance and list them")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")

    verify = verbs.add_parser(
        "verify",
        help="check a certificate number (exit 0 genuine, 3 unknown or altered)",
        description="Look a certificate up and show what it certified. Give the number printed on it, "
        "or the text its QR code holds with --scanned; add what the paper says (--name, --date...) "
        "to have it compared.",
    )
    verify.add_argument("number", nargs="?", help="e.g. 2025-000042-K7QX-M3PA")
    verify.add_argument("--scanned", metavar="FILE", help="a file holding the QR code's text (- for stdin)")
    verify.add_argument("--name", help="the name printed on the certificate")
    verify.add_argument("--setting", help="the setting printed on it")
    verify.add_argument("--date", type=iso_date, help="the date printed on it, e.g. 2025-10-08")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)

    listing = verbs.add_parser("list", help="certificates recorded for a briefing")
    listing.add_argument("--briefing", type=int, required=True, metavar="ID")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)


def _verify(args: argparse.Namespace, ctx: CliContext) -> int:
    text = _scanned(args.scanned) if args.scanned else args.number
    if not text:
        raise CliError("give a certificate number, or --scanned FILE with its QR code's text")
    claims = {"person_name": args.name, "setting_name": args.setting}
    if args.date:
        claims["briefing_date"] = args.date.isoformat()
    verdict = ctx.services.certificates.verify(text, {k: v for k, v in claims.items() if v})
    if args.json:
        ctx.print_json(verdict)
    else:
        ctx.print(f"{verdict.status.value.upper()}: {verdict.message}")
        if verdict.certificate is not None:
            details = verdict.certificate.details
            ctx.print()
            ctx.print_table(
                ["Certified", ""],
                [
                    ("Name", details.person_name),
                    ("Setting", details.setting_name or ""),
                    ("Briefing", details.briefing_title),
                    ("Date", f"{details.briefing_date:%A %d %B %Y}"),
                    ("Minutes", details.minutes),
                    ("CPD hours", format_hours(details.cpd_hours)),
                    ("Issued", f"{verdict.certificate.issued_at:%d %B %Y %H:%M}"),
                ],
            )
    if verdict.status is VerificationStatus.MALFORMED:
        return 2
    return 0 if verdict.valid else NOT_VERIFIED


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.services.certificates.of_briefing(args.briefing)
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print(
            f"No certificates recorded for briefing {args.briefing} yet; issue them with "
            f"`briefing-desk export pdf-certificates --briefing {args.briefing}`."
        )
        return 0
    ctx.print_table(
        ["Number", "Name", "Setting", "Minutes", "CPD hours", "Issued"],
        [
            (
                r.number,
                r.details.person_name,
                r.details.setting_name,
                r.details.minutes,
                format_hours(r.details.cpd_hours),
                r.issued_at,
            )
            for r in rows
        ],
    )
    return 0


def _scanned(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(f"cannot read {source}: {error}") from error
