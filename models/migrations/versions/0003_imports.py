"""Imports: successor links between settings, and the rows of imported attendance reports.

Revision ID: 0003_imports
Revises: 0002_compliance_indexes
Create Date: 2026-11-24 23:00:00

``settings.successor_id`` points a closed setting at the one that carries on under a new URN
(an academy conversion or an amalgamation), so history recorded against the old URN follows
the school. ``attendance_import_rows`` keeps every participant of an imported Teams or Zoom
report, with its times, so unmatched rows stay listed for review after a command-line import.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_imports"
down_revision: str | None = "0002_compliance_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attendance_import_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_kind", sa.String(length=20), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("participant_role", sa.String(length=20), nullable=False),
        sa.Column("joins", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("first_join", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_leave", sa.DateTime(timezone=True), nullable=True),
        sa.Column("intervals", sa.JSON(), nullable=False),
        sa.Column("match_kind", sa.String(length=20), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("applied", "pending", "ignored", name="importrowstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("min_minutes", sa.Integer(), nullable=False),
        sa.Column("late_after", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_attendance_import_rows_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_attendance_import_rows_person_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_attendance_import_rows_registration_id_registrations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_import_rows")),
    )
    with op.batch_alter_table("attendance_import_rows", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_import_rows_briefing_status", ["briefing_id", "status"], unique=False)
        batch_op.create_index("ix_attendance_import_rows_person_id", ["person_id"], unique=False)

    with op.batch_alter_table("settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("successor_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_settings_successor_id_settings"), "settings", ["successor_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index(batch_op.f("ix_settings_successor_id"), ["successor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("settings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_settings_successor_id"))
        batch_op.drop_constraint(batch_op.f("fk_settings_successor_id_settings"), type_="foreignkey")
        batch_op.drop_column("successor_id")

    with op.batch_alter_table("attendance_import_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_attendance_import_rows_person_id")
        batch_op.drop_index("ix_attendance_import_rows_briefing_status")

    op.drop_table("attendance_import_rows")
