"""``briefing-desk people list|erase ID|export ID --out FILE`` (erasure and subject access)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext, CliError
from briefings.privacy.report_files import report_as_json, report_as_text
from briefings.queries.directory import PersonFilter
from models.private_files import write_private_file

if TYPE_CHECKING:
    from briefings.cli import Nouns

LIST_LIMIT = 200


def register(nouns: Nouns) -> None:
    """Add the ``people`` noun and its verbs."""
    noun = nouns.add_parser("people", help="find people, erase one, or export what is held about one")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")

    listing = verbs.add_parser("list", help="list people (id, name, email, roles)")
    listing.add_argument("--text", default="", help="words in the name or email")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)

    erase = verbs.add_parser("erase", help="erase a person's details, keeping anonymous attendance")
    erase.add_argument("id", type=int)
    erase.add_argument("--yes", action="store_true", help="erase without asking (it cannot be undone)")
    erase.set_defaults(handler=_erase)

    export = verbs.add_parser("export", help="subject access: everything held about a person, to a file")
    export.add_argument("id", type=int)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="a .json or .txt file")
    export.add_argument(
        "--format", choices=["json", "text"], help="default: JSON for a .json file, otherwise text"
    )
    export.set_defaults(handler=_export)


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.services.directory.people(PersonFilter(text=args.text, include_former=True, limit=LIST_LIMIT))
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print("No people match.")
        return 0
    ctx.print_table(
        ["ID", "Name", "Email", "Roles"], [(p.id, p.full_name, p.email, p.role_labels) for p in rows]
    )
    return 0


def _erase(args: argparse.Namespace, ctx: CliContext) -> int:
    privacy = ctx.services.privacy
    if not args.yes:
        for line in privacy.erasure_preview(args.id).lines():
            ctx.print(line)
        raise CliError(f"nothing was erased; run again with --yes to erase person {args.id}")
    done = privacy.erase_person(args.id)
    ctx.print(f"Erased person {done.person_id}.")
    for line in done.lines()[1:3]:
        ctx.print(line)
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    report = ctx.services.privacy.subject_access(args.id)
    target: Path = args.out.expanduser()
    as_json = args.format == "json" or (args.format is None and target.suffix.lower() == ".json")
    data = report_as_json(report) if as_json else report_as_text(report)
    if not target.parent.is_dir():
        raise CliError(f"the folder {target.parent} does not exist")
    try:
        write_private_file(target, data)
    except OSError as error:
        raise CliError(f"cannot write {target}: {error.strerror or error}") from error
    held = sum(len(s.rows) for s in report.sections)
    ctx.print(f"Wrote {target}: {held} records about {report.person_name} (readable by you only)")
    return 0
