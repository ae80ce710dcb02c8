"""Settings across changes of URN: the school a closed URN carries on as, and the URNs before it.

An academy conversion or an amalgamation closes a URN and opens another; imports link the closed
setting to its ``successor``. Bookings, training and licences recorded under the old URN belong
to the school's history: views of a setting's history or compliance should read its lineage.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.settings import Setting

MAX_GENERATIONS = 20  # a loop in hand-edited data must not hang a query


def lineage(session: Session, setting_id: int) -> list[int]:
    """The setting and every setting it carries on from (its predecessors, theirs, ...), nearest first."""
    found = [setting_id]
    frontier = [setting_id]
    for _ in range(MAX_GENERATIONS):
        earlier = [
            s
            for s in session.scalars(select(Setting.id).where(Setting.successor_id.in_(frontier)))
            if s not in found
        ]
        if not earlier:
            break
        found.extend(earlier)
        frontier = earlier
    return found


def current_setting(session: Session, setting_id: int) -> int:
    """The setting a (possibly closed) setting carries on as today: its last successor, or itself."""
    current, seen = setting_id, {setting_id}
    for _ in range(MAX_GENERATIONS):
        successor = session.scalar(select(Setting.successor_id).where(Setting.id == current))
        if successor is None or successor in seen:
            break
        current = successor
        seen.add(current)
    return current
