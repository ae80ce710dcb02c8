"""The headless command line: ``briefing-desk [--database URL] NOUN VERB [options]``.

Each noun is a module with ``register(nouns)``; ``exports`` adds its own nouns the same way, and
``main.py`` composes the lot. Exit status: 0 done, 2 bad input (one line on stderr), 1 a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO, TypeAlias

from briefings.cli.context import CliContext, CliError
from briefings.errors import DomainError
from models.schema import DatabaseError

Handler = Callable[[argparse.Namespace, CliContext], int]


# What ``register`` functions receive: argparse's collection of sub-parsers (no public name).
Nouns: TypeAlias = "argparse._SubParsersAction[Any]"
Registrar = Callable[[Nouns], None]


class _Parser(argparse.ArgumentParser):
    """Usage errors keep argparse's exit status 2 but print one clear line plus the usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(registrars: Sequence[Registrar], version: str) -> argparse.ArgumentParser:
    """The whole grammar: global options, then a noun, then a verb."""
    parser = _Parser(
        prog="briefing-desk",
        description="Briefing Desk: safeguarding briefings for schools. With no command, opens the app.",
    )
    parser.add_argument(
        "--database", metavar="URL", help="database URL or SQLite file (default: the data folder)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version}")
    nouns = parser.add_subparsers(dest="noun", metavar="NOUN", parser_class=_Parser)
    for register in registrars:
        register(nouns)
    return parser


def run(
    argv: Sequence[str], registrars: Sequence[Registrar], version: str, *, out: TextIO | None = None
) -> int:
    """Run one command and return its exit status."""
    parser = build_parser(registrars, version)
    args = parser.parse_args(list(argv))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        # A noun without a verb: show that noun's help rather than doing something surprising.
        sub = getattr(args, "noun_parser", parser)
        sub.print_help(out or sys.stdout)
        return 2
    context = CliContext(database_url=args.database, out=out or sys.stdout)
    try:
        return handler(args, context)
    except (DomainError, DatabaseError, CliError) as error:
        print(f"briefing-desk: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped early (`... | head`); that is not our failure. Point stdout at
        # /dev/null so the interpreter's own flush at exit does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        context.close()
