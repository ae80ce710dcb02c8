"""``briefing-desk backup now|list|restore FILE|settings``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext, CliError, to_jsonable
from briefings.services.base import operating_system_user
from briefings.storage.restoring import restore_database_file

if TYPE_CHECKING:
    from briefings.cli import Nouns


def register(nouns: Nouns) -> None:
    """Add the ``backup`` noun and its verbs."""
    noun = nouns.add_parser("backup", help="back up the database, list backups, restore one")
    noun.set_defaults(noun_parser=noun)
    verbs = noun.add_subparsers(dest="verb", metavar="VERB")

    now = verbs.add_parser("now", help="take a backup now (safe while the app is open)")
    now.set_defaults(handler=_now)

    listing = verbs.add_parser("list", help="list this database's backups, newest first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)

    restore = verbs.add_parser(
        "restore", help="restore a backup over the database (the current one is kept aside)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    restore.set_defaults(handler=_restore)

    settings = verbs.add_parser("settings", help="show or change the backup folder and rotation")
    settings.add_argument("--keep", type=int, metavar="N", help="backups of each kind to keep")
    where = settings.add_mutually_exclusive_group()
    where.add_argument("--folder", type=Path, metavar="DIR", help="back up into this folder")
    where.add_argument("--default-folder", action="store_true", help="back up beside the database again")
    settings.set_defaults(handler=_settings)


def _now(_args: argparse.Namespace, ctx: CliContext) -> int:
    row = ctx.services.backups.back_up_now()
    ctx.print(f"Backed up to {row.path} ({row.size / 1_000_000:.1f} MB)")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.services.backups.backups()
    if args.json:
        ctx.print_json([{**to_jsonable(r), "path": str(r.path)} for r in rows])
        return 0
    folder = ctx.services.backups.settings().folder
    if not rows:
        ctx.print(f"No backups yet in {folder}. Take one with `briefing-desk backup now`.")
        return 0
    ctx.print(f"Backups in {folder}:")
    ctx.print_table(
        ["Taken", "Kind", "Size", "File"],
        [(r.taken_at, r.kind, f"{r.size / 1_000_000:.1f} MB", r.name) for r in rows],
    )
    return 0


def _restore(args: argparse.Namespace, ctx: CliContext) -> int:
    backup: Path = args.file.expanduser().resolve()
    if not args.yes:
        ctx.print(f"This replaces the database with {backup}; the current database is kept aside first.")
        raise CliError("nothing was restored; run again with --yes to restore")
    # The database may be too damaged to open, so this never opens it through ctx first.
    report = restore_database_file(ctx.database_url, backup, operating_system_user(), ctx.clock())
    ctx.print(report.sentence())
    return 0


def _settings(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.services.backups
    current = service.settings()
    if args.keep is not None or args.folder is not None or args.default_folder:
        folder = (
            None if args.default_folder else (args.folder.expanduser().resolve() if args.folder else None)
        )
        if folder is None and not args.default_folder and current.chosen:
            folder = current.folder
        current = service.set_settings(folder, args.keep if args.keep is not None else current.keep)
    ctx.print(f"Backup folder: {current.folder}{'' if current.chosen else ' (beside the database)'}")
    ctx.print(f"Kept: the newest {current.keep} of each kind (daily, manual, before-upgrade, before-restore)")
    return 0
