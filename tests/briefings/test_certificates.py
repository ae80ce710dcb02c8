from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from briefings.certificate_numbers import parse_number, qr_payload
from briefings.certificate_verification import VerificationStatus
from briefings.certificates import cpd_hours_for
from briefings.directory import PersonFields
from briefings.document_preferences import MINIMUM_MINUTES, SIGNING_KEY
from briefings.errors import ConflictError, ReadOnlyError, ValidationError
from briefings.services import Services
from briefings.vocabulary import Attendance
from models.certificates import Certificate
from tests.attendance_scenario import Attendee, hold_briefing


@pytest.fixture
def held(services, clock, make_briefing):
    return hold_briefing(services, clock, make_briefing)


def test_present_and_late_people_get_certificates_in_sign_in_order(services, held):
    issued = services.certificates.issue(held.briefing.id)
    names = [c.details.person_name for c in issued.certificates]
    expected = [r.person_name for r in held.register if r.attendance in (Attendance.PRESENT, Attendance.LATE)]
    assert names == expected
    assert "Sam Absent" not in names
    assert "Zoë Brontë" in names


def test_those_without_a_certificate_are_listed_with_the_reason(services, held):
    issued = services.certificates.issue(held.briefing.id)
    assert "CON <b>NUL</b> & co: marked as having left early" in issued.skipped
    assert "Una Marked: attendance has not been recorded" in issued.skipped
    assert not any("Sam Absent" in s for s in issued.skipped)  # absence needs no explanation


def test_certified_details_come_from_the_day(services, held):
    issued = services.certificates.issue(held.briefing.id)
    late = next(c for c in issued.certificates if c.details.person_name == "Jo Ó Súilleabháin")
    assert late.details.briefing_date == date(2025, 10, 8)
    assert late.details.minutes == 90
    assert late.details.cpd_hours == 1.5  # 2 CPD hours pro rata for 90 of 120 minutes
    assert late.details.setting_name == "Ysgol Gymraeg Awel y Môr"
    present = next(c for c in issued.certificates if c.details.person_name == "Zoë Brontë")
    assert (present.details.minutes, present.details.cpd_hours) == (120, 2.0)


def test_reissuing_returns_the_same_certificates_and_records_nothing_new(services, held, db):
    first = services.certificates.issue(held.briefing.id)
    again = services.certificates.issue(held.briefing.id)
    assert again.certificates == first.certificates
    with db.sessions() as session:
        assert session.query(Certificate).count() == len(first.certificates)


def test_numbers_are_unique(services, held):
    numbers = [c.number for c in services.certificates.issue(held.briefing.id).certificates]
    assert len(set(numbers)) == len(numbers)


def test_a_reissue_keeps_the_certified_name_after_it_changes(services, held):
    first = services.certificates.issue(held.briefing.id)
    row = held.row_of("Zoë Brontë")
    services.directory.update_person(
        row.person_id, PersonFields(first_name="Zoë", last_name="Brontë-Hughes", email=row.email)
    )
    again = services.certificates.issue(held.briefing.id)
    assert again.certificates == first.certificates
    assert any("keeps the details it was first issued with" in n for n in again.notes)


def test_a_certificate_issued_before_attendance_was_corrected_stays_on_record(services, held):
    first = services.certificates.issue(held.briefing.id)
    row = held.row_of("Aoife O'Brien")
    services.bookings.mark(row.registration_id, Attendance.ABSENT)
    again = services.certificates.issue(held.briefing.id)
    assert "Aoife O'Brien" not in [c.details.person_name for c in again.certificates]
    assert any("no longer eligible" in n for n in again.notes)
    number = next(c.number for c in first.certificates if c.details.person_name == "Aoife O'Brien")
    assert services.certificates.verify(number).valid


def test_the_minimum_minutes_preference_leaves_short_attendance_out(services, held):
    services.preferences.set(MINIMUM_MINUTES, 100)
    issued = services.certificates.issue(held.briefing.id)
    assert "Jo Ó Súilleabháin" not in [c.details.person_name for c in issued.certificates]
    assert "Jo Ó Súilleabháin: attended 90 minutes; a certificate needs 100" in issued.skipped


def test_a_bad_minimum_minutes_preference_is_refused_by_name(services, held):
    services.preferences.set(MINIMUM_MINUTES, "lots")
    with pytest.raises(ValidationError) as caught:
        services.certificates.issue(held.briefing.id)
    assert caught.value.field == MINIMUM_MINUTES


def test_late_without_minutes_is_not_certified_for_the_whole_session(services, clock, make_briefing):
    held = hold_briefing(
        services, clock, make_briefing, [Attendee("Lee", "Late", "A School", attendance=Attendance.LATE)]
    )
    issued = services.certificates.issue(held.briefing.id)
    assert issued.certificates == ()
    assert issued.skipped == ("Lee Late: marked late with no minutes attended recorded",)


def test_certificates_wait_until_the_briefing_has_happened(services, make_briefing, make_person):
    briefing = make_briefing()
    services.bookings.book(briefing.id, make_person().id)
    with pytest.raises(ConflictError, match="has not taken place yet"):
        services.certificates.issue(briefing.id)


def test_a_cancelled_briefing_has_no_certificates(services, make_briefing):
    briefing = make_briefing()
    services.briefings.cancel(briefing.id, "Snow")
    with pytest.raises(ConflictError, match="was cancelled"):
        services.certificates.issue(briefing.id)


def test_reissuing_works_on_a_read_only_database(services, held, db, clock):
    first = services.certificates.issue(held.briefing.id)
    read_only = Services.build(db.sessions, clock=clock, read_only=True)
    assert read_only.certificates.issue(held.briefing.id).certificates == first.certificates


def test_issuing_new_certificates_on_a_read_only_database_is_refused(held, db, clock):
    read_only = Services.build(db.sessions, clock=clock, read_only=True)
    with pytest.raises(ReadOnlyError):
        read_only.certificates.issue(held.briefing.id)


@pytest.mark.parametrize(
    ("topic_hours", "minutes", "session", "expected"),
    [(2.0, 120, 120, 2.0), (2.0, 90, 120, 1.5), (2.0, 100, 120, 1.5), (3.0, 10, 180, 0.0), (1.0, 60, 0, 1.0)],
)
def test_cpd_hours_are_pro_rata_down_to_the_quarter_hour(topic_hours, minutes, session, expected):
    assert cpd_hours_for(topic_hours, minutes, session) == expected


# ---------------------------------------------------------------- verification


def issued_for(services, held, name):
    issued = services.certificates.issue(held.briefing.id)
    return next(c for c in issued.certificates if c.details.person_name == name)


def test_a_genuine_number_verifies_and_shows_what_it_certified(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    verdict = services.certificates.verify(certificate.number)
    assert verdict.status is VerificationStatus.VALID
    assert verdict.certificate == certificate
    assert "Zoë Brontë" in verdict.message
    assert "St Thomas à Becket" in verdict.message


def test_a_number_typed_loosely_still_verifies(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    assert services.certificates.verify(certificate.number.lower().replace("-", " ")).valid


def test_the_scanned_qr_text_verifies(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    assert services.certificates.verify(certificate.payload("Wyvernshire County Council")).valid


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [("Name: Zoë Brontë", "Name: Zoe Smith", "name"), ("Date: 2025-10-08", "Date: 2025-11-08", "date")],
)
def test_a_qr_text_with_an_edited_name_or_date_fails(services, held, old, new, label):
    certificate = issued_for(services, held, "Zoë Brontë")
    tampered = certificate.payload().replace(old, new)
    verdict = services.certificates.verify(tampered)
    assert verdict.status is VerificationStatus.MISMATCH
    assert verdict.differences == (label,)
    assert f"its {label} does not match" in verdict.message
    assert verdict.certificate == certificate  # shows what it really certified


def test_a_forged_qr_text_under_a_real_number_fails_on_the_check(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    forged = qr_payload(parse_number(certificate.number), replace(certificate.details, minutes=600))
    verdict = services.certificates.verify(forged)
    assert verdict.status is VerificationStatus.MISMATCH
    assert verdict.differences == ("minutes",)


def test_details_read_off_the_paper_are_compared(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    same = services.certificates.verify(certificate.number, {"person_name": "zoë  BRONTË"})
    assert same.valid
    other = services.certificates.verify(
        certificate.number, {"person_name": "Zoë Brontë", "briefing_date": "2025-10-09"}
    )
    assert other.differences == ("date",)


def test_a_record_altered_in_the_database_fails(services, held, db):
    certificate = issued_for(services, held, "Zoë Brontë")
    with db.sessions.begin() as session:
        session.execute(
            update(Certificate)
            .where(Certificate.number == certificate.number)
            .values(person_name="Someone Else")
        )
    verdict = services.certificates.verify(certificate.number)
    assert verdict.status is VerificationStatus.MISMATCH
    assert "altered" in verdict.message
    assert verdict.certificate is None


def test_a_mistyped_check_is_unknown(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    last = certificate.number[-1]
    wrong = certificate.number[:-1] + ("A" if last != "A" else "B")
    verdict = services.certificates.verify(wrong)
    assert verdict.status is VerificationStatus.UNKNOWN
    assert "No certificate numbered" in verdict.message


def test_a_number_never_issued_is_unknown(services, held):
    issued_for(services, held, "Zoë Brontë")
    assert services.certificates.verify("2025-999999-ABCD-EFGH").status is VerificationStatus.UNKNOWN


def test_before_any_certificate_every_number_is_unknown(services):
    assert services.certificates.verify("2025-000001-ABCD-EFGH").status is VerificationStatus.UNKNOWN


def test_text_that_is_not_a_number_is_malformed(services):
    verdict = services.certificates.verify("not a number at all")
    assert verdict.status is VerificationStatus.MALFORMED
    assert "look like" in verdict.message


def test_a_damaged_key_is_reported_not_guessed(services, held):
    certificate = issued_for(services, held, "Zoë Brontë")
    services.preferences.set(SIGNING_KEY, "not hex")
    with pytest.raises(ValidationError) as caught:
        services.certificates.verify(certificate.number)
    assert caught.value.field == SIGNING_KEY


def test_the_key_is_made_once_and_kept(services, held, clock):
    services.certificates.issue(held.briefing.id)
    key = services.preferences.get(SIGNING_KEY)
    clock.advance(timedelta(days=1))
    services.certificates.issue(held.briefing.id)
    assert services.preferences.get(SIGNING_KEY) == key
    assert len(key) == 64


def test_the_register_shows_each_booking_its_certificate_once_issued(services, held):
    assert all(r.certificate_number is None for r in services.briefings.register(held.briefing.id))
    issued = services.certificates.issue(held.briefing.id)
    numbers = {c.registration_id: c.number for c in issued.certificates}
    register = services.briefings.register(held.briefing.id)
    assert {r.registration_id: r.certificate_number for r in register if r.certificate_number} == numbers
    assert held.row_of("Sam Absent").registration_id not in numbers
