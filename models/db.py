"""The one place that knows the database URL and the engine settings.

SQLite is the default (a file in the user's data folder); the only SQLite-specific code in the
project is the engine set-up below, so a shared PostgreSQL can take its place later.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

APP_NAME = "briefing-desk"
DATABASE_ENV = "BRIEFING_DESK_DATABASE"
DATA_DIR_ENV = "BRIEFING_DESK_DATA_DIR"
BUSY_TIMEOUT_MS = 5000


def data_dir() -> Path:
    """The folder that holds the database, backups and logs (overridable for tests and kiosks)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only needed when no URL is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    """The URL to use when none is given: the environment variable, else SQLite in the data folder."""
    from_env = os.environ.get(DATABASE_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{data_dir() / 'briefing-desk.sqlite3'}"


def normalise_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a bare file path (what people type) and return a URL."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_database_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine with the settings the app relies on (foreign keys, WAL, busy timeout)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)

    path = sqlite_path(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if path is None:
        # One shared connection, or every session would see its own empty in-memory database.
        kwargs |= {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Workers read on other threads; each checks out its own pooled connection.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    engine = create_engine(url, **kwargs)
    _configure_sqlite(engine, in_memory=path is None)
    return engine


def _configure_sqlite(engine: Engine, *, in_memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite otherwise opens transactions lazily, before the first write only, which
        # breaks SAVEPOINTs and consistent reads; we issue BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


@dataclass(frozen=True)
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def path(self) -> Path | None:
        """The SQLite file, if there is one."""
        return sqlite_path(self.url)

    def describe(self) -> str:
        """A short human description for title bars and About boxes (no passwords)."""
        path = self.path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True, echo: bool = False) -> Database:
    """Open (and by default upgrade) the database at ``url``, or the default one.

    Raises:
        models.schema.DatabaseError: the file is not a database, is damaged, or was written by a
            newer version of the app.
    """
    from models.schema import check_and_upgrade  # noqa: PLC0415 - Alembic loads only when opening

    resolved = normalise_url(url) if url else default_database_url()
    engine = create_database_engine(resolved, echo=echo)
    try:
        check_and_upgrade(engine, upgrade=migrate)
    except Exception:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(url=resolved, engine=engine, sessions=sessions)
