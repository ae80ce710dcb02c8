"""The invite ledger: what calendar message each recipient of a briefing last received."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime


class InviteSent(Base):
    """Per briefing and recipient: the UID, SEQUENCE and METHOD last written, and when."""

    __tablename__ = "invites_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    # Lower-cased, so one mailbox has one ledger line whatever the case it was typed in.
    recipient: Mapped[str] = mapped_column(String(254))
    uid: Mapped[str] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (UniqueConstraint("briefing_id", "recipient"),)

    def __repr__(self) -> str:
        return f"<InviteSent b={self.briefing_id} {self.recipient} {self.method} seq={self.sequence}>"
