"""Checking a database before use and bringing its schema up to date with Alembic.

Opening a database already at the newest schema (every start but the first after an update)
needs no Alembic: the newest revision is read from the migration scripts' own ``revision`` and
``down_revision`` lines and compared with the one stamped in the database, which keeps Alembic's
import (about 150 ms) off the app's start. Anything else (a new, older, newer or foreign
database) takes the full check below, with Alembic.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy import exc as sa_exc

from models.db import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# SQLite's message for SQLITE_NOTADB: the file does not start with an SQLite header.
NOT_A_DATABASE = "file is not a database"
# ``revision: str = "0002_x"`` and ``down_revision: str | None = "0001"`` as Alembic writes them.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


class DatabaseError(Exception):
    """A database the app must not open; the message says which problem and what to do."""


class NotADatabaseError(DatabaseError):
    """The file is not a database at all."""


class DamagedDatabaseError(DatabaseError):
    """The file is a database but cannot be read."""


class ForeignDatabaseError(DatabaseError):
    """The file is a database, but another program's."""


class DatabaseTooNewError(DatabaseError):
    """A newer version of the app wrote this database; migrating it downwards would lose data."""


class SchemaNotCurrentError(DatabaseError):
    """Read-only use of a database that still needs an upgrade only its writer may run."""


RESTORE_ADVICE = "Restore it from a backup (Restore from backup, or `briefing-desk backup restore FILE`)."


def alembic_config() -> Config:
    """An Alembic config pointing at our migrations, built in code so no .ini has to be found."""
    from alembic.config import Config  # noqa: PLC0415 - Alembic loads only when a check needs it

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this version of the app knows (as Alembic works it out)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the project always ships a revision
        raise RuntimeError("no migrations found")
    return head


@functools.cache
def shipped_head() -> str | None:
    """The newest revision among the migration scripts, read without Alembic; None if unclear.

    Unclear means anything but one plain chain's end (several heads, a line this cannot read):
    the caller then asks Alembic.
    """
    down: dict[str, tuple[str, ...]] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        try:
            revision = ast.literal_eval(found["revision"])
            before = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        down[revision] = (before,) if isinstance(before, str) else tuple(before or ())
    pointed_at = {earlier for befores in down.values() for earlier in befores}
    heads = [revision for revision in down if revision not in pointed_at]
    return heads[0] if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _stamped_revisions(engine: Engine) -> list[str]:
    """What the database's ``alembic_version`` table holds (nothing if it has none)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return []
        stamped = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
        return [str(revision) for revision in stamped]


def check_and_upgrade(
    engine: Engine,
    *,
    upgrade: bool = True,
    before_migrate: Callable[[Engine, str | None], None] | None = None,
    require_head: bool = False,
) -> None:
    """Refuse a database we must not touch; otherwise upgrade it to the newest schema.

    Args:
        engine: The database.
        upgrade: Whether to migrate an older schema (False only checks it).
        before_migrate: Called with the engine and the old revision before any migration runs
            (the backup hook).
        require_head: Refuse (SchemaNotCurrentError) a schema older than this app's.

    Raises:
        DatabaseError: one of its subclasses, with a message saying what to do.
    """
    # The file's header is never read here outside SQLite: closing any other handle on a
    # database drops this process's POSIX locks on it (SQLite's own connections' included), and
    # the next reader to exit then deletes the WAL under us. SQLite says "not a database" itself.
    path = sqlite_path(str(engine.url))
    try:
        stamped = _stamped_revisions(engine)
        if path is not None and stamped:
            # Damage deep in the file would otherwise surface mid-session, far from any advice.
            _quick_check(engine, path)
        if stamped == [shipped_head()]:
            return  # already at the newest schema: nothing for Alembic to do
        revision = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
        if path is not None and tables and not stamped:
            _quick_check(engine, path)
    except sa_exc.DatabaseError as error:
        raise _as_database_error(path, error) from error
    _check_with_alembic(
        engine,
        path,
        revision,
        tables,
        upgrade=upgrade,
        before_migrate=before_migrate,
        require_head=require_head,
    )


def _check_with_alembic(
    engine: Engine,
    path: Path | None,
    revision: str | None,
    tables: set[str],
    *,
    upgrade: bool,
    before_migrate: Callable[[Engine, str | None], None] | None,
    require_head: bool,
) -> None:
    from alembic import command  # noqa: PLC0415 - see the module's docstring
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config())
    refuse_unless_ours(
        _name(path, engine), revision, tables, {rev.revision for rev in script.walk_revisions()}
    )
    if revision == script.get_current_head():
        return
    if require_head and tables:
        raise SchemaNotCurrentError(
            f"{_name(path, engine)} is open in an older copy of Briefing Desk and needs an upgrade "
            "that only one copy may run. Close the other copy, then open it again."
        )
    if not upgrade:
        return
    if before_migrate is not None:
        before_migrate(engine, revision)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except sa_exc.DatabaseError as error:
        raise _as_database_error(path, error) from error


def known_revisions() -> set[str]:
    """Every schema revision this version of the app can read (and upgrade from)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - see the module's docstring

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def refuse_unless_ours(name: str, revision: str | None, tables: set[str], known: set[str]) -> None:
    """Refuse another program's database, or one a newer version of the app has written.

    Raises:
        ForeignDatabaseError: tables but no Briefing Desk schema revision.
        DatabaseTooNewError: a revision this version does not know.
    """
    if revision is None and tables - {"alembic_version"}:
        raise ForeignDatabaseError(
            f"{name} holds tables but is not a Briefing Desk database. "
            "Choose another file, or start a new one."
        )
    if revision is not None and revision not in known:
        raise DatabaseTooNewError(
            f"{name} was written by a newer version of Briefing Desk "
            f"(schema {revision}). Update the app to open it; it has not been changed."
        )


def _quick_check(engine: Engine, path: Path) -> None:
    # quick_check reads every page but skips index cross-checks: ~90 ms on a 30 MB file, so
    # damage is caught when the file is opened rather than halfway through someone's work.
    with engine.connect() as connection:
        problems = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise DamagedDatabaseError(f"{path} is damaged ({first_problem(problems)}). {RESTORE_ADVICE}")


def first_problem(problems: list[str]) -> str:
    """The first line of SQLite's integrity report that names a problem, for a message."""
    lines = [line.strip() for text in problems for line in text.splitlines()]
    return next((line for line in lines if line and not line.startswith("***")), "unknown damage")


def _as_database_error(path: Path | None, error: sa_exc.DatabaseError) -> DatabaseError:
    detail = str(error.orig) if error.orig is not None else str(error)
    where = str(path) if path is not None else "The database"
    if NOT_A_DATABASE in detail:  # SQLITE_NOTADB: the header is not SQLite's
        return NotADatabaseError(
            f"{where} is not a database file. Choose the right file, or restore a backup "
            "(Restore from backup, or `briefing-desk backup restore FILE`)."
        )
    if "malformed" in detail or "corrupt" in detail:
        return DamagedDatabaseError(f"{where} is damaged and cannot be opened ({detail}). {RESTORE_ADVICE}")
    return DatabaseError(f"{where} cannot be opened: {detail}.")


def _name(path: Path | None, engine: Engine) -> str:
    return str(path) if path is not None else engine.url.render_as_string(hide_password=True)
