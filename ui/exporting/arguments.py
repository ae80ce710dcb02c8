"""An exporter's command-line options, read so a dialog can ask for them and parse them the CLI's way.

Every exporter declares its options once, on an argparse parser (``ExportSpec.add_arguments``).
The dialogs look at that parser to see what an export needs (a briefing, a series, a period, a
flag), turn the advisor's choices into the words the command line would have been given, and
parse them with the same parser: the same defaults, types and checks as ``briefing-desk export``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from exports.registry import ExportSpec


class ArgumentsRefusedError(Exception):
    """The options given do not parse (argparse's message says why)."""


class _QuietParser(argparse.ArgumentParser):
    """A parser that raises instead of printing usage and leaving the program."""

    def error(self, message: str) -> NoReturn:
        raise ArgumentsRefusedError(message)


@dataclass(frozen=True)
class ExportOptions:
    """The options one exporter takes, by destination name (``briefing``, ``separate``...)."""

    spec: ExportSpec
    parser: argparse.ArgumentParser
    actions: dict[str, argparse.Action]

    @classmethod
    def of(cls, spec: ExportSpec) -> ExportOptions:
        """Read the exporter's options from its parser."""
        parser = _QuietParser(prog=f"export {spec.identifier}", add_help=False)
        spec.add_arguments(parser)
        actions = {
            a.dest: a for a in parser._actions if a.option_strings
        }  # argparse lists options nowhere public
        return cls(spec, parser, actions)

    def takes(self, dest: str) -> bool:
        """Whether the exporter has this option."""
        return dest in self.actions

    def required(self) -> list[str]:
        """The options it cannot do without."""
        return [dest for dest, action in self.actions.items() if action.required]

    def default(self, dest: str) -> object:
        """The value the command line uses when the option is not given."""
        return self.actions[dest].default

    def help(self, dest: str) -> str:
        """The option's help text ("" if none)."""
        return self.actions[dest].help or ""

    def words(self, dest: str, value: object = None) -> list[str]:
        """The option as typed on the command line: ``["--separate"]``, ``["--briefing", "12"]``."""
        flag = self.actions[dest].option_strings[-1]
        if value is None or value is True:
            return [flag]
        return [flag, str(value)]

    def parse(self, words: Sequence[str]) -> argparse.Namespace:
        """The namespace the command line would build from these words."""
        return self.parser.parse_args(list(words))
