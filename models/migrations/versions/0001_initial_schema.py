"""Initial schema: settings, people, briefings, registrations, licences, recordings and ledgers.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 22:29:27.945862
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_events_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "licence_pools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint("seats > 0", name=op.f("ck_licence_pools_seats_positive")),
        sa.CheckConstraint("valid_until >= valid_from", name=op.f("ck_licence_pools_dates_in_order")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_pools")),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=80), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("name", name=op.f("uq_organisations_name")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=True),
        sa.Column("first_name", sa.String(length=120), nullable=False),
        sa.Column("last_name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_last_first", ["last_name", "first_name"], unique=False)
        # Email is unique ignoring case; autogenerate cannot see expression indexes.
        batch_op.create_index("uq_people_email_lower", [sa.text("lower(email)")], unique=True)

    op.create_table(
        "preferences",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_preferences")),
    )
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("urn", sa.Integer(), nullable=True),
        sa.Column("laestab", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("establishment_type", sa.String(length=120), nullable=True),
        sa.Column(
            "phase",
            sa.Enum(
                "nursery",
                "primary",
                "middle",
                "secondary",
                "all_through",
                "sixteen_plus",
                "special",
                "pru_ap",
                "independent",
                "other",
                name="phase",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("la_code", sa.String(length=8), nullable=True),
        sa.Column("la_name", sa.String(length=120), nullable=True),
        sa.Column("district", sa.String(length=120), nullable=True),
        sa.Column("area", sa.String(length=120), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("postcode", sa.String(length=16), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "proposed", "closed", name="settingstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("urn", name=op.f("uq_settings_urn")),
    )
    with op.batch_alter_table("settings", schema=None) as batch_op:
        batch_op.create_index("ix_settings_district_phase", ["district", "phase"], unique=False)
        batch_op.create_index("ix_settings_name", ["name"], unique=False)

    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("default_minutes", sa.Integer(), nullable=False),
        sa.Column("cpd_hours", sa.Float(), nullable=False),
        sa.Column("counts_as_refresh", sa.Boolean(), nullable=False),
        sa.Column("counts_as_formal_training", sa.Boolean(), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("code", name=op.f("uq_topics_code")),
        sa.UniqueConstraint("name", name=op.f("uq_topics_name")),
    )
    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("postcode", sa.String(length=16), nullable=True),
        sa.Column("room_capacity", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
        sa.UniqueConstraint("name", name=op.f("uq_venues_name")),
    )
    op.create_table(
        "licence_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("allocated_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("active", "returned", "revoked", name="allocationstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint("expires_on >= allocated_on", name=op.f("ck_licence_allocations_dates_in_order")),
        sa.CheckConstraint("seats > 0", name=op.f("ck_licence_allocations_seats_positive")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_licence_allocations_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pool_id"],
            ["licence_pools.id"],
            name=op.f("fk_licence_allocations_pool_id_licence_pools"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["setting_id"],
            ["settings.id"],
            name=op.f("fk_licence_allocations_setting_id_settings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_allocations")),
    )
    with op.batch_alter_table("licence_allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_licence_allocations_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_licence_allocations_pool_id"), ["pool_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_licence_allocations_setting_id"), ["setting_id"], unique=False)

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "headteacher",
                "dsl",
                "deputy_dsl",
                "governor",
                "pshe_lead",
                "rse_lead",
                "other",
                name="role",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("job_title", sa.String(length=120), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "(setting_id IS NULL) <> (organisation_id IS NULL)", name=op.f("ck_memberships_one_place")
        ),
        sa.CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on",
            name=op.f("ck_memberships_dates_in_order"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_memberships_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_memberships_person_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["setting_id"],
            ["settings.id"],
            name=op.f("fk_memberships_setting_id_settings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memberships_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memberships_setting_id"), ["setting_id"], unique=False)

    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], name=op.f("fk_series_topic_id_topics"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint("name", name=op.f("uq_series_name")),
    )
    op.create_table(
        "briefings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "delivery",
            sa.Enum("in_person", "online", "hybrid", name="delivery", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("venue_id", sa.Integer(), nullable=True),
        sa.Column("join_url", sa.String(length=2000), nullable=True),
        sa.Column("join_passcode", sa.String(length=100), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("audience_roles", sa.JSON(), nullable=False),
        sa.Column("audience_phases", sa.JSON(), nullable=False),
        sa.Column("audience_districts", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "scheduled",
                "cancelled",
                "completed",
                name="briefingstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("calendar_uid", sa.String(length=200), nullable=False),
        sa.Column("calendar_sequence", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("capacity > 0", name=op.f("ck_briefings_capacity_positive")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_briefings_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_briefings_series_id_series"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["topic_id"], ["topics.id"], name=op.f("fk_briefings_topic_id_topics")),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_briefings_venue_id_venues"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefings")),
        sa.UniqueConstraint("calendar_uid", name=op.f("uq_briefings_calendar_uid")),
    )
    with op.batch_alter_table("briefings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_briefings_series_id"), ["series_id"], unique=False)
        batch_op.create_index("ix_briefings_starts_at", ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_briefings_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "briefing_facilitators",
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_briefing_facilitators_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_briefing_facilitators_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("briefing_id", "person_id", name=op.f("pk_briefing_facilitators")),
    )
    op.create_table(
        "briefing_resources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_briefing_resources_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing_resources")),
    )
    with op.batch_alter_table("briefing_resources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_briefing_resources_briefing_id"), ["briefing_id"], unique=False)

    op.create_table(
        "invites_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_invites_sent_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_invites_sent_person_id_people"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invites_sent")),
        sa.UniqueConstraint("briefing_id", "recipient", name=op.f("uq_invites_sent_briefing_id_recipient")),
    )
    with op.batch_alter_table("invites_sent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invites_sent_briefing_id"), ["briefing_id"], unique=False)

    op.create_table(
        "recordings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("passcode", sa.String(length=100), nullable=True),
        sa.Column("available_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("available_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("available_until > available_from", name=op.f("ck_recordings_window_in_order")),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_recordings_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recordings")),
    )
    with op.batch_alter_table("recordings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recordings_briefing_id"), ["briefing_id"], unique=False)

    op.create_table(
        "registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("booked", "waitlisted", "cancelled", name="bookingstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "attendance",
            sa.Enum(
                "present",
                "late",
                "left_early",
                "absent",
                "apologies",
                name="attendance",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("minutes_attended", sa.Integer(), nullable=True),
        sa.Column("attendance_source", sa.String(length=20), nullable=True),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "headteacher",
                "dsl",
                "deputy_dsl",
                "governor",
                "pshe_lead",
                "rse_lead",
                "other",
                name="role",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("walk_in", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "minutes_attended IS NULL OR minutes_attended >= 0",
            name=op.f("ck_registrations_minutes_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefings.id"],
            name=op.f("fk_registrations_briefing_id_briefings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_registrations_person_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["setting_id"],
            ["settings.id"],
            name=op.f("fk_registrations_setting_id_settings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registrations")),
        sa.UniqueConstraint("briefing_id", "person_id", name=op.f("uq_registrations_briefing_id_person_id")),
    )
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.create_index("ix_registrations_briefing_status", ["briefing_id", "status"], unique=False)
        batch_op.create_index("ix_registrations_person_id", ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_registrations_setting_id"), ["setting_id"], unique=False)

    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column("person_name", sa.String(length=300), nullable=False),
        sa.Column("setting_name", sa.String(length=300), nullable=True),
        sa.Column("briefing_title", sa.String(length=300), nullable=False),
        sa.Column("briefing_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("cpd_hours", sa.Float(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_certificates_registration_id_registrations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("number", name=op.f("uq_certificates_number")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_certificates_registration_id")),
    )
    op.create_table(
        "recording_accesses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recording_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_recording_accesses_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recording_id"],
            ["recordings.id"],
            name=op.f("fk_recording_accesses_recording_id_recordings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["setting_id"],
            ["settings.id"],
            name=op.f("fk_recording_accesses_setting_id_settings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording_accesses")),
    )
    with op.batch_alter_table("recording_accesses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recording_accesses_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_recording_accesses_recording_id"), ["recording_id"], unique=False
        )
    _seed_topics()


# The topics every county runs; frozen here (a later change gets its own revision).
BUILTIN_TOPICS = [
    # code, name, default minutes, CPD hours, counts as refresh, counts as formal training, colour
    ("dsl_update", "DSL update", 120, 2.0, True, False, "#1f6feb"),
    ("dsl_new", "DSL new to role", 360, 6.0, True, True, "#0b3d91"),
    ("dsl_refresher", "DSL refresher training", 180, 3.0, True, True, "#3d5a98"),
    ("rse", "RSE", 90, 1.5, False, False, "#d9480f"),
    ("pshe", "PSHE", 90, 1.5, False, False, "#e8590c"),
    ("prevent", "Prevent", 90, 1.5, False, False, "#5f3dc4"),
    ("hsb", "Harmful sexual behaviour", 120, 2.0, False, False, "#c2255c"),
    ("mental_health", "Mental health", 90, 1.5, False, False, "#2b8a3e"),
    ("online_safety", "Online safety", 90, 1.5, False, False, "#1098ad"),
    ("working_group", "Working group", 120, 2.0, False, False, "#495057"),
    ("heads_workshop", "Headteachers' workshop", 150, 2.5, False, False, "#866118"),
]


def _seed_topics() -> None:
    topics = sa.table(
        "topics",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("default_minutes", sa.Integer),
        sa.column("cpd_hours", sa.Float),
        sa.column("counts_as_refresh", sa.Boolean),
        sa.column("counts_as_formal_training", sa.Boolean),
        sa.column("colour", sa.String),
        sa.column("builtin", sa.Boolean),
    )
    keys = [
        "code",
        "name",
        "default_minutes",
        "cpd_hours",
        "counts_as_refresh",
        "counts_as_formal_training",
        "colour",
    ]
    op.bulk_insert(topics, [dict(zip(keys, row, strict=True), builtin=True) for row in BUILTIN_TOPICS])


def downgrade() -> None:
    with op.batch_alter_table("recording_accesses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recording_accesses_recording_id"))
        batch_op.drop_index(batch_op.f("ix_recording_accesses_person_id"))

    op.drop_table("recording_accesses")
    op.drop_table("certificates")
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registrations_setting_id"))
        batch_op.drop_index("ix_registrations_person_id")
        batch_op.drop_index("ix_registrations_briefing_status")

    op.drop_table("registrations")
    with op.batch_alter_table("recordings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recordings_briefing_id"))

    op.drop_table("recordings")
    with op.batch_alter_table("invites_sent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invites_sent_briefing_id"))

    op.drop_table("invites_sent")
    with op.batch_alter_table("briefing_resources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_briefing_resources_briefing_id"))

    op.drop_table("briefing_resources")
    op.drop_table("briefing_facilitators")
    with op.batch_alter_table("briefings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_briefings_topic_id"))
        batch_op.drop_index("ix_briefings_starts_at")
        batch_op.drop_index(batch_op.f("ix_briefings_series_id"))

    op.drop_table("briefings")
    op.drop_table("series")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_setting_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_person_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_organisation_id"))

    op.drop_table("memberships")
    with op.batch_alter_table("licence_allocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_licence_allocations_setting_id"))
        batch_op.drop_index(batch_op.f("ix_licence_allocations_pool_id"))
        batch_op.drop_index(batch_op.f("ix_licence_allocations_person_id"))

    op.drop_table("licence_allocations")
    op.drop_table("venues")
    op.drop_table("topics")
    with op.batch_alter_table("settings", schema=None) as batch_op:
        batch_op.drop_index("ix_settings_name")
        batch_op.drop_index("ix_settings_district_phase")

    op.drop_table("settings")
    op.drop_table("preferences")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("uq_people_email_lower")
        batch_op.drop_index("ix_people_last_first")

    op.drop_table("people")
    op.drop_table("organisations")
    op.drop_table("licence_pools")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
        batch_op.drop_index("ix_audit_events_at")

    op.drop_table("audit_events")
