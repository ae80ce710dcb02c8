from __future__ import annotations

import json
import os
import stat

import pytest

from tests.storage_checks import table_dump


def test_people_list_finds_people_by_name(cli, county):
    status, out, _ = cli("people", "list", "--text", "okafor")
    assert status == 0
    assert out.splitlines()[1].split()[:3] == ["1", "Amy", "Okafor"]


def test_erase_shows_what_will_go_and_asks_first(cli, county, db_path):
    before = table_dump(db_path)
    status, out, err = cli("people", "erase", "1")
    assert status == 2
    assert out.splitlines()[0] == "Name, email, phone and notes of Amy Okafor (person 1) are removed."
    assert "nothing was erased; run again with --yes to erase person 1" in err
    assert table_dump(db_path)["people"] == before["people"]
    status, out, _ = cli("people", "erase", "1", "--yes")
    assert status == 0
    assert out.splitlines() == [
        "Erased person 1.",
        "4 bookings kept as anonymous attendance (setting, role, attendance).",
        "1 place on briefings still to come given up.",
    ]
    status, _, err = cli("people", "erase", "1", "--yes")
    assert status == 2
    assert "Person 1 was already erased on 1 October 2025" in err


def test_export_writes_json_or_text_readable_by_the_owner_only(cli, county, tmp_path):
    status, out, _ = cli("people", "export", "1", "--out", str(tmp_path / "amy.json"))
    assert status == 0
    assert out.startswith(f"Wrote {tmp_path / 'amy.json'}: ")
    document = json.loads((tmp_path / "amy.json").read_text(encoding="utf-8"))
    assert document["sections"]["details"]["records"][0]["Email"] == "amy.okafor@example.org"
    cli("people", "export", "1", "--out", str(tmp_path / "amy.txt"))
    assert (
        (tmp_path / "amy.txt")
        .read_text(encoding="utf-8")
        .startswith("Everything Briefing Desk holds about Amy")
    )
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "amy.json").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["people", "export", "404", "--out", "x.json"], "Person 404 does not exist"),
        (
            ["people", "export", "1", "--out", "/no/such/folder/x.json"],
            "the folder /no/such/folder does not exist",
        ),
        (["people", "erase", "404", "--yes"], "Person 404 does not exist"),
    ],
)
def test_people_refusals_are_one_line_with_exit_2(cli, county, args, message):
    status, _, err = cli(*args)
    assert status == 2
    assert message in err
    assert err.count("\n") == 1
