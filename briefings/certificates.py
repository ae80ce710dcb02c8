"""Certificates of attendance: who earns one, recording them (a re-issue is identical), verifying.

A certificate is recorded the first time it is issued, with the details it states frozen; every
later issue prints the record, not the current data, so the same certificate always reads the
same. Its number carries an HMAC check over those details (see :mod:`briefings.certificate_numbers`)
keyed with a secret this database makes on first use.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefings.certificate_numbers import (
    CertificateNumber,
    CertifiedDetails,
    new_signing_key,
    number_for,
    parse_number,
    qr_payload,
)
from briefings.clock import require_aware, to_london
from briefings.document_preferences import MINIMUM_MINUTES, SIGNING_KEY, minimum_minutes
from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from briefings.preferences import get_preference, set_preference
from briefings.register_order import sign_in_key
from models.briefings import Briefing
from models.certificates import Certificate
from models.enums import Attendance, BookingStatus, BriefingStatus
from models.people import Person
from models.registrations import Registration
from models.settings import Setting

_KEY_SHAPE = re.compile(r"^[0-9a-f]{64}$")
_Booked = tuple[Registration, Person | None, Setting | None]


@dataclass(frozen=True)
class CertificateRow:
    """One recorded certificate: its number, what it certifies, and when it was first issued."""

    number: str
    registration_id: int | None
    details: CertifiedDetails
    issued_at: datetime

    def payload(self, issuer: str | None = None) -> str:
        """The text its QR code carries."""
        return qr_payload(_parsed(self.number), self.details, issuer)


@dataclass(frozen=True)
class IssuedCertificates:
    """The certificates of one briefing (in sign-in order), who has none and why, and notes."""

    certificates: tuple[CertificateRow, ...]
    skipped: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Candidate:
    registration: Registration
    details: CertifiedDetails
    existing: Certificate | None


@dataclass(frozen=True)
class _Plan:
    candidates: tuple[_Candidate, ...]
    skipped: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def missing(self) -> list[_Candidate]:
        return [c for c in self.candidates if c.existing is None]


def certificates_needing_issue(session: Session, briefing_id: int, now: datetime) -> int:
    """How many people have earned a certificate that has not been recorded yet."""
    return len(_plan(session, briefing_id, now).missing)


def issue_certificates(session: Session, briefing_id: int, now: datetime) -> IssuedCertificates:
    """Record a certificate for everyone who earned one and has none; return them all.

    Earning one: booked, marked present or late, for at least the minimum minutes (a preference).
    Certificates already recorded are returned as recorded, even if a name has changed since.
    """
    plan = _plan(session, briefing_id, now)
    if plan.missing:
        key = ensure_signing_key(session)
        for candidate in plan.missing:
            certificate = _record(session, candidate, now)
            certificate.number = str(number_for(key, certificate.id, candidate.details))
        session.flush()
        plan = _plan(session, briefing_id, now)
    rows = tuple(certificate_row(c.existing) for c in plan.candidates if c.existing is not None)
    return IssuedCertificates(rows, plan.skipped, plan.notes)


def briefing_certificates(session: Session, briefing_id: int) -> list[CertificateRow]:
    """Certificates recorded for a briefing's bookings, by number."""
    query = (
        select(Certificate)
        .join(Registration, Certificate.registration_id == Registration.id)
        .where(Registration.briefing_id == briefing_id)
        .order_by(Certificate.id)
    )
    return [certificate_row(c) for c in session.scalars(query)]


def signing_key(session: Session) -> str | None:
    """The database's secret for certificate checks (None before the first certificate)."""
    key = get_preference(session, SIGNING_KEY)
    if key is not None and (not isinstance(key, str) or not _KEY_SHAPE.match(key)):
        raise ValidationError(
            "The stored certificate key is damaged, so certificates cannot be issued or checked",
            SIGNING_KEY,
        )
    return key


def ensure_signing_key(session: Session) -> str:
    """The database's secret for certificate checks, made on first use."""
    key = signing_key(session)
    if key is None:
        key = new_signing_key()
        set_preference(session, SIGNING_KEY, key)
    return key


def certificate_row(certificate: Certificate) -> CertificateRow:
    """A recorded certificate as a row."""
    return CertificateRow(
        number=certificate.number,
        registration_id=certificate.registration_id,
        details=certified_details(certificate),
        issued_at=to_london(certificate.issued_at),
    )


def certified_details(certificate: Certificate) -> CertifiedDetails:
    """The details a recorded certificate states."""
    return CertifiedDetails(
        person_name=certificate.person_name,
        setting_name=certificate.setting_name,
        briefing_title=certificate.briefing_title,
        briefing_date=certificate.briefing_date,
        minutes=certificate.minutes,
        cpd_hours=certificate.cpd_hours,
    )


def cpd_hours_for(topic_hours: float, minutes: int, session_minutes: int) -> float:
    """The topic's CPD hours for the whole session; pro rata (down to the quarter hour) for less."""
    if session_minutes <= 0 or minutes >= session_minutes:
        return topic_hours
    return math.floor(topic_hours * minutes / session_minutes * 4) / 4


def _plan(session: Session, briefing_id: int, now: datetime) -> _Plan:
    require_aware(now, "now")
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is BriefingStatus.CANCELLED:
        raise ConflictError(f"“{briefing.title}” was cancelled; nobody attended it", "briefing_id")
    if briefing.starts_at > now:
        raise ConflictError(f"“{briefing.title}” has not taken place yet", "briefing_id")
    least = minimum_minutes(get_preference(session, MINIMUM_MINUTES))
    booked = _booked(session, briefing.id)
    recorded = _recorded(session, [r.id for r, _, _ in booked])
    candidates: list[_Candidate] = []
    skipped: list[str] = []
    notes: list[str] = []
    for registration, person, setting in booked:
        existing = recorded.get(registration.id)
        earned = _earned(briefing, registration, person, setting, least)
        if isinstance(earned, CertifiedDetails):
            candidates.append(_Candidate(registration, earned, existing))
            if existing is not None and certified_details(existing) != earned:
                notes.append(_changed_note(existing))
        elif existing is not None:
            # Attendance was corrected after issue: the record stays, so the number still verifies.
            notes.append(
                f"Certificate {existing.number} was issued to {existing.person_name}, who is no longer "
                f"eligible ({earned or 'not marked present or late'}); it is not issued again"
            )
        elif earned:
            skipped.append(f"{person.full_name if person else '(anonymised)'}: {earned}")
    return _Plan(tuple(candidates), tuple(skipped), tuple(notes))


def _earned(
    briefing: Briefing, registration: Registration, person: Person | None, setting: Setting | None, least: int
) -> CertifiedDetails | str | None:
    """The details to certify, or why not (None when there is nothing worth saying: absent)."""
    attendance = registration.attendance
    if attendance in (Attendance.ABSENT, Attendance.APOLOGIES):
        return None
    if person is None:
        return "the booking has been anonymised"
    minutes = _minutes_earned(briefing, registration, least)
    if isinstance(minutes, str):
        return minutes
    return CertifiedDetails(
        person_name=person.full_name,
        setting_name=setting.name if setting else None,
        briefing_title=briefing.title,
        briefing_date=to_london(briefing.starts_at).date(),
        minutes=minutes,
        cpd_hours=cpd_hours_for(briefing.topic.cpd_hours, minutes, briefing.minutes),
    )


def _minutes_earned(briefing: Briefing, registration: Registration, least: int) -> int | str:
    """Minutes to certify (never more than the session), or why none are."""
    attendance = registration.attendance
    if attendance is None:
        return "attendance has not been recorded"
    if attendance is Attendance.LEFT_EARLY:
        return "marked as having left early"
    minutes = registration.minutes_attended
    if minutes is None:
        if attendance is Attendance.LATE:
            return "marked late with no minutes attended recorded"
        minutes = briefing.minutes
    minutes = min(minutes, briefing.minutes)
    if minutes < least:
        return f"attended {minutes} minutes; a certificate needs {least}"
    return minutes


def _booked(session: Session, briefing_id: int) -> list[_Booked]:
    query = (
        select(Registration, Person, Setting)
        .join(Person, Registration.person_id == Person.id, isouter=True)
        .join(Setting, Registration.setting_id == Setting.id, isouter=True)
        .where(Registration.briefing_id == briefing_id, Registration.status == BookingStatus.BOOKED)
    )
    found: list[_Booked] = [(r, p, s) for r, p, s in session.execute(query)]
    found.sort(
        key=lambda t: sign_in_key(
            t[2].name if t[2] else None,
            t[1].last_name if t[1] else "",
            t[1].first_name if t[1] else "",
            t[0].id,
        )
    )
    return found


def _recorded(session: Session, registration_ids: list[int]) -> dict[int, Certificate]:
    recorded: dict[int, Certificate] = {}
    for start in range(0, len(registration_ids), 900):  # SQLite's bound-parameter limit
        chunk = registration_ids[start : start + 900]
        for certificate in session.scalars(select(Certificate).where(Certificate.registration_id.in_(chunk))):
            if certificate.registration_id is not None:
                recorded[certificate.registration_id] = certificate
    return recorded


def _record(session: Session, candidate: _Candidate, now: datetime) -> Certificate:
    details = candidate.details
    certificate = Certificate(
        # The number depends on the id, which the insert gives; a unique placeholder until then.
        number=f"pending-{uuid.uuid4().hex}",
        registration_id=candidate.registration.id,
        person_name=details.person_name,
        setting_name=details.setting_name,
        briefing_title=details.briefing_title,
        briefing_date=details.briefing_date,
        minutes=details.minutes,
        cpd_hours=details.cpd_hours,
        issued_at=now,
    )
    session.add(certificate)
    session.flush()
    return certificate


def _changed_note(existing: Certificate) -> str:
    return (
        f"Certificate {existing.number} keeps the details it was first issued with "
        f"({existing.person_name}, {existing.briefing_date:%d %B %Y}), although they have changed since"
    )


def _parsed(number: str) -> CertificateNumber:
    parsed = parse_number(number)
    if parsed is None:  # only a record edited by hand outside the app could get here
        raise ValidationError(f"“{number}” is not a certificate number", "number")
    return parsed
