from __future__ import annotations

import sqlite3
import sys
import warnings

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from models.base import Base
from models.db import create_database_engine, open_database
from models.schema import alembic_config, current_revision, head_revision, shipped_head


def _config(engine):
    config = alembic_config()
    return config, engine


def test_upgrade_from_empty_then_downgrade_to_nothing_and_back(tmp_path):
    engine = create_database_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert current_revision(engine) == head_revision()
    assert {"briefings", "registrations", "settings", "people", "licence_pools", "recordings"} <= set(
        inspect(engine).get_table_names()
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_match_the_migrations(db):
    with db.engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes (lower(email)); that one is checked below.
        warnings.simplefilter("ignore")
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


def test_email_index_is_case_insensitive_in_the_schema(db):
    with db.engine.connect() as connection:
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'uq_people_email_lower'"
        ).scalar()
    assert "lower(email)" in sql
    assert "UNIQUE" in sql.upper()


def test_the_head_read_from_the_scripts_is_alembics():
    assert shipped_head() == head_revision()


def test_a_database_at_the_newest_schema_opens_without_alembic(db_path, monkeypatch):
    # Every module of Alembic made unimportable, and models.schema imported afresh under that:
    # the app's usual start must not need Alembic.
    for name in [n for n in sys.modules if n == "alembic" or n.startswith("alembic.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "models.schema")
    database = open_database(str(db_path))
    try:
        with database.sessions() as session:
            assert session.scalar(text("SELECT version_num FROM alembic_version")) == shipped_head()
    finally:
        database.dispose()


def test_an_older_schema_is_still_upgraded(db_path):
    engine = create_database_engine(f"sqlite:///{db_path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    assert current_revision(engine) != head_revision()
    engine.dispose()
    open_database(str(db_path)).dispose()
    with sqlite3.connect(db_path) as connection:
        stamped = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert stamped == [(head_revision(),)]
