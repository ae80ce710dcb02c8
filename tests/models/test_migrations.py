from __future__ import annotations

import warnings

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from models.base import Base
from models.db import create_database_engine
from models.schema import alembic_config, current_revision, head_revision


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
