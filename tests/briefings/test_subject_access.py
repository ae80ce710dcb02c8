from __future__ import annotations

import json
import os
import stat

import pytest

from briefings.errors import NotFoundError, ValidationError
from briefings.privacy.report_files import report_as_json, report_as_text


def sections(report):
    return {s.key: [dict(zip(s.columns, row, strict=True)) for row in s.rows] for s in report.sections}


def test_the_report_holds_everything_about_the_person(services, county):
    services.context.actor = "dpo"
    report = services.privacy.subject_access(county.people["amy"])
    held = sections(report)
    assert (report.person_name, report.generated_by, report.generated_at.isoformat()) == (
        "Amy Okafor", "dpo", "2025-10-01T10:00:00+01:00"
    )  # fmt: skip
    assert held["details"] == [
        {"ID": 1, "Title": None, "First name": "Amy", "Last name": "Okafor",
         "Email": "amy.okafor@example.org", "Phone": "01632 960001", "Notes": "Prefers mornings",
         "Added": "2016-09-01T10:00+01:00", "Erased": None}
    ]  # fmt: skip
    assert [(r["Setting or organisation"], r["Role"]) for r in held["roles"]] == [
        ("Oakfield Primary School", "DSL")
    ]
    assert [(r["Briefing"], r["Booking"], r["Attendance"]) for r in held["bookings"]] == [
        ("DSL update spring 2017", "booked", "Present"),
        ("RSE in practice", "booked", "Present"),
        ("DSL update summer 2024", "booked", "Present"),
        ("DSL update autumn 2025", "booked", None),
    ]
    assert [c["Number"] for c in held["certificates"]] == ["WYV-0001", "WYV-0003"]
    assert [(lic["Product"], lic["Given on"]) for lic in held["licences"]] == [("HSB toolkit", "2025-09-01")]
    assert [i["Sent to"] for i in held["invitations"]] == ["amy.okafor@example.org"] * 2
    assert held["recording_links"] == []
    assert held["presenting"] == []
    assert "Added person 1" in [a["What"] for a in held["audit"]]
    assert all(a["By"] for a in held["audit"])


def test_links_given_and_briefings_presented_are_included(services, county):
    eve = sections(services.privacy.subject_access(county.people["eve"]))
    assert [(r["Briefing"], r["Note"]) for r in eve["recording_links"]] == [
        ("RSE in practice", "asked by email")
    ]
    gus = sections(services.privacy.subject_access(county.people["gus"]))
    assert gus["presenting"] == [{"Briefing": "DSL update spring 2017", "Starts": "2017-03-15T09:30+00:00"}]
    assert [r["Setting or organisation"] for r in gus["roles"]] == ["Wyvernshire MASH"]


def test_the_json_file_reads_back_and_never_holds_a_passcode(services, county):
    report = services.privacy.subject_access(county.people["amy"])
    data = report_as_json(report)
    document = json.loads(data)
    assert document["person_id"] == county.people["amy"]
    assert len(document["sections"]["bookings"]["records"]) == 4
    assert document["sections"]["bookings"]["records"][0]["Minutes"] == 120
    assert b"Kc7!pq" not in data
    assert b"R53!" not in data


def test_the_text_file_is_readable_section_by_section(services, county):
    text = report_as_text(services.privacy.subject_access(county.people["amy"])).decode("utf-8")
    assert text.startswith("Everything Briefing Desk holds about Amy Okafor (person 1)\n")
    assert "Bookings and attendance (4)\n" + "=" * 27 + "\n" in text
    assert "Produced: 1 October 2025 at 10:00 by " in text
    assert "  Email       amy.okafor@example.org\n" in text
    assert "Recording links given (0)" in text
    assert "None recorded." in text
    assert "Kc7!pq" not in text


def test_after_erasure_the_report_shows_only_the_tombstone(services, county):
    services.privacy.erase_person(county.people["amy"])
    held = sections(services.privacy.subject_access(county.people["amy"]))
    assert held["details"][0]["First name"] == "(erased)"
    assert held["details"][0]["Email"] is None
    assert held["bookings"] == held["roles"] == held["certificates"] == held["invitations"] == []


def test_a_person_who_does_not_exist_is_refused(services):
    with pytest.raises(NotFoundError, match="Person 404 does not exist"):
        services.privacy.subject_access(404)


def test_the_report_is_saved_as_json_or_text_readable_by_its_owner_only(services, county, tmp_path):
    amy = county.people["amy"]
    saved = services.privacy.save_subject_access(amy, tmp_path / "amy.json", as_json=True)
    assert (saved.person_name, saved.path) == ("Amy Okafor", tmp_path / "amy.json")
    document = json.loads(saved.path.read_text("utf-8"))
    assert saved.records == sum(len(s["records"]) for s in document["sections"].values())
    if os.name == "posix":
        assert stat.S_IMODE(saved.path.stat().st_mode) == 0o600
    text = services.privacy.save_subject_access(amy, tmp_path / "amy.txt", as_json=False)
    assert text.path.read_text("utf-8").startswith("Everything Briefing Desk holds about Amy Okafor")


def test_saving_the_report_into_a_missing_folder_names_the_path(services, county, tmp_path):
    with pytest.raises(ValidationError, match="does not exist") as caught:
        services.privacy.save_subject_access(
            county.people["amy"], tmp_path / "nowhere" / "a.json", as_json=True
        )
    assert caught.value.field == "path"
    assert not (tmp_path / "nowhere").exists()
