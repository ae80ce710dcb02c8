from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from briefings.clock import london_today


def cli(db_path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run(["--database", str(db_path), *args], DOMAIN_COMMANDS, "test", out=out)
    return status, out.getvalue()


def test_demo_then_briefings_list_shows_the_dsl_series(db_path):
    status, text = cli(db_path, "demo", "--today", "2025-10-01")
    assert status == 0
    assert "set on Wednesday 01 October 2025" in text
    assert "444 open" in text
    assert "behind on their DSL refresh" in text
    status, listing = cli(db_path, "briefings", "list")
    assert status == 0
    assert "DSL update: Autumn 1 2025 (online)" in listing
    _, as_json = cli(db_path, "briefings", "list", "--json")
    series = [row for row in json.loads(as_json) if row["series_name"] == "DSL briefings 2025/26"]
    assert len(series) == 12
    assert {row["delivery"] for row in series} == {"online", "in_person", "hybrid"}


def test_demo_refuses_a_database_that_holds_data(db_path, capsys):
    assert cli(db_path, "demo", "--today", "2025-10-01")[0] == 0
    status, text = cli(db_path, "demo")
    assert status == 2
    assert text == ""
    assert "only goes into an empty database" in capsys.readouterr().err


def test_demo_is_set_on_today_in_england_by_default(db_path):
    before = london_today(datetime.now(UTC))
    status, text = cli(db_path, "demo", "--seed", "7")
    after = london_today(datetime.now(UTC))
    assert status == 0
    assert "seed 7" in text
    assert f"set on {before:%A %d %B %Y}" in text or f"set on {after:%A %d %B %Y}" in text


def test_a_malformed_day_is_a_usage_error(db_path, capsys):
    with pytest.raises(SystemExit) as stop:
        cli(db_path, "demo", "--today", "1 October")
    assert stop.value.code == 2
    assert "is not a date like 2025-10-08" in capsys.readouterr().err


def test_demo_headline_names_what_was_loaded(services):
    from datetime import date

    summary = services.demo.load(today=date(2025, 10, 1))
    assert summary.headline.startswith(f"Loaded the demo county: {summary.settings:,} settings")
    assert "1 October 2025" in summary.headline
