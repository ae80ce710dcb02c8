"""Who should hold a briefing's invite, what the ledger says they were given, and who is behind.

Taking part means facilitating or holding a booked place. Anyone the ledger says holds an
invite but who no longer takes part (a cancelled booking, a removed facilitator) is owed a
cancellation for their copy; when the briefing itself is cancelled, everyone holding a copy is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefings.clock import to_london
from briefings.errors import NotFoundError
from briefings.invites import InviteMethod, ledger_key
from briefings.lookup import get_or_fail
from briefings.register_order import sign_in_key
from models.briefings import Briefing
from models.enums import BookingStatus, BriefingStatus
from models.invites import InviteSent
from models.people import Person
from models.registrations import Registration
from models.settings import Setting


class InviteState(StrEnum):
    """Where one recipient's calendar stands against the briefing as it is now."""

    NEW = "new"  # taking part, holds no invite
    OUTDATED = "outdated"  # holds an invite from before the latest change
    CURRENT = "current"  # holds the latest invite
    CANCEL_DUE = "cancel_due"  # holds an invite they should no longer have
    CANCELLED = "cancelled"  # was sent the cancellation
    NEVER_SENT = "never_sent"  # the briefing is cancelled and they never had it: nothing to send
    NO_EMAIL = "no_email"  # taking part, but nothing can be sent without an address

    @property
    def label(self) -> str:
        """The state as the invites dialog shows it."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    InviteState.NEW: "Not sent yet",
    InviteState.OUTDATED: "Out of date",
    InviteState.CURRENT: "Up to date",
    InviteState.CANCEL_DUE: "Cancellation due",
    InviteState.CANCELLED: "Cancellation sent",
    InviteState.NEVER_SENT: "Never sent",
    InviteState.NO_EMAIL: "No email address",
}
_DUE = frozenset({InviteState.NEW, InviteState.OUTDATED, InviteState.CANCEL_DUE})


@dataclass(frozen=True)
class InviteRecipient:
    """One person who should hold (or lose) the briefing in their calendar."""

    person_id: int | None
    name: str
    email: str | None
    setting_name: str | None
    chair: bool
    method: InviteMethod
    state: InviteState
    sent_method: InviteMethod | None
    sent_sequence: int | None
    sent_at: datetime | None
    changes_missed: int

    @property
    def due(self) -> bool:
        """Whether a message should go to them now (those without email are listed, not sent)."""
        return self.state in _DUE or (
            self.state is InviteState.NO_EMAIL and self.method is InviteMethod.REQUEST
        )


@dataclass(frozen=True)
class InviteStatus:
    """A briefing's invite ledger against its current state, one row per recipient."""

    briefing_id: int
    title: str
    uid: str
    sequence: int
    briefing_status: BriefingStatus
    recipients: tuple[InviteRecipient, ...]

    def due(self) -> tuple[InviteRecipient, ...]:
        """Recipients whose calendar is behind (plus those without email, to be reported)."""
        return tuple(r for r in self.recipients if r.due)

    def chosen(self, *, everyone: bool = False, emails: Iterable[str] = ()) -> tuple[InviteRecipient, ...]:
        """The people named by email (in any state), else everyone, else those who are behind."""
        wanted = list(dict.fromkeys(ledger_key(e) for e in emails if e.strip()))
        if wanted:
            by_email = {ledger_key(r.email): r for r in self.recipients if r.email}
            unknown = [e for e in wanted if e not in by_email]
            if unknown:
                raise NotFoundError(
                    f"{unknown[0]} is not taking part in “{self.title}” and holds no invite to it", "emails"
                )
            return tuple(by_email[e] for e in wanted)
        return self.recipients if everyone else self.due()

    def summary(self) -> tuple[str, ...]:
        """Sentences for the advisor, e.g. "3 changes since last sent to 212 people"."""
        counts = Counter(r.state for r in self.recipients)
        if not self.recipients:
            return ("Nobody is taking part yet.",)
        lines = []
        if counts[InviteState.CURRENT]:
            lines.append(f"{_people(counts[InviteState.CURRENT])} up to date.")
        behind = Counter(r.changes_missed for r in self.recipients if r.state is InviteState.OUTDATED)
        lines += [
            f"{_plural(missed, 'change')} since last sent to {_people(n)}."
            for missed, n in sorted(behind.items())
        ]
        if counts[InviteState.NEW]:
            lines.append(f"{_people(counts[InviteState.NEW])} not sent an invite yet.")
        if counts[InviteState.CANCEL_DUE]:
            lines.append(f"{_people(counts[InviteState.CANCEL_DUE])} still holding it: cancellation due.")
        if counts[InviteState.CANCELLED]:
            lines.append(f"{_people(counts[InviteState.CANCELLED])} sent the cancellation.")
        if counts[InviteState.NO_EMAIL]:
            lines.append(f"{_people(counts[InviteState.NO_EMAIL])} with no email address.")
        return tuple(lines)


def invite_status(session: Session, briefing_id: int, *, organiser_email: str | None = None) -> InviteStatus:
    """Every recipient of a briefing with what they hold and what they should be sent.

    The organiser is left out (they do not invite themselves); facilitators come first (as
    chairs), then booked people in sign-in order, then people who should lose their copy.
    """
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    ledger = {
        line.recipient: line
        for line in session.scalars(select(InviteSent).where(InviteSent.briefing_id == briefing_id))
    }
    skip = ledger_key(organiser_email) if organiser_email else None
    judge = _Judge(briefing, ledger)
    rows: dict[str, InviteRecipient] = {}
    for person, setting_name, chair in _participants(session, briefing):
        key = ledger_key(person.email) if person.email else f"person:{person.id}"
        if key != skip and key not in rows:
            rows[key] = judge.participant(person, setting_name, chair=chair, key=key)
    people = _people_by_id(session, [line.person_id for key, line in ledger.items() if key not in rows])
    for key, line in ledger.items():
        if key not in rows and key != skip:
            rows[key] = judge.former(line, people.get(line.person_id) if line.person_id else None)
    return InviteStatus(
        briefing_id=briefing.id,
        title=briefing.title,
        uid=briefing.calendar_uid,
        sequence=briefing.calendar_sequence,
        briefing_status=briefing.status,
        recipients=tuple(rows.values()),
    )


class _Who(NamedTuple):
    person_id: int | None
    name: str
    email: str | None
    setting_name: str | None
    chair: bool


class _Judge:
    """Decides each recipient's method and state from the briefing and the ledger."""

    def __init__(self, briefing: Briefing, ledger: dict[str, InviteSent]) -> None:
        self._sequence = briefing.calendar_sequence
        self._cancelled = briefing.status is BriefingStatus.CANCELLED
        self._ledger = ledger

    def participant(
        self, person: Person, setting_name: str | None, *, chair: bool, key: str
    ) -> InviteRecipient:
        line = self._ledger.get(key)
        method = InviteMethod.CANCEL if self._cancelled else InviteMethod.REQUEST
        if person.email is None:
            state = InviteState.NO_EMAIL
        elif self._cancelled:
            state = self._cancel_state(line)
        elif line is None or line.method == InviteMethod.CANCEL:
            state = InviteState.NEW
        else:
            state = InviteState.CURRENT if line.sequence >= self._sequence else InviteState.OUTDATED
        who = _Who(person.id, person.full_name, person.email, setting_name, chair)
        return self._row(who, method, state, line)

    def former(self, line: InviteSent, person: Person | None) -> InviteRecipient:
        name = person.full_name if person else line.recipient
        email = (
            person.email if person and person.email and ledger_key(person.email) == line.recipient else None
        )
        state = self._cancel_state(line)
        who = _Who(line.person_id, name, email or line.recipient, None, False)
        return self._row(who, InviteMethod.CANCEL, state, line)

    @staticmethod
    def _cancel_state(line: InviteSent | None) -> InviteState:
        if line is None:
            return InviteState.NEVER_SENT
        return InviteState.CANCELLED if line.method == InviteMethod.CANCEL else InviteState.CANCEL_DUE

    def _row(
        self, who: _Who, method: InviteMethod, state: InviteState, line: InviteSent | None
    ) -> InviteRecipient:
        return InviteRecipient(
            person_id=who.person_id,
            name=who.name,
            email=who.email,
            setting_name=who.setting_name,
            chair=who.chair,
            method=method,
            state=state,
            sent_method=InviteMethod(line.method) if line else None,
            sent_sequence=line.sequence if line else None,
            sent_at=to_london(line.sent_at) if line else None,
            changes_missed=max(self._sequence - line.sequence, 0) if line else 0,
        )


def _participants(session: Session, briefing: Briefing) -> list[tuple[Person, str | None, bool]]:
    found: list[tuple[Person, str | None, bool]] = [(p, None, True) for p in briefing.facilitators]
    query = (
        select(Registration, Person, Setting.name)
        .join(Person, Registration.person_id == Person.id)
        .join(Setting, Registration.setting_id == Setting.id, isouter=True)
        .where(Registration.briefing_id == briefing.id, Registration.status == BookingStatus.BOOKED)
    )
    booked = sorted(
        session.execute(query),
        key=lambda t: sign_in_key(t[2], t[1].last_name, t[1].first_name, t[0].id),
    )
    found += [(person, setting_name, False) for _, person, setting_name in booked]
    return found


def _people_by_id(session: Session, ids: list[int | None]) -> dict[int, Person]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(wanted)))}


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _people(n: int) -> str:
    return f"{n:,} " + ("person" if n == 1 else "people")
