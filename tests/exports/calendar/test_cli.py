from __future__ import annotations

import io
import json
from datetime import date, time
from pathlib import Path

import pytest

from briefings.cli import run
from briefings.cli.commands import DOMAIN_COMMANDS
from briefings.clock import london
from briefings.queries.invites import InviteState
from exports.cli import EXPORT_COMMANDS
from tests.exports.calendar.checks import check_calendar_bytes, event_of, method_of
from tests.exports.calendar.conftest import PEOPLE

# The command line runs on the real clock, so its briefings are years ahead.
FUTURE = {
    "starts_at": london(date(2030, 10, 8), time(9, 30)),
    "ends_at": london(date(2030, 10, 8), time(11, 30)),
}


def cli(db_path: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run(["--database", str(db_path), *args], [*DOMAIN_COMMANDS, *EXPORT_COMMANDS], "test", out=out)
    return status, out.getvalue()


def test_export_list_names_every_calendar_exporter(db_path):
    status, text = cli(db_path, "export", "--list")
    assert status == 0
    for identifier in ("ics-briefing", "ics-series", "ics-invites", "ics-feed", "eml-invites"):
        assert identifier in text


def test_invites_are_written_recorded_and_not_written_twice(
    db_path, services, booked_briefing, organiser, tmp_path, capsys
):
    briefing = booked_briefing([*PEOPLE, ("No", "Mailbox", None)], **FUTURE)
    out = tmp_path / "invites"
    status, text = cli(db_path, "export", "ics-invites", "--briefing", str(briefing.id), "--out", str(out))
    assert status == 0, capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"2030-10-08 DSL update briefing - {first} {last}.ics" for first, last, _ in PEOPLE
    )
    assert "skipped No Mailbox (St Zoë's C of E Primary): no email address" in text
    assert "Written for 3 people: 3 invitations." in text
    assert "Invite ledger: 3 people up to date." in text
    assert "Invite ledger: 1 person with no email address." in text
    states = {r.name: r.state for r in services.invites.status(briefing.id).recipients}
    assert list(states.values()).count(InviteState.CURRENT) == 3
    status, _ = cli(db_path, "export", "ics-invites", "--briefing", str(briefing.id), "--out", str(out))
    assert status == 2
    assert "up to date; 1 person has no email address: No Mailbox" in capsys.readouterr().err


def test_reschedule_and_cancel_from_the_command_line_update_the_same_entry(
    db_path, booked_briefing, organiser, tmp_path
):
    briefing = booked_briefing(PEOPLE[:1], **FUTURE)
    ident = str(briefing.id)
    folders = [tmp_path / name for name in ("first", "moved", "cancelled")]
    assert cli(db_path, "export", "ics-invites", "--briefing", ident, "--out", str(folders[0]))[0] == 0
    moved = cli(
        db_path, "briefings", "reschedule", ident, "--start", "2030-10-09T13:00", "--end", "2030-10-09T14:00"
    )
    assert moved[0] == 0
    assert cli(db_path, "export", "ics-invites", "--briefing", ident, "--out", str(folders[1]))[0] == 0
    assert cli(db_path, "briefings", "cancel", ident, "--reason", "Snow")[0] == 0
    assert cli(db_path, "export", "eml-invites", "--briefing", ident, "--out", str(folders[2]))[0] == 0
    (first,), (second,) = (list(f.glob("*.ics")) for f in folders[:2])
    (draft,) = folders[2].glob("*.eml")
    events = [check_calendar_bytes(p.read_bytes()) for p in (first, second)]
    assert [(method_of(c), event_of(c)["SEQUENCE"]) for c in events] == [("REQUEST", 0), ("REQUEST", 1)]
    assert {str(event_of(c)["UID"]) for c in events} == {briefing.calendar_uid}
    raw = draft.read_bytes()
    assert b"X-Unsent: 1" in raw
    assert b'method="CANCEL"' in raw


def test_preview_leaves_the_ledger_alone(db_path, services, booked_briefing, organiser, tmp_path):
    briefing = booked_briefing(PEOPLE[:1], **FUTURE)
    status, text = cli(
        db_path,
        "export",
        "eml-invites",
        "--briefing",
        str(briefing.id),
        "--no-record",
        "--out",
        str(tmp_path),
    )
    assert status == 0
    assert "Preview only" in text
    assert [r.state for r in services.invites.status(briefing.id).recipients] == [InviteState.NEW]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "ics-invites", "--briefing", "404"], "Briefing 404 does not exist"),
        (["export", "ics-briefing", "--briefing", "404"], "Briefing 404 does not exist"),
        (["export", "ics-series", "--series", "404"], "Series 404 does not exist"),
        (["export", "ics-feed"], "no upcoming briefings"),
        (["invites", "status", "404"], "Briefing 404 does not exist"),
        (["invites", "organiser", "--email", "not-an-address"], "does not look like an email"),
    ],
)
def test_refusals_are_one_clear_line(db_path, tmp_path, capsys, args, message):
    out = tmp_path / "out"
    status, _ = cli(db_path, *args, *(["--out", str(out)] if args[0] == "export" else []))
    assert status == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_naming_someone_not_taking_part_is_refused(db_path, booked_briefing, organiser, tmp_path, capsys):
    briefing = booked_briefing(PEOPLE[:1], **FUTURE)
    args = ["--briefing", str(briefing.id), "--to", "x@y.example", "--out", str(tmp_path / "out")]
    status, _ = cli(db_path, "export", "eml-invites", *args)
    assert status == 2
    assert "x@y.example is not taking part in “DSL update briefing”" in capsys.readouterr().err


def test_invites_without_an_organiser_say_how_to_set_one(db_path, booked_briefing, tmp_path, capsys):
    briefing = booked_briefing(PEOPLE[:1], **FUTURE)
    status, _ = cli(db_path, "export", "ics-invites", "--briefing", str(briefing.id), "--out", str(tmp_path))
    assert status == 2
    assert "briefing-desk invites organiser" in capsys.readouterr().err


def test_reminder_must_be_a_sensible_number_of_minutes(db_path, capsys):
    with pytest.raises(SystemExit):
        cli(db_path, "export", "ics-feed", "--reminder", "0")
    assert "a reminder must be 1 to 10,080 minutes before" in capsys.readouterr().err


def test_status_and_organiser_commands(db_path, booked_briefing):
    briefing = booked_briefing(PEOPLE[:2], **FUTURE)
    status, text = cli(db_path, "invites", "organiser")
    assert text.strip() == "Invites come from: (not set)"
    status, text = cli(
        db_path, "invites", "organiser", "--name", "Jo O'Advisor", "--email", "jo@county.example"
    )
    assert (status, text.strip()) == (0, "Invites come from: Jo O'Advisor <jo@county.example>")
    status, text = cli(db_path, "invites", "organiser", "--name", "Jo Advisor")
    assert text.strip() == "Invites come from: Jo Advisor <jo@county.example>"
    status, text = cli(db_path, "invites", "status", str(briefing.id))
    assert status == 0
    assert "2 people not sent an invite yet." in text
    assert "Zoë Brontë" in text
    status, text = cli(db_path, "invites", "status", str(briefing.id), "--json")
    shown = json.loads(text)
    assert [r["state"] for r in shown["recipients"]] == ["new", "new"]
    assert shown["uid"] == briefing.calendar_uid
