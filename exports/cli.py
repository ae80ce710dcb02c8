"""``briefing-desk export IDENTIFIER [options] --out DIR`` and ``export --list``."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.cli.context import CliContext, CliError
from exports.base import ExportError, ExportOutcome, safe_filename
from exports.registry import specs

if TYPE_CHECKING:
    from briefings.cli import Nouns, Registrar


def register(nouns: Nouns) -> None:
    """Add the ``export`` noun with one verb per registered exporter."""
    noun = nouns.add_parser("export", help="write calendar invites, workbooks and PDFs")
    noun.add_argument("--list", action="store_true", help="list the exporters and exit")
    noun.set_defaults(noun_parser=noun, handler=_list)
    kinds = noun.add_subparsers(dest="identifier", metavar="IDENTIFIER")
    for export_spec in specs():
        parser = kinds.add_parser(export_spec.identifier, help=export_spec.verbose_name)
        parser.add_argument(
            "--out", type=Path, default=Path(), metavar="DIR", help="folder to write into (default: here)"
        )
        export_spec.add_arguments(parser)
        parser.set_defaults(handler=_export, export_spec=export_spec)


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.list:
        args.noun_parser.print_help(ctx.out)
        return 2
    ctx.print_table(["Identifier", "Writes"], [(s.identifier, s.verbose_name) for s in specs()])
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        # Building may already find nothing to export (a missing logo, say), as rendering may.
        exporter = args.export_spec.build(args, ctx.services)
        outcome = exporter.render()
    except ExportError as error:
        raise CliError(str(error)) from error
    for path in write_outcome(outcome, args.out):
        ctx.print(f"wrote {path}")
    for skipped in outcome.skipped:
        ctx.print(f"skipped {skipped}")
    for note in outcome.notes:
        ctx.print(note)
    if args.export_spec.after_write is not None:
        for line in args.export_spec.after_write(args, exporter, ctx.services):
            ctx.print(line)
    return 0


def write_outcome(outcome: ExportOutcome, folder: Path) -> list[Path]:
    """Write every file atomically (a temporary file renamed into place); returns the paths."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CliError(f"cannot create the folder {folder}: {error.strerror}") from error
    written = []
    for export_file in outcome.files:
        target = folder / safe_filename(export_file.filename)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(export_file.data)
            Path(temporary).replace(target)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise CliError(f"cannot write {target}: {error.strerror}") from error
        written.append(target)
    return written


EXPORT_COMMANDS: list[Registrar] = [register]
