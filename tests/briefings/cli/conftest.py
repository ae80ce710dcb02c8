from __future__ import annotations

import functools
import io

import pytest

import briefings.cli
from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from briefings.cli.context import CliContext
from exports.cli import EXPORT_COMMANDS


@pytest.fixture
def cli(db_path, clock, monkeypatch, capsys):
    """Run one command against the test database at the test clock: (status, stdout, stderr)."""
    monkeypatch.setattr(briefings.cli, "CliContext", functools.partial(CliContext, clock=clock))

    def invoke(*args: str) -> tuple[int, str, str]:
        out = io.StringIO()
        capsys.readouterr()
        status = run(
            ["--database", str(db_path), *args], [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], "test", out=out
        )
        return status, out.getvalue(), capsys.readouterr().err

    return invoke
