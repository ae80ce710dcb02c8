from __future__ import annotations

import io
from datetime import date, time

import pytest
from openpyxl import load_workbook

from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from briefings.clock import london
from briefings.document_preferences import ORGANISATION_LOGO
from briefings.licensing import PoolFields
from exports.cli import EXPORT_COMMANDS
from tests.attendance_scenario import hold_briefing
from tests.exports.pdf_reading import pdf_pages


def cli(db_path, *args):
    out = io.StringIO()
    status = run(["--database", str(db_path), *args], [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], "test", out=out)
    return status, out.getvalue()


@pytest.fixture
def held(services, clock, make_briefing):
    return hold_briefing(services, clock, make_briefing)


def test_every_exporter_is_listed(db_path):
    status, text = cli(db_path, "export", "--list")
    assert status == 0
    for identifier in ("pdf-certificates", "pdf-register", "xlsx-briefing", "xlsx-licences", "xlsx-period"):
        assert identifier in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["xlsx-briefing", "--briefing", "1"], "Attendance 2025-10-08 DSL update briefing.xlsx"),
        (
            ["xlsx-period", "--from", "2025-09-01", "--to", "2025-12-31"],
            "Attendance return 2025-09-01 to 2025-12-31.xlsx",
        ),
        (
            ["pdf-register", "--briefing", "1", "--blank-rows", "3"],
            "Sign-in register 2025-10-08 DSL update briefing.pdf",
        ),
        (["pdf-certificates", "--briefing", "1"], "Certificates 2025-10-08 DSL update briefing.pdf"),
    ],
)
def test_each_export_writes_a_file_that_opens(db_path, held, tmp_path, args, expected):
    status, text = cli(db_path, "export", *args, "--out", str(tmp_path))
    assert status == 0, text
    path = tmp_path / expected
    assert f"wrote {path}" in text
    if path.suffix == ".xlsx":
        assert load_workbook(path).sheetnames[0] == "About"
    else:
        assert pdf_pages(path.read_bytes())


def test_certificates_export_reports_who_was_left_out(db_path, held, tmp_path):
    status, text = cli(
        db_path, "export", "pdf-certificates", "--briefing", "1", "--separate", "--out", str(tmp_path)
    )
    assert status == 0
    assert "skipped Una Marked: attendance has not been recorded" in text
    assert len(list(tmp_path.glob("Certificate *.pdf"))) == 6


def test_the_licence_return_from_the_command_line(db_path, services, tmp_path):
    services.licences.create_pool(
        PoolFields(
            provider="NSPCC",
            product="HSB",
            seats=4,
            valid_from=date(2025, 9, 1),
            valid_until=date(2026, 8, 31),
        )
    )
    status, text = cli(db_path, "export", "xlsx-licences", "--out", str(tmp_path))
    assert status == 0, text
    (written,) = tmp_path.glob("Licences *.xlsx")
    assert load_workbook(written).sheetnames == ["About", "Pools", "Allocations", "Settings"]


def test_an_empty_briefing_is_a_clear_error_not_an_empty_file(db_path, make_briefing, tmp_path, capsys):
    make_briefing()
    out = tmp_path / "out"
    status, _ = cli(db_path, "export", "xlsx-briefing", "--briefing", "1", "--out", str(out))
    assert status == 2
    assert "Nobody has booked “DSL update briefing”" in capsys.readouterr().err
    assert not out.exists()


def test_a_half_given_period_is_refused(db_path, capsys):
    status, _ = cli(db_path, "export", "xlsx-period", "--from", "2025-09-01")
    assert status == 2
    assert "A period needs both its first and its last day" in capsys.readouterr().err


def test_a_missing_briefing_is_refused(db_path, capsys):
    status, _ = cli(db_path, "export", "pdf-register", "--briefing", "99")
    assert status == 2
    assert "Briefing 99 does not exist" in capsys.readouterr().err


def test_certificates_before_the_briefing_are_refused(db_path, make_briefing, make_person, services, capsys):
    # The command line runs on the real clock, so the briefing must be in its future.
    day = date(2099, 10, 7)
    briefing = make_briefing(starts_at=london(day, time(9, 30)), ends_at=london(day, time(11, 30)))
    services.bookings.book(briefing.id, make_person().id)
    status, _ = cli(db_path, "export", "pdf-certificates", "--briefing", str(briefing.id))
    assert status == 2
    assert "has not taken place yet" in capsys.readouterr().err


def test_a_missing_logo_is_a_clear_error_on_the_command_line(db_path, held, services, tmp_path, capsys):
    services.preferences.set(ORGANISATION_LOGO, str(tmp_path / "gone.png"))
    status, _ = cli(db_path, "export", "pdf-certificates", "--briefing", "1", "--out", str(tmp_path / "out"))
    assert status == 2
    assert "gone.png set in preferences cannot be found" in capsys.readouterr().err
