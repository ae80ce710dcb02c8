"""The invite ledger: recording which calendar message each recipient of a briefing was given.

When is an invite "sent"? When its file (an .ics, or an .eml draft) has been written to the
folder the advisor chose. The app cannot see the advisor press Send in Outlook, and a ledger
that waited for a confirmation nobody gives would always say "not sent". Writing files with the
ledger off (a preview) records nothing, and writing them again for everyone is always possible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from briefings.clock import as_utc
from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from models.briefings import Briefing
from models.invites import InviteSent


class InviteMethod(StrEnum):
    """The iTIP method a recipient was last given (RFC 5546)."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True)
class SentInvite:
    """One calendar message written for one recipient."""

    recipient: str
    person_id: int | None
    method: InviteMethod
    sequence: int


def ledger_key(email: str) -> str:
    """How the ledger spells a mailbox: trimmed and lower-cased."""
    return email.strip().lower()


def record_invites(session: Session, briefing_id: int, sent: Sequence[SentInvite], now: datetime) -> int:
    """Remember what each recipient was given (one ledger line per recipient); returns how many.

    A sequence above the briefing's own means the files came from somewhere else and is refused,
    as is a recipient listed twice (two different messages cannot both be the latest).
    """
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    moment = as_utc(now, "now")
    by_key: dict[str, SentInvite] = {}
    for item in sent:
        key = ledger_key(item.recipient)
        if not key:
            raise ValidationError("An invite was written for a blank email address", "recipient")
        if key in by_key:
            raise ValidationError(f"{item.recipient} is listed twice", "recipient")
        if not 0 <= item.sequence <= briefing.calendar_sequence:
            raise ConflictError(
                f"The invite for {item.recipient} has sequence {item.sequence}, but “{briefing.title}” "
                f"is at {briefing.calendar_sequence}",
                "sequence",
            )
        by_key[key] = item
    query = select(InviteSent.recipient, InviteSent.id).where(
        InviteSent.briefing_id == briefing_id, InviteSent.recipient.in_(list(by_key))
    )
    existing: dict[str, int] = dict(session.execute(query).all())
    changes = [
        {"id": existing[key], **_values(briefing, item, moment)}
        for key, item in by_key.items()
        if key in existing
    ]
    additions = [
        {"briefing_id": briefing_id, "recipient": key, **_values(briefing, item, moment)}
        for key, item in by_key.items()
        if key not in existing
    ]
    # Bulk statements: a 500-person invite is one round trip each way, not 500 ORM objects.
    if changes:
        session.execute(update(InviteSent), changes)
    if additions:
        session.execute(insert(InviteSent), additions)
    session.flush()
    return len(by_key)


def _values(briefing: Briefing, item: SentInvite, moment: datetime) -> dict[str, object]:
    return {
        "person_id": item.person_id,
        "uid": briefing.calendar_uid,
        "sequence": item.sequence,
        "method": item.method.value,
        "sent_at": moment,
    }
