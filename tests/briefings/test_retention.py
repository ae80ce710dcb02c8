from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from briefings.errors import ReadOnlyError, ValidationError
from briefings.privacy.erasure import NAME_REMOVED
from briefings.privacy.retention import RetentionPolicy
from briefings.queries.audit import AuditFilter
from briefings.services import Services
from models.audit import AuditEvent
from models.certificates import Certificate
from models.invites import InviteSent
from models.licences import LicenceAllocation
from models.registrations import Registration
from tests.storage_checks import table_dump

WHOLE_HISTORY = (datetime(2016, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))


def test_the_default_policy_is_six_years_for_everything(services):
    assert services.privacy.retention_policy() == RetentionPolicy(6, 6, 6)


@pytest.mark.parametrize(
    ("policy", "field"),
    [(RetentionPolicy(booking_years=0), "booking_years"), (RetentionPolicy(people_years=101), "people_years"),
     (RetentionPolicy(audit_years=True), "audit_years")],  # type: ignore[arg-type]
)  # fmt: skip
def test_a_policy_out_of_range_is_refused_by_field(services, policy, field):
    with pytest.raises(ValidationError) as caught:
        services.privacy.set_retention_policy(policy)
    assert caught.value.field == field
    assert services.privacy.retention_policy() == RetentionPolicy()


def test_the_preview_shows_what_would_go_and_changes_nothing(services, db, county):
    before = table_dump(db.path)
    preview = services.privacy.retention_preview()
    assert table_dump(db.path) == before
    assert (preview.booking_cutoff, preview.people_cutoff, preview.audit_cutoff) == (date(2019, 10, 1),) * 3
    assert [(b.title, b.bookings) for b in preview.briefings] == [
        ("DSL update spring 2017", 4),
        ("RSE in practice", 3),
    ]
    assert (preview.bookings, preview.certificates, preview.recording_links, preview.invitations) == (
        7,
        2,
        1,
        2,
    )
    assert (preview.licence_allocations, preview.people) == (1, 2)
    assert [(p.name, p.last_booked) for p in preview.people_listed] == [
        ("Eve Marsh", date(2018, 11, 20)), ("Dev Patel", date(2018, 11, 20))
    ]  # fmt: skip
    assert preview.audit_entries > 0
    assert preview.lines()[0].startswith("Bookings on briefings that ended before 1 October 2019: 7 lose")


def test_applying_removes_old_personal_details_and_keeps_the_counts(services, db, county):
    before = services.compliance.attendance_by_district(*WHOLE_HISTORY)
    preview = services.privacy.retention_preview()
    done = services.privacy.apply_retention()
    assert done == preview
    assert services.compliance.attendance_by_district(*WHOLE_HISTORY) == before
    with db.sessions() as session:
        linked = session.execute(select(Registration.id).where(Registration.person_id.is_not(None))).scalars()
        assert set(linked) == {
            county.registrations[k] for k in county.registrations if k[0] in ("recent", "future")
        }
        names = dict(session.execute(select(Certificate.number, Certificate.person_name)).all())
        assert names == {"WYV-0001": NAME_REMOVED, "WYV-0002": NAME_REMOVED, "WYV-0003": "Amy Okafor"}
        assert session.scalar(select(func.count()).select_from(InviteSent)) == 1
        allocations = dict(session.execute(select(LicenceAllocation.id, LicenceAllocation.person_id)).all())
        assert allocations == {
            county.allocations["dev"]: None,
            county.allocations["amy"]: county.people["amy"],
        }
        oldest = session.scalar(select(func.min(AuditEvent.at)))
    assert oldest >= datetime(2019, 9, 30, 23, tzinfo=UTC)
    assert services.directory.person(county.people["dev"]).erased
    assert services.directory.person(county.people["eve"]).erased
    assert not services.directory.person(county.people["cara"]).erased  # booked in 2024
    assert not services.directory.person(county.people["gus"]).erased  # still in post at the MASH
    assert [a.person_id for a in services.recordings.accesses(county.recordings["recent"])] == [
        county.people["fay"]
    ]
    assert services.privacy.retention_preview().nothing_to_do


def test_applying_is_one_audit_entry_that_survives_its_own_run(services, county):
    services.context.actor = "dpo"
    services.privacy.apply_retention()
    entries = services.audit.events(AuditFilter(action="retention"))
    assert [(e.actor, e.summary) for e in entries] == [
        ("dpo", "Applied the retention policy: 7 bookings anonymised, 2 people erased")
    ]
    assert entries[0].details["policy"] == {"booking_years": 6, "people_years": 6, "audit_years": 6}
    assert entries[0].details["rows"]["people"] == {"changed": 2}


def test_a_policy_that_keeps_things_for_ever_leaves_them(services, db, county):
    services.privacy.set_retention_policy(
        RetentionPolicy(booking_years=None, people_years=None, audit_years=3)
    )
    preview = services.privacy.retention_preview()
    assert (preview.bookings, preview.people, preview.booking_cutoff) == (0, 0, None)
    assert preview.audit_cutoff == date(2022, 10, 1)
    services.privacy.apply_retention()
    with db.sessions() as session:
        assert session.scalar(select(func.count()).where(Registration.person_id.is_(None))) == 0


def test_a_read_only_copy_cannot_apply_the_policy(db, clock, county):
    reader = Services.build(db.sessions, clock=clock, read_only_reason="Read-only: open elsewhere.")
    assert reader.privacy.retention_preview().bookings == 7
    with pytest.raises(ReadOnlyError):
        reader.privacy.apply_retention()
