from __future__ import annotations

import pytest

from briefings.cli.context import CliError
from exports.base import ExportFile, ExportOutcome, safe_filename
from exports.cli import write_outcome


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë Brontë", "Zoë Brontë"),
        ("DSL update: Autumn 2 2025.pdf", "DSL update - Autumn 2 2025.pdf"),
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Windows\\System32", "C-Windows-System32"),
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("   ", "file"),
        (".hidden", "hidden"),
        ("a\x00b\nc", "a-b-c"),
        ('O\'Neil: "Cert" <1>?', "O'Neil - 'Cert' 1"),
    ],
)
def test_safe_filename_defuses_paths_and_reserved_names(text, expected):
    assert safe_filename(text) == expected


def test_safe_filename_limits_length_but_keeps_the_extension():
    assert len(safe_filename("x" * 500)) == 120
    long_pdf = safe_filename("Certificate - " + "Bartholomew " * 20 + ".pdf")
    assert len(long_pdf) <= 120
    assert long_pdf.endswith("Bartholomew.pdf") or long_pdf.endswith(".pdf")
    assert not safe_filename("a" * 200 + ".pdf").endswith("a")


def test_write_outcome_writes_every_file_and_leaves_no_partials(tmp_path):
    outcome = ExportOutcome(
        files=(ExportFile("a.ics", "text/calendar", b"A"), ExportFile("../b.ics", "text/calendar", b"B"))
    )
    paths = write_outcome(outcome, tmp_path / "out")
    assert [p.name for p in paths] == ["a.ics", "b.ics"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.ics", "b.ics"]
    assert (tmp_path / "out" / "b.ics").read_bytes() == b"B"


def test_write_outcome_into_a_file_path_fails_clearly(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    with pytest.raises(CliError, match="cannot create the folder"):
        write_outcome(ExportOutcome(files=(ExportFile("a", "x", b""),)), blocker / "sub")
