"""The one place that knows the database URL and the engine settings.

SQLite is the default (a file in the user's data folder); the only SQLite-specific code in the
project is the engine set-up below, so a shared PostgreSQL can take its place later.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from models.private_files import create_private_file, make_private_folder, restrict_to_owner

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


def create_database_engine(url: str, *, echo: bool = False, read_only: bool = False) -> Engine:
    """An engine with the settings the app relies on (foreign keys, WAL, busy timeout).

    A new SQLite file and the folder made for it are private to the user; an existing file we
    own is tightened to owner-only. ``read_only`` makes SQLite itself refuse every write.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)

    path = sqlite_path(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if path is None:
        # One shared connection, or every session would see its own empty in-memory database.
        kwargs |= {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        _prepare_file(path, create=not read_only)
        # Workers read on other threads; each checks out its own pooled connection.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    engine = create_engine(url, **kwargs)
    _configure_sqlite(engine, in_memory=path is None, read_only=read_only)
    return engine


def _prepare_file(path: Path, *, create: bool) -> None:
    if not create:
        return
    make_private_folder(path.parent)
    if not create_private_file(path):
        for existing in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
            try:
                restrict_to_owner(existing)
            except OSError:  # a read-only medium: opening it will say what is wrong
                break


def _configure_sqlite(engine: Engine, *, in_memory: bool, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite otherwise opens transactions lazily, before the first write only, which
        # breaks SAVEPOINTs and consistent reads; we issue BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if read_only:
                # Belt and braces under the services' ReadOnlyError: SQLite refuses writes too.
                cursor.execute("PRAGMA query_only = ON")
            elif not in_memory:
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


def open_database(
    url: str | None = None,
    *,
    migrate: bool = True,
    echo: bool = False,
    read_only: bool = False,
    before_migrate: Callable[[Engine, str | None], None] | None = None,
) -> Database:
    """Open (and by default upgrade) the database at ``url``, or the default one.

    Args:
        url: A SQLAlchemy URL or a file path; None for the default database.
        migrate: Whether to bring an older schema up to date.
        echo: Log every SQL statement.
        read_only: Another copy of the app is the writer: never migrate, and have SQLite refuse
            writes. The schema must already be the one this version expects.
        before_migrate: Called before any migration runs (the pre-migration backup).

    Raises:
        models.schema.DatabaseError: the file is not a database, is damaged, was written by a
            newer version of the app, or (read-only) still needs an upgrade.
    """
    from models.schema import check_and_upgrade  # noqa: PLC0415 - Alembic loads only when opening

    resolved = normalise_url(url) if url else default_database_url()
    engine = create_database_engine(resolved, echo=echo, read_only=read_only)
    try:
        check_and_upgrade(
            engine, upgrade=migrate and not read_only, before_migrate=before_migrate, require_head=read_only
        )
    except Exception:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(url=resolved, engine=engine, sessions=sessions)
