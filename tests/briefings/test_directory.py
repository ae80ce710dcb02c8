from __future__ import annotations

from datetime import date

import pytest

from briefings.directory import PersonFields, TopicFields, VenueFields
from briefings.errors import ConflictError, ValidationError
from briefings.queries.directory import PersonFilter, SettingFilter
from briefings.vocabulary import Phase, Role, SettingStatus


def test_email_is_unique_ignoring_case(services, make_person):
    first = make_person(email="J.Smith@School.example")
    with pytest.raises(ConflictError, match="already has the email") as caught:
        make_person(email="j.smith@school.EXAMPLE")
    assert caught.value.field == "email"
    assert first.full_name in caught.value.message
    assert services.directory.count_people() == 1


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "two@@x.example", "spa ce@x.example"])
def test_malformed_email_is_refused(make_person, email):
    with pytest.raises(ValidationError, match="does not look like an email"):
        make_person(email=email)


def test_people_without_email_are_allowed(services, make_person):
    make_person(email=None)
    make_person(email="  ")
    assert services.directory.count_people() == 2


def test_urn_unique_and_shaped(services, make_setting):
    make_setting(urn=960104)
    with pytest.raises(ConflictError, match="URN 960104 already belongs"):
        make_setting(urn=960104)
    with pytest.raises(ValidationError, match="6 or 7 digit"):
        make_setting(urn=42)


def test_person_moves_setting_as_a_move_not_a_second_person(services, make_person, make_setting):
    old, new = make_setting(name="Old School"), make_setting(name="New School")
    person = make_person(role=Role.DSL, setting_id=old.id)
    moved = services.directory.move_person(person.id, new.id, Role.DSL, date(2025, 9, 1))
    assert moved.places == "New School"
    former = [m for m in moved.roles if not m.current]
    assert [(m.setting_name, m.ends_on) for m in former] == [("Old School", date(2025, 8, 31))]
    assert services.directory.count_people() == 1
    assert [m.person_id for m in services.directory.setting_history(old.id, include_former=True).staff] == [
        person.id
    ]
    assert services.directory.setting_history(old.id).staff == ()


def test_membership_needs_exactly_one_place(services, make_person, make_setting):
    person = make_person()
    org = services.directory.add_organisation("Wyvernshire CAMHS", "health service")
    with pytest.raises(ValidationError, match="either a setting or an organisation"):
        services.directory.add_membership(person.id, Role.OTHER)
    with pytest.raises(ValidationError):
        services.directory.add_membership(
            person.id, Role.OTHER, setting_id=make_setting().id, organisation_id=org.id
        )
    row = services.directory.add_membership(person.id, Role.OTHER, organisation_id=org.id, job_title="Nurse")
    assert row.places == "Wyvernshire CAMHS"


def test_same_role_twice_is_refused_and_end_membership(services, make_person, make_setting):
    school = make_setting()
    person = make_person(role=Role.DSL, setting_id=school.id)
    with pytest.raises(ConflictError, match="already holds"):
        services.directory.add_membership(person.id, Role.DSL, setting_id=school.id)
    membership = services.directory.person(person.id).roles[0]
    ended = services.directory.end_membership(membership.id, date(2025, 9, 30))
    assert ended.current is False
    with pytest.raises(ConflictError, match="already ended"):
        services.directory.end_membership(membership.id, date(2025, 10, 1))


def test_directory_filters(services, make_setting, make_person):
    a = make_setting(name="Ashdown Primary", district="North", phase=Phase.PRIMARY)
    b = make_setting(name="Beacon High", district="South", phase=Phase.SECONDARY)
    make_setting(name="Closed Infants", status=SettingStatus.CLOSED, closed_on=date(2024, 8, 31))
    assert [s.name for s in services.directory.settings(SettingFilter(district="North"))] == [
        "Ashdown Primary"
    ]
    assert [s.name for s in services.directory.settings(SettingFilter(text="beacon"))] == ["Beacon High"]
    assert [s.name for s in services.directory.settings(SettingFilter(openness="closed"))] == [
        "Closed Infants"
    ]
    assert [s.name for s in services.directory.settings(SettingFilter(text=str(a.urn)))] == [
        "Ashdown Primary"
    ]
    dsl = make_person(first_name="Zoë", last_name="Brontë", role=Role.DSL, setting_id=a.id)
    make_person(role=Role.GOVERNOR, setting_id=b.id)
    assert [p.id for p in services.directory.people(PersonFilter(role=Role.DSL))] == [dsl.id]
    assert [p.id for p in services.directory.people(PersonFilter(text="zoë bron"))] == [dsl.id]
    assert [p.id for p in services.directory.people(PersonFilter(district="North"))] == [dsl.id]
    assert services.directory.districts() == ["North", "South"]


def test_venue_and_topic_rules(services):
    services.directory.add_venue(VenueFields("Wyvern Hall", room_capacity=60))
    with pytest.raises(ConflictError, match="already exists"):
        services.directory.add_venue(VenueFields("wyvern hall"))
    with pytest.raises(ValidationError, match="at least 1"):
        services.directory.add_venue(VenueFields("Tiny Room", room_capacity=0))
    topic = services.directory.add_topic(TopicFields("Domestic abuse", colour="#aa3300"))
    assert topic.code == "domestic_abuse"
    assert not topic.builtin
    with pytest.raises(ValidationError, match="colour"):
        services.directory.add_topic(TopicFields("Gangs", colour="red"))


def test_builtin_topics_come_with_every_database(services):
    codes = {t.code: t for t in services.briefings.topics()}
    assert {
        "dsl_update",
        "dsl_new",
        "rse",
        "pshe",
        "prevent",
        "hsb",
        "mental_health",
        "online_safety",
    } <= set(codes)
    assert codes["dsl_update"].counts_as_refresh
    assert codes["dsl_new"].counts_as_formal_training
    assert not codes["rse"].counts_as_refresh


def test_erased_person_cannot_be_edited(services, make_person, db):
    from datetime import UTC, datetime

    from models.people import Person

    person = make_person()
    with db.sessions.begin() as session:
        session.get(Person, person.id).erased_at = datetime(2025, 1, 1, tzinfo=UTC)
    with pytest.raises(ConflictError, match="erased"):
        services.directory.update_person(person.id, PersonFields("A", "B"))


def test_ended_role_can_be_reopened(services, make_person, make_setting):
    school = make_setting()
    person = make_person(role=Role.DSL, setting_id=school.id)
    membership = services.directory.person(person.id).roles[0]
    services.directory.end_membership(membership.id, date(2025, 9, 30))
    reopened = services.directory.reopen_membership(membership.id)
    assert [(m.role, m.ends_on, m.current) for m in reopened.roles] == [(Role.DSL, None, True)]
    with pytest.raises(ConflictError, match="has not ended"):
        services.directory.reopen_membership(membership.id)


def test_reopening_is_refused_when_the_role_was_given_again(services, make_person, make_setting):
    school = make_setting()
    person = make_person(role=Role.DSL, setting_id=school.id)
    membership = services.directory.person(person.id).roles[0]
    services.directory.end_membership(membership.id, date(2025, 9, 30))
    services.directory.add_membership(person.id, Role.DSL, setting_id=school.id)
    with pytest.raises(ConflictError, match="holds this role there again") as caught:
        services.directory.reopen_membership(membership.id)
    assert caught.value.field == "membership_id"
    ended = [m for m in services.directory.person(person.id).roles if m.id == membership.id]
    assert ended[0].ends_on == date(2025, 9, 30)


def test_a_move_can_be_undone(services, make_person, make_setting):
    old, new = make_setting(name="Old School"), make_setting(name="New School")
    person = make_person(role=Role.DSL, setting_id=old.id)
    services.directory.add_membership(person.id, Role.GOVERNOR, setting_id=old.id, starts_on=date(2024, 9, 1))
    before = services.directory.person(person.id)
    outcome = services.directory.move(person.id, new.id, Role.DSL, date(2025, 9, 1))
    assert outcome.person.places == "New School"
    assert {membership_id for membership_id, _ in outcome.ended} == {m.id for m in before.roles}
    restored = services.directory.undo_move(outcome)
    assert restored.roles == before.roles
    assert services.directory.setting_history(new.id, include_former=True).staff == ()


def test_directories_sort_in_sql(services, make_setting, make_person):
    make_setting(name="Beacon High", district="South")
    make_setting(name="Ashdown Primary", district="North")
    make_setting(name="Cedar Infants", district=None)
    by_district = services.directory.settings(SettingFilter(sort="district", descending=True))
    assert [s.name for s in by_district] == ["Beacon High", "Ashdown Primary", "Cedar Infants"]
    make_person(first_name="Zed", last_name="Adams", email="b@x.example")
    make_person(first_name="Amy", last_name="Young", email="a@x.example")
    assert [p.first_name for p in services.directory.people(PersonFilter(sort="first_name"))] == [
        "Amy",
        "Zed",
    ]
    assert [p.first_name for p in services.directory.people(PersonFilter())] == ["Zed", "Amy"]
    assert [p.email for p in services.directory.people(PersonFilter(sort="email", limit=1, offset=1))] == [
        "b@x.example"
    ]
    with pytest.raises(ValidationError, match="cannot be sorted"):
        services.directory.people(PersonFilter(sort="phone"))  # type: ignore[arg-type]


def test_people_at_a_setting_match_on_one_role_not_any(services, make_setting, make_person):
    here, there = make_setting(name="Here Primary"), make_setting(name="There High")
    stayed = make_person(role=Role.GOVERNOR, setting_id=here.id)
    moved = make_person(role=Role.DSL, setting_id=here.id)
    services.directory.move(moved.id, there.id, Role.DSL, date(2025, 9, 1))
    assert [p.id for p in services.directory.people(PersonFilter(setting_id=here.id))] == [stayed.id]
    with_former = services.directory.people(PersonFilter(setting_id=here.id, include_former=True))
    assert {p.id for p in with_former} == {stayed.id, moved.id}
    # A DSL somewhere and a governor here is not "a DSL here".
    assert services.directory.count_people(PersonFilter(setting_id=here.id, role=Role.DSL)) == 0
    assert services.directory.count_people(PersonFilter(setting_id=there.id, role=Role.DSL)) == 1
