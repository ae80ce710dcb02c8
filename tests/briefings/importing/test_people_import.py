"""Importing staff lists: one person per human, roles started and ended, movers moved, all or nothing."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date

import pytest

from briefings.errors import ConflictError
from briefings.queries.directory import PersonFilter, SettingFilter
from briefings.vocabulary import Role

STAFF = "staff_small.csv"


@pytest.fixture
def county(services, fixture_bytes):
    """The small extract imported; URN -> setting id."""
    services.imports.apply_settings(
        services.imports.preview_settings(fixture_bytes("gias_small.csv"), "g.csv", "990")
    )
    return {s.urn: s.id for s in services.directory.settings(SettingFilter(openness="all"))}


def _import(services, data: bytes, name: str = "list.csv"):
    suggestion = services.imports.people_mapping(data, name)
    preview = services.imports.preview_people(data, name, suggestion.mapping)
    return preview, services.imports.apply_people(preview)


def _people(services):
    return {p.full_name: services.directory.person(p.id) for p in services.directory.people(PersonFilter())}


def test_a_first_list_adds_one_person_per_human(services, county, fixture_bytes):
    suggestion = services.imports.people_mapping(fixture_bytes(STAFF), STAFF)
    preview = services.imports.preview_people(fixture_bytes(STAFF), STAFF, suggestion.mapping)
    counts = preview.counts
    assert (counts["new_people"], counts["duplicate_rows"], counts["roles_added"], counts["rejected"]) == (
        6,
        1,
        7,
        1,
    )
    assert services.directory.count_people() == 0  # a preview writes nothing
    result = services.imports.apply_people(preview)
    assert result.person_of_row[2] == result.person_of_row[3]
    people = _people(services)
    jane = people["Jane Smith"]
    assert jane.email == "jane.smith@renee.sch.example"
    assert {(m.setting_id, m.role) for m in jane.roles} == {
        (county[960001], Role.DSL),
        (county[960001], Role.DEPUTY_DSL),
    }
    tom = people["Tom Jones"]
    assert tom.email is None  # office@ belongs to the school, not to Tom
    assert "Shared mailbox: office@renee.sch.example" in (services.directory.person(tom.id).notes or "")
    assert people["Ben Green"].roles[0].setting_id == county[960001]  # found by the school's name
    assert people["Cara White"].roles[0].setting_id == county[960006]  # the closed school's academy
    assert (people["Dan Black"].roles[0].role, people["Dan Black"].roles[0].job_title) == (
        Role.OTHER,
        "Caretaker",
    )
    assert services.preferences.get("imports.people.mapping")["role"] == "Job title"


def test_the_same_list_twice_changes_nothing(services, county, fixture_bytes):
    _import(services, fixture_bytes(STAFF), STAFF)
    preview, result = _import(services, fixture_bytes(STAFF), STAFF)
    assert preview.counts["new_people"] == 0
    assert preview.counts["matched_people"] == 6
    assert (result.added, result.roles_added, result.roles_ended) == (0, 0, 0)


def test_a_person_who_moved_school_is_moved_not_duplicated(services, county, fixture_bytes, clock):
    _import(services, fixture_bytes(STAFF), STAFF)
    amy_before = _people(services)["Amy Brown"]
    later = (
        b"Forename,Surname,Job title,E-mail address,School URN\r\n"
        b"Amy,Brown,DSL,AMY.BROWN@stmarys.sch.example,960001\r\n"
        b"Jane,Smith,DSL,jane.smith@renee.sch.example,960001\r\n"
        b"Jayne,Smith,DSL,,960001\r\n"
    )
    preview, _ = _import(services, later)
    assert preview.counts["moved"] == 1
    assert preview.counts["new_people"] == 1
    assert [(s.name, s.other_name) for s in preview.plan.suggestions] == [("Jayne Smith", "Jane Smith")]
    amy = _people(services)["Amy Brown"]
    assert amy.id == amy_before.id
    today = clock().date()
    held = {(m.setting_id, m.starts_on, m.ends_on) for m in services.directory.person(amy.id).roles}
    assert held == {
        (county[960002], None, date.fromordinal(today.toordinal() - 1)),
        (county[960001], today, None),
    }
    jane = _people(services)["Jane Smith"]
    assert Role.DEPUTY_DSL in {m.role for m in jane.roles if m.current}  # the list covers DSLs only


def test_a_mover_without_an_email_is_suggested_not_merged(services, county, make_person):
    before = make_person(
        role=Role.DSL, setting_id=county[960002], first_name="Rhys", last_name="Owen", email=None
    )
    preview, _ = _import(services, b"First name,Last name,Role,URN\r\nRhys,Owen,DSL,960001\r\n")
    assert preview.counts["new_people"] == 1
    [suggestion] = preview.plan.suggestions
    assert (suggestion.other_person_id, suggestion.score) == (before.id, 100)
    assert "St Mary’s – Ashmoor High School" in suggestion.setting_name


def test_people_no_longer_listed_at_a_school_have_that_role_ended(services, county, make_person):
    gone = make_person(role=Role.DSL, setting_id=county[960002], first_name="Old", last_name="Hand")
    governor = make_person(role=Role.GOVERNOR, setting_id=county[960002])
    preview, result = _import(services, b"First name,Last name,Role,URN\r\nNew,Lead,DSL,960002\r\n")
    assert [(e.person_name, e.reason) for e in preview.plan.ended] == [
        ("Old Hand", "no longer listed at this setting")
    ]
    assert result.roles_ended == 1
    assert not any(m.current for m in services.directory.person(gone.id).roles)
    assert all(m.current for m in services.directory.person(governor.id).roles)


def test_a_partial_list_can_keep_the_roles_it_does_not_show(services, county, make_person):
    kept = make_person(role=Role.DSL, setting_id=county[960002])
    data = b"First name,Last name,Role,URN\r\nNew,Lead,DSL,960002\r\n"
    mapping = services.imports.people_mapping(data, "new.csv").mapping
    preview = services.imports.preview_people(data, "new.csv", mapping, end_unlisted=False)
    assert preview.plan.ended == ()
    services.imports.apply_people(preview)
    assert all(m.current for m in services.directory.person(kept.id).roles)


def test_an_address_someone_else_holds_is_not_given_to_a_different_person(services, county, make_person):
    make_person(first_name="Real", last_name="Owner", email="shared@x.example")
    preview, _ = _import(
        services, b"First name,Last name,Role,URN,Email\r\nOther,Person,DSL,960001,shared@x.example\r\n"
    )
    assert preview.counts["new_people"] == 1
    assert any("belongs to Real Owner" in p.message for p in preview.problems)
    assert _people(services)["Other Person"].email is None


def test_apply_refuses_when_the_directory_changed_after_the_preview(
    services, county, fixture_bytes, make_person
):
    suggestion = services.imports.people_mapping(fixture_bytes(STAFF), STAFF)
    preview = services.imports.preview_people(fixture_bytes(STAFF), STAFF, suggestion.mapping)
    make_person(first_name="Amy", last_name="Brown", email="amy.brown@stmarys.sch.example")
    with pytest.raises(ConflictError, match="preview the file again"):
        services.imports.apply_people(preview)
    assert services.directory.count_people() == 1


# ------------------------------------------------------------------ the sample county


def test_the_sample_contacts_become_one_person_per_human(services, sample_data):
    old = (sample_data / "gias_county_2023layout.csv").read_bytes()
    services.imports.apply_settings(services.imports.preview_settings(old, "2023.csv", "990"))
    data = (sample_data / "contacts.csv").read_bytes()
    preview, result = _import(services, data, "contacts.csv")
    assert preview.counts["rows"] == 3024
    assert preview.counts["rejected"] == 0
    text = data.decode("utf-8-sig")
    contact_of_row = {
        n: r["ContactID"] for n, r in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2)
    }
    person_of_contact = {contact_of_row[row]: person for row, person in result.person_of_row.items()}
    defects = list(
        csv.DictReader(io.StringIO((sample_data / "truth" / "contacts_defects.csv").read_text("utf-8")))
    )
    duplicates = [d for d in defects if d["Defect"].startswith("duplicate")]
    assert len(duplicates) == 73
    assert all(person_of_contact[d["ContactID"]] == person_of_contact[d["Detail"]] for d in duplicates)
    truth = list(
        csv.DictReader(io.StringIO((sample_data / "truth" / "attendance_truth.csv").read_text("utf-8")))
    )
    contacts_of_person: dict[str, set[str]] = defaultdict(set)
    for row in truth:
        if row["person_id"]:
            contacts_of_person[row["person_id"]].update(row["contact_ids"].split(";"))
    for contacts in contacts_of_person.values():  # a head who is also the DSL is one person
        assert len({person_of_contact[c] for c in contacts}) == 1
    owner = {c: p for p, cs in contacts_of_person.items() for c in cs}
    people_found: dict[int, set[str]] = defaultdict(set)
    for contact, person in person_of_contact.items():
        if contact in owner:
            people_found[person].add(owner[contact])
    assert all(len(found) == 1 for found in people_found.values())  # nobody merged with someone else
    emails = [p.email for p in services.directory.people(PersonFilter())]
    assert "office@oaktree.example" not in emails
    assert len(set(result.person_of_row.values())) == result.added == 2840
