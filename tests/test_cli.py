from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import main as entry
from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from exports.cli import EXPORT_COMMANDS

REPO = Path(__file__).resolve().parent.parent


def cli(db_path: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run(["--database", str(db_path), *args], [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], "test", out=out)
    return status, out.getvalue()


def test_add_then_list_and_show_as_json(db_path, capsys):
    status, text = cli(
        db_path,
        "briefings",
        "add",
        "--title",
        "DSL update – Autumn",
        "--topic",
        "dsl_update",
        "--start",
        "2030-10-08T09:30",
        "--end",
        "2030-10-08T11:30",
        "--link",
        "https://teams.example/m/1",
        "--capacity",
        "40",
    )
    assert status == 0, capsys.readouterr().err
    assert "Scheduled briefing 1" in text
    status, text = cli(db_path, "briefings", "list", "--json")
    rows = json.loads(text)
    assert [(r["id"], r["title"], r["capacity"], r["booked"]) for r in rows] == [
        (1, "DSL update – Autumn", 40, 0)
    ]
    assert rows[0]["starts_at"] == "2030-10-08T09:30:00+01:00"
    status, text = cli(db_path, "briefings", "show", "1", "--json")
    shown = json.loads(text)
    assert shown["briefing"]["row"]["topic_code"] == "dsl_update"
    assert shown["register"] == []


def test_list_on_an_empty_database_says_what_to_do(db_path):
    status, text = cli(db_path, "briefings", "list")
    assert status == 0
    assert "briefing-desk demo" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "briefings",
                "add",
                "--title",
                "X",
                "--topic",
                "dsl_update",
                "--start",
                "2030-10-08T11:30",
                "--end",
                "2030-10-08T09:30",
                "--link",
                "https://a.example",
            ],
            "The end must be after the start",
        ),
        (
            [
                "briefings",
                "add",
                "--title",
                "X",
                "--topic",
                "nope",
                "--start",
                "2030-10-08T09:30",
                "--end",
                "2030-10-08T10:30",
            ],
            "no topic “nope”",
        ),
        (
            [
                "briefings",
                "add",
                "--title",
                "X",
                "--topic",
                "rse",
                "--start",
                "2030-10-08T09:30",
                "--end",
                "2030-10-08T10:30",
                "--link",
                "http://a.example",
            ],
            "https://",
        ),
        (["briefings", "show", "77"], "Briefing 77 does not exist"),
        (["briefings", "cancel", "77"], "Briefing 77 does not exist"),
    ],
)
def test_bad_input_exits_2_with_one_line(db_path, capsys, args, message):
    status, _ = cli(db_path, *args)
    err = capsys.readouterr().err
    assert status == 2
    assert message in err
    assert err.count("\n") == 1
    assert cli(db_path, "briefings", "list", "--json")[1].strip() == "[]"


def test_unparseable_date_is_a_usage_error(db_path, capsys):
    with pytest.raises(SystemExit) as caught:
        cli(
            db_path,
            "briefings",
            "add",
            "--title",
            "X",
            "--topic",
            "rse",
            "--start",
            "next tuesday",
            "--end",
            "2030-10-08T10:30",
        )
    assert caught.value.code == 2
    assert "is not a date and time" in capsys.readouterr().err


def test_reschedule_and_cancel_report_the_sequence(db_path):
    cli(
        db_path,
        "briefings",
        "add",
        "--title",
        "T",
        "--topic",
        "rse",
        "--start",
        "2030-10-08T09:30",
        "--end",
        "2030-10-08T10:30",
        "--link",
        "https://a.example/x",
    )
    status, text = cli(
        db_path, "briefings", "reschedule", "1", "--start", "2030-10-09T09:30", "--end", "2030-10-09T10:30"
    )
    assert status == 0
    assert "sequence 1" in text
    status, text = cli(db_path, "briefings", "cancel", "1", "--reason", "ill")
    assert "Cancelled briefing 1" in text
    rows = json.loads(cli(db_path, "briefings", "list", "--json")[1])
    assert (rows[0]["status"], rows[0]["calendar_sequence"]) == ("cancelled", 2)


def test_a_bad_database_file_is_refused_with_exit_2(tmp_path, capsys):
    path = tmp_path / "junk.sqlite3"
    path.write_text("hello")
    status, _ = cli(path, "briefings", "list")
    assert status == 2
    assert "is not a database file" in capsys.readouterr().err
    assert path.read_text() == "hello"


def test_help_is_available_everywhere(capsys):
    for args in (["--help"], ["briefings", "--help"], ["briefings", "add", "--help"]):
        with pytest.raises(SystemExit) as caught:
            run(args, [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], "test")
        assert caught.value.code == 0
    assert "--title" in capsys.readouterr().out


@pytest.mark.slow
def test_entry_point_runs_as_a_process(tmp_path):
    db = tmp_path / "p.sqlite3"
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--database", str(db), "briefings", "list", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert entry.main(["--database", str(db), "briefings", "list", "--json"]) == 0


@pytest.mark.slow
def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path):
    db = tmp_path / "pipe.sqlite3"
    assert entry.main(["--database", str(db), "demo", "--today", "2025-10-01"]) == 0
    shell = f"{sys.executable} {REPO / 'main.py'} --database {db} people list | head -n 1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "BrokenPipeError" not in done.stderr
    assert done.stdout.startswith("ID")
