"""The retention policy: how long personal details are kept, previewed and then applied on request.

Three periods, each in whole years and each optional (None keeps things indefinitely):

- ``booking_years``: bookings on briefings that ended longer ago lose the link to the person
  and their notes (briefing, setting, role and attendance stay, so counts still add up);
  certificates lose the printed name; recording links given and invitation records that old
  are unlinked or deleted; licence allocations that ended that long ago are unlinked.
- ``people_years``: people not heard of for that long (no booking, role, licence, recording link
  or presenting since, and added before then) are erased as ``erasure`` erases.
- ``audit_years``: audit entries older than that are deleted.

Nothing happens until the advisor asks; ``retention_preview`` shows what would go first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.orm import Session

from briefings.audit_trail import summarised
from briefings.clock import london_today, to_london
from briefings.errors import ValidationError
from briefings.preferences import get_preference, set_preference
from briefings.privacy.erasure import NAME_REMOVED, erase_details
from briefings.privacy.retention_rules import (
    Cutoffs,
    dormant_people,
    stale_access,
    stale_allocation,
    stale_booking,
    stale_certificate,
)
from models.audit import AuditEvent
from models.briefings import Briefing
from models.certificates import Certificate
from models.invites import InviteSent
from models.licences import LicenceAllocation
from models.people import Person
from models.recordings import RecordingAccess
from models.registrations import Registration

POLICY_KEY = "privacy.retention"
MOST_YEARS = 100
PREVIEW_PEOPLE = 200


@dataclass(frozen=True)
class RetentionPolicy:
    """How many years personal details are kept (None: indefinitely)."""

    booking_years: int | None = 6
    people_years: int | None = 6
    audit_years: int | None = 6

    def checked(self) -> RetentionPolicy:
        """The policy, or a ValidationError naming the period at fault."""
        for name, label in (
            ("booking_years", "Bookings"),
            ("people_years", "People"),
            ("audit_years", "Audit"),
        ):
            years = getattr(self, name)
            if years is None:
                continue
            if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MOST_YEARS:
                raise ValidationError(f"{label}: keep for 1 to {MOST_YEARS} years, or for ever", name)
        return self

    def as_stored(self) -> dict[str, int | None]:
        """The JSON kept in preferences."""
        return {
            "booking_years": self.booking_years,
            "people_years": self.people_years,
            "audit_years": self.audit_years,
        }

    @classmethod
    def from_stored(cls, value: Any) -> RetentionPolicy:
        """The policy in preferences (the defaults when none or a damaged one is stored)."""
        if not isinstance(value, dict):
            return cls()
        try:
            return cls(
                **{
                    k: value.get(k, getattr(cls(), k))
                    for k in ("booking_years", "people_years", "audit_years")
                }
            ).checked()
        except ValidationError:
            return cls()


@dataclass(frozen=True)
class BriefingTally:
    """A briefing whose bookings would lose their personal details."""

    briefing_id: int
    title: str
    starts_at: datetime
    bookings: int


@dataclass(frozen=True)
class DormantPerson:
    """Someone not heard of within the retention period."""

    person_id: int
    name: str
    last_booked: date | None


@dataclass(frozen=True)
class RetentionPreview:
    """What applying the policy today would change (or, after applying, did change)."""

    policy: RetentionPolicy
    today: date
    booking_cutoff: date | None
    people_cutoff: date | None
    audit_cutoff: date | None
    bookings: int
    briefings: tuple[BriefingTally, ...]
    certificates: int
    recording_links: int
    invitations: int
    licence_allocations: int
    people: int
    people_listed: tuple[DormantPerson, ...]
    audit_entries: int

    @property
    def nothing_to_do(self) -> bool:
        """Whether the policy would change nothing."""
        counts = (self.bookings, self.certificates, self.recording_links, self.invitations)
        return not any((*counts, self.licence_allocations, self.people, self.audit_entries))

    def lines(self) -> list[str]:
        """The preview as sentences."""
        lines = []
        if self.booking_cutoff is not None:
            lines += [
                f"Bookings on briefings that ended before {_day(self.booking_cutoff)}: "
                f"{self.bookings} lose the person's name and notes (attendance counts are kept) "
                f"across {len(self.briefings)} briefings.",
                f"Certificates from before then: {self.certificates} lose the printed name.",
                f"Recording links given and licence allocations ended before then: "
                f"{self.recording_links} and {self.licence_allocations} are unlinked from the person.",
                f"Calendar invitation records sent before then: {self.invitations} are deleted.",
            ]
        if self.people_cutoff is not None:
            lines.append(f"People not heard of since {_day(self.people_cutoff)}: {self.people} are erased.")
        if self.audit_cutoff is not None:
            lines.append(
                f"Audit entries from before {_day(self.audit_cutoff)}: {self.audit_entries} are deleted."
            )
        return lines or ["The policy keeps everything: nothing would change."]


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def load_policy(session: Session) -> RetentionPolicy:
    """The stored policy (the defaults until one is saved)."""
    return RetentionPolicy.from_stored(get_preference(session, POLICY_KEY))


def save_policy(session: Session, policy: RetentionPolicy) -> RetentionPolicy:
    """Store the policy after checking it."""
    set_preference(session, POLICY_KEY, policy.checked().as_stored())
    return policy


def retention_preview(session: Session, policy: RetentionPolicy, now: datetime) -> RetentionPreview:
    """What applying ``policy`` at ``now`` would change, without changing anything."""
    policy = policy.checked()
    cut = Cutoffs.of(london_today(now), policy.booking_years, policy.people_years, policy.audit_years)
    booking = cut.booking_start
    briefings: tuple[BriefingTally, ...] = ()
    if booking is not None:
        rows = session.execute(
            select(Briefing.id, Briefing.title, Briefing.starts_at, func.count(Registration.id))
            .join(Registration, Registration.briefing_id == Briefing.id)
            .where(stale_booking(booking))
            .group_by(Briefing.id)
            .order_by(Briefing.starts_at)
        )
        briefings = tuple(BriefingTally(i, t, to_london(s), int(n)) for i, t, s, n in rows)
    dormant = dormant_people(cut.people_start) if cut.people_start is not None else None
    listed = _listed(session, dormant) if dormant is not None else ()
    return RetentionPreview(
        policy=policy,
        today=cut.today,
        booking_cutoff=cut.booking,
        people_cutoff=cut.people,
        audit_cutoff=cut.audit,
        bookings=sum(b.bookings for b in briefings),
        briefings=briefings,
        certificates=_count(session, booking, lambda at: select(Certificate.id).where(stale_certificate(at))),
        recording_links=_count(
            session, booking, lambda at: select(RecordingAccess.id).where(stale_access(at))
        ),
        invitations=_count(session, booking, lambda at: select(InviteSent.id).where(InviteSent.sent_at < at)),
        licence_allocations=_count(
            session, cut.booking, lambda day: select(LicenceAllocation.id).where(stale_allocation(day))
        ),
        people=_count(session, dormant, lambda q: q),
        people_listed=listed,
        audit_entries=_count(
            session, cut.audit_start, lambda at: select(AuditEvent.id).where(AuditEvent.at < at)
        ),
    )


def apply_retention(session: Session, policy: RetentionPolicy, now: datetime) -> RetentionPreview:
    """Apply ``policy`` at ``now`` in one transaction, logged as one audit entry; returns what changed."""
    done = retention_preview(session, policy, now)
    if done.nothing_to_do:
        return done
    cut = Cutoffs.of(done.today, policy.booking_years, policy.people_years, policy.audit_years)
    summary = (
        f"Applied the retention policy: {done.bookings} bookings anonymised, {done.people} people erased"
    )
    with summarised(
        session, "retention", "preferences", None, summary, details={"policy": policy.as_stored()}
    ):
        if cut.people_start is not None:
            for person in session.scalars(
                select(Person).where(Person.id.in_(dormant_people(cut.people_start)))
            ):
                erase_details(session, person, now)
        if cut.booking_start is not None and cut.booking is not None:
            _forget_old_bookings(session, cut.booking_start, cut.booking)
        if cut.audit_start is not None:
            session.execute(delete(AuditEvent).where(AuditEvent.at < cut.audit_start))
    return done


def _forget_old_bookings(session: Session, start: datetime, day: date) -> None:
    stale = (
        select(Registration.id)
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .where(stale_booking(start))
    )
    session.execute(
        update(Registration).where(Registration.id.in_(stale)).values(person_id=None, notes=None),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        update(Certificate).where(stale_certificate(start)).values(person_name=NAME_REMOVED),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        update(RecordingAccess).where(stale_access(start)).values(person_id=None, note=None),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(InviteSent).where(InviteSent.sent_at < start), execution_options={"synchronize_session": False}
    )
    session.execute(
        update(LicenceAllocation).where(stale_allocation(day)).values(person_id=None, notes=None),
        execution_options={"synchronize_session": False},
    )


def _listed(session: Session, dormant: Select[int]) -> tuple[DormantPerson, ...]:
    last = (
        select(func.max(Briefing.starts_at))
        .join(Registration, Registration.briefing_id == Briefing.id)
        .where(Registration.person_id == Person.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Person, last)
        .where(Person.id.in_(dormant))
        .order_by(Person.last_name, Person.first_name, Person.id)
        .limit(PREVIEW_PEOPLE)
    )
    return tuple(DormantPerson(p.id, p.full_name, to_london(at).date() if at else None) for p, at in rows)


def _count(session: Session, cutoff: Any, query_for: Any) -> int:
    if cutoff is None:
        return 0
    query: Select[Any] = query_for(cutoff)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0
