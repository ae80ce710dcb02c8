"""What the UI asks of the services, one benchmark per screen's load."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, time

from briefings.clock import london, london_today
from briefings.queries.briefings import BriefingFilter
from briefings.queries.directory import PersonFilter, SettingFilter
from briefings.term_calendar import academic_year_of
from briefings.vocabulary import Phase, Role
from tests.benchmarks.harness import BenchContext, query

PAGE = 200


@dataclass(frozen=True)
class Samples:
    """Ids that make the heaviest pages: the busiest briefing, person and setting."""

    briefing_id: int
    person_id: int
    setting_id: int
    district: str
    dsl_update_topic_id: int
    year_start: datetime


def samples(ctx: BenchContext) -> Samples:
    """Picked once per run, by raw SQL, so picking them is never timed."""

    def pick() -> Samples:
        with closing(ctx.sqlite()) as connection:

            def one(sql: str) -> object:
                return connection.execute(sql).fetchone()[0]

            busiest = (
                "SELECT {0} FROM registrations WHERE {0} IS NOT NULL GROUP BY {0} ORDER BY COUNT(*) DESC, {0}"
            )
            today = london_today(ctx.now)
            return Samples(
                briefing_id=int(str(one(busiest.format("briefing_id")))),
                person_id=int(str(one(busiest.format("person_id")))),
                setting_id=int(str(one(busiest.format("setting_id")))),
                district=str(one("SELECT district FROM settings GROUP BY district ORDER BY COUNT(*) DESC")),
                dsl_update_topic_id=int(str(one("SELECT id FROM topics WHERE code = 'dsl_update'"))),
                year_start=london(date(academic_year_of(today), 9, 1), time(0, 0)),
            )

    sample: Samples = ctx.remember("samples", pick)
    return sample


query(
    "briefings.upcoming",
    lambda ctx: ctx.services.briefings.upcoming(limit=10),
    "the dashboard's next ten briefings",
)
query("briefings.all", lambda ctx: ctx.services.briefings.search(), "the briefings page, unfiltered")
query(
    "briefings.filtered",
    lambda ctx: ctx.services.briefings.search(
        BriefingFilter(
            when="past",
            topic_id=samples(ctx).dsl_update_topic_id,
            text="update",
            district=samples(ctx).district,
        )
    ),
    "past DSL updates matching text, for one district",
)
query(
    "briefings.register",
    lambda ctx: ctx.services.briefings.register(samples(ctx).briefing_id),
    "the busiest briefing's register",
)
query(
    "briefings.detail",
    lambda ctx: ctx.services.briefings.get(samples(ctx).briefing_id).facilitator_ids,
    "one briefing's details page",
)
query(
    "people.history",
    lambda ctx: ctx.services.directory.person_history(samples(ctx).person_id).bookings,
    "the person with the most bookings",
)
query(
    "settings.history",
    lambda ctx: ctx.services.directory.setting_history(samples(ctx).setting_id).bookings,
    "the setting with the most bookings",
)
query(
    "people.search_text",
    lambda ctx: ctx.services.directory.people(PersonFilter(text="jo", limit=PAGE)),
    f"people matching a name fragment, first {PAGE}",
)
query(
    "people.search_filters",
    lambda ctx: ctx.services.directory.people(
        PersonFilter(role=Role.DSL, district=samples(ctx).district, phase=Phase.PRIMARY, limit=PAGE)
    ),
    "DSLs of primaries in one district",
)
query(
    "people.count",
    lambda ctx: ctx.services.directory.count_people(PersonFilter(text="smith")),
    "how many people match (the directory's total)",
)
query(
    "settings.search",
    lambda ctx: ctx.services.directory.settings(SettingFilter(text="st", phase=Phase.PRIMARY)),
    "primaries matching text",
)
query(
    "settings.all",
    lambda ctx: ctx.services.directory.settings(SettingFilter(openness="all")),
    "the settings page, unfiltered",
)
query("licences.pools", lambda ctx: ctx.services.licences.pools(), "every pool with its seats left")
query(
    "compliance.due_refresh",
    lambda ctx: ctx.services.compliance.settings_due_refresh(),
    "settings behind on their DSL refresh",
)
query("compliance.overview", lambda ctx: ctx.services.compliance.overview(), "every open setting's position")
query("compliance.leads", lambda ctx: ctx.services.compliance.leads(), "every DSL's training dates")
query(
    "statistics.by_district",
    lambda ctx: ctx.services.compliance.attendance_by_district(samples(ctx).year_start, ctx.now),
    "attendance by district this academic year",
)
