from __future__ import annotations

import io
import json

import pytest

from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from tests.attendance_scenario import hold_briefing


def cli(db_path, *args):
    out = io.StringIO()
    status = run(["--database", str(db_path), *args], DOMAIN_COMMANDS, "test", out=out)
    return status, out.getvalue()


@pytest.fixture
def number(services, clock, make_briefing):
    held = hold_briefing(services, clock, make_briefing)
    issued = services.certificates.issue(held.briefing.id)
    return next(c for c in issued.certificates if c.details.person_name == "Zoë Brontë").number


def test_verify_a_genuine_number_shows_what_it_certified(db_path, number):
    status, text = cli(db_path, "certificates", "verify", number)
    assert status == 0
    assert text.startswith(f"VALID: Certificate {number} is genuine")
    assert "Zoë Brontë" in text
    assert "Wednesday 08 October 2025" in text


def test_verify_with_a_wrong_date_exits_3(db_path, number):
    status, text = cli(db_path, "certificates", "verify", number, "--date", "2025-10-09")
    assert status == 3
    assert text.startswith("MISMATCH:")


def test_verify_an_unknown_number_exits_3(db_path, number):
    status, text = cli(db_path, "certificates", "verify", "2025-999999-ABCD-EFGH")
    assert (status, text.split(":")[0]) == (3, "UNKNOWN")


def test_verify_nonsense_exits_2(db_path):
    status, text = cli(db_path, "certificates", "verify", "nonsense")
    assert (status, text.split(":")[0]) == (2, "MALFORMED")


def test_verify_a_scanned_qr_text_from_a_file(db_path, number, services, tmp_path):
    verdict = services.certificates.verify(number)
    scanned = tmp_path / "scan.txt"
    scanned.write_text(verdict.certificate.payload().replace("Zoë Brontë", "Zoe Brown"), encoding="utf-8")
    status, text = cli(db_path, "certificates", "verify", "--scanned", str(scanned), "--json")
    assert status == 3
    shown = json.loads(text)
    assert shown["status"] == "mismatch"
    assert shown["differences"] == ["name"]
    assert shown["certificate"]["details"]["person_name"] == "Zoë Brontë"


def test_verify_without_a_number_says_what_to_give(db_path, capsys):
    status, _ = cli(db_path, "certificates", "verify")
    assert status == 2
    assert "give a certificate number" in capsys.readouterr().err


def test_list_shows_a_briefings_certificates(db_path, number):
    status, text = cli(db_path, "certificates", "list", "--briefing", "1")
    assert status == 0
    assert number in text
    assert "Zoë Brontë" in text


def test_list_before_any_are_issued_says_how(db_path, make_briefing):
    make_briefing()
    status, text = cli(db_path, "certificates", "list", "--briefing", "1")
    assert status == 0
    assert "export pdf-certificates --briefing 1" in text
