"""What every service shares: the session factory, the clock, and read-only refusal."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from briefings.clock import Clock, system_clock
from briefings.errors import ReadOnlyError


def operating_system_user() -> str:
    """Who is at the keyboard, as the audit log records it."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "unknown"


@dataclass
class ServiceContext:
    """Shared by every service of one open database.

    ``session_hooks`` run on each new writing session (the audit log attaches itself here).
    """

    sessions: sessionmaker[Session]
    clock: Clock = system_clock
    actor: str = field(default_factory=operating_system_user)
    read_only: bool = False
    read_only_reason: str = "The database is open read-only."
    session_hooks: list[Callable[[Session], None]] = field(default_factory=list)


class Service:
    """Base of the services: one short transaction per public call."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def context(self) -> ServiceContext:
        """The shared context (sessions, clock, actor)."""
        return self._context

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self._context.clock()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends and rolls back if it raises."""
        if self._context.read_only:
            raise ReadOnlyError(self._context.read_only_reason)
        with self._context.sessions.begin() as session:
            for hook in self._context.session_hooks:
                hook(session)
            yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """A read-only transaction (a consistent snapshot), always rolled back."""
        with self._context.sessions() as session:
            try:
                yield session
            finally:
                session.rollback()
