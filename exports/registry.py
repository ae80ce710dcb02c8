"""Which exporters exist: identifier -> how to build one from command-line arguments.

Each exporter module registers an :class:`ExportSpec`; ``exports.catalogue`` imports them all.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefings.services import Services
    from exports.base import Exporter


class ExportBuilder(Protocol):
    """Gathers the rows an exporter needs (through the services) and builds it."""

    def __call__(self, args: argparse.Namespace, services: Services) -> Exporter:
        """Build the exporter for these arguments."""
        ...


class AfterWrite(Protocol):
    """Runs once the files are safely written (the invite ledger records what went out)."""

    def __call__(self, args: argparse.Namespace, exporter: Exporter, services: Services) -> list[str]:
        """Do the follow-up work; returns lines to show the user."""
        ...


class ExportScope(StrEnum):
    """What an export is about, so each of the app's menus offers only the exports that fit there."""

    BRIEFING = "briefing"  # one briefing: offered on that briefing's page
    GENERAL = "general"  # a series, a period, every pool, the feed: offered from File > Export


@dataclass(frozen=True)
class ExportSpec:
    """An exporter as the command line (and the UI's export menus) see it."""

    identifier: str
    verbose_name: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    build: ExportBuilder
    after_write: AfterWrite | None = None
    scope: ExportScope = ExportScope.BRIEFING


_SPECS: dict[str, ExportSpec] = {}


def register(spec: ExportSpec) -> ExportSpec:
    """Make an exporter available; identifiers are unique and never change once released."""
    if spec.identifier in _SPECS and _SPECS[spec.identifier] is not spec:
        raise ValueError(f"two exporters claim the identifier {spec.identifier!r}")
    _SPECS[spec.identifier] = spec
    return spec


def specs() -> list[ExportSpec]:
    """Every registered exporter, by identifier."""
    from exports import catalogue  # noqa: F401, PLC0415 - importing it registers the exporters

    return [_SPECS[k] for k in sorted(_SPECS)]


def spec(identifier: str) -> ExportSpec:
    """One exporter by identifier."""
    found = {s.identifier: s for s in specs()}
    if identifier not in found:
        raise KeyError(identifier)
    return found[identifier]
