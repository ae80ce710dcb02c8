from __future__ import annotations

import json


def test_retention_show_gives_the_policy_and_the_preview(cli, county):
    status, out, _ = cli("retention", "show")
    assert status == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == "Policy: bookings' personal details 6 years, people not heard of 6 years, audit entries 6 years"
    )
    assert lines[1] == "Applying it today (1 October 2025) would change:"
    assert "    person 5: Eve Marsh (last booked 20 November 2018)" in lines
    preview = json.loads(cli("retention", "show", "--json")[1])
    assert (preview["bookings"], preview["people"]) == (7, 2)


def test_retention_set_changes_only_what_is_given(cli):
    status, out, _ = cli("retention", "set", "--bookings", "7", "--audit", "never")
    assert status == 0
    assert (
        out
        == "Policy: bookings' personal details 7 years, people not heard of 6 years, audit entries for ever\n"
    )
    status, _, err = cli("retention", "set", "--people", "0")
    assert status == 2
    assert "People: keep for 1 to 100 years, or for ever" in err
    status, _, err = cli("retention", "set")
    assert status == 2
    assert "give --bookings, --people or --audit" in err


def test_retention_apply_asks_first_then_applies(cli, county):
    status, out, err = cli("retention", "apply")
    assert status == 2
    assert "nothing was changed; run again with --yes" in err
    assert "7 lose the person's name" in out
    status, out, _ = cli("retention", "apply", "--yes")
    assert status == 0
    assert out.startswith("Applied the retention policy:")
    assert cli("retention", "apply", "--yes")[1] == "The retention policy has nothing to remove today.\n"


def test_audit_list_filters_by_who_what_and_when(cli, county):
    status, out, _ = cli("audit", "list", "--entity", "booking", "--until", "2017-03-31", "--json")
    rows = json.loads(out)
    assert {r["entity"] for r in rows} == {"registrations"}
    assert all(r["at"] < "2017-04-01" for r in rows)
    assert len(rows) == 8  # four bookings and four attendance marks at the spring 2017 briefing
    table = cli("audit", "list", "--person", "5", "--limit", "2")[1].splitlines()
    assert table[0].split() == ["When", "Who", "Action", "What"]
    assert table[-1].startswith("(2 of ")
    assert cli("audit", "list", "--actor", "nobody")[1] == "No audit entries match.\n"
    status, _, err = cli("audit", "list", "--entity", "spaceship")
    assert status == 2
    assert "no kind of record called “spaceship”" in err
