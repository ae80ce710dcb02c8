"""``briefing-desk import ...``: previews write nothing, --apply writes, bad files get one clear line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from exports.cli import EXPORT_COMMANDS
from models.db import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "importing" / "fixtures"
REPO = Path(__file__).resolve().parents[3]


def cli(db_path: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run(["--database", str(db_path), *args], [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], "test", out=out)
    return status, out.getvalue()


def _count(db_path: Path, table: str) -> int:
    database = open_database(str(db_path))
    try:
        with database.engine.connect() as connection:
            return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())  # noqa: S608 - fixed names
    finally:
        database.dispose()


def test_settings_preview_writes_nothing_and_apply_writes(db_path):
    status, text = cli(db_path, "import", "settings", str(FIXTURES / "gias_small.csv"), "--la", "990")
    assert status == 0
    assert "New" in text
    assert "9" in text
    assert "Left out, other local authorities: 691 Gwynfa (1)" in text
    assert "Nothing was written" in text
    assert _count(db_path, "settings") == 0
    status, text = cli(
        db_path, "import", "settings", str(FIXTURES / "gias_small.csv"), "--la", "990", "--apply"
    )
    assert status == 0
    assert "Imported: 9 added" in text
    assert _count(db_path, "settings") == 9


def test_people_with_a_mapping_from_the_command_line(db_path):
    cli(db_path, "import", "settings", str(FIXTURES / "gias_small.csv"), "--la", "990", "--apply")
    status, text = cli(
        db_path,
        "import",
        "people",
        str(FIXTURES / "staff_small.csv"),
        "--mapping",
        "phone=,notes=Comments",
        "--apply",
    )
    assert status == 0
    assert "Telephone" not in text.split("Columns:")[1].split("People")[0]
    assert "Imported: 6 people added" in text
    assert _count(db_path, "people") == 6


def test_an_unknown_mapping_field_is_a_usage_error(db_path, capsys):
    status, _ = cli(
        db_path, "import", "people", str(FIXTURES / "staff_small.csv"), "--mapping", "shoe_size=Size"
    )
    assert status == 2
    assert "unknown field “shoe_size”" in capsys.readouterr().err


def test_attendance_preview_then_apply_with_walk_ins(db_path):
    cli(db_path, "import", "settings", str(FIXTURES / "gias_small.csv"), "--la", "990", "--apply")
    cli(db_path, "import", "people", str(FIXTURES / "staff_small.csv"), "--apply")
    cli(
        db_path, "briefings", "add", "--title", "DSL update", "--topic", "dsl_update",
        "--start", "2025-10-15T09:30", "--end", "2025-10-15T11:30", "--link", "https://teams.example/m/1",
    )  # fmt: skip
    status, text = cli(db_path, "import", "attendance", str(FIXTURES / "teams_small.csv"), "--briefing", "1")
    assert status == 0
    assert "Known, not booked: left for review" in text
    assert "Nothing was written" in text
    status, text = cli(
        db_path,
        "import",
        "attendance",
        str(FIXTURES / "teams_small.csv"),
        "--briefing",
        "1",
        "--accept-walk-ins",
        "--apply",
    )
    assert status == 0
    assert "Recorded: 1 late, 2 present; 3 walk-ins added. 1 rows are waiting for review" in text
    assert _count(db_path, "attendance_import_rows") == 6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4\n1 0 obj <<>>", "is a PDF document, not a CSV file"),
        (b"", "is empty"),
        (
            b'"LA (code)","EstablishmentName"\r\n"990","A"\r\n',
            "has no “URN”, “EstablishmentStatus (name)” columns",
        ),
    ],
)
def test_bad_files_get_one_clear_line_and_nothing_is_stored(db_path, tmp_path, capsys, content, message):
    path = tmp_path / "gias.csv"
    path.write_bytes(content)
    status, _ = cli(db_path, "import", "settings", str(path), "--apply")
    assert status == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert _count(db_path, "settings") == 0


def test_a_missing_file_or_briefing_is_reported(db_path, capsys):
    status, _ = cli(db_path, "import", "people", "/no/such/list.csv")
    assert status == 2
    assert "cannot read /no/such/list.csv" in capsys.readouterr().err
    status, _ = cli(db_path, "import", "attendance", str(FIXTURES / "teams_small.csv"), "--briefing", "7")
    assert status == 2
    assert "Briefing 7 does not exist" in capsys.readouterr().err


@pytest.mark.slow
def test_the_installed_command_refuses_a_pdf_without_a_traceback(tmp_path):
    pdf = tmp_path / "contacts.csv"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "main.py"),
            "--database",
            str(tmp_path / "d.sqlite3"),
            "import",
            "people",
            str(pdf),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == "briefing-desk: error: contacts.csv is a PDF document, not a CSV file or spreadsheet"
    )
