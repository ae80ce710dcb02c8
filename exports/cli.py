"""The ``export`` nouns on the command line; each exporter issue adds its registrar here."""

from __future__ import annotations

from briefings.cli import Registrar

EXPORT_COMMANDS: list[Registrar] = []
