"""Change over the years: academy conversions, staff who moved setting, staff who left, partners.

Each summer in the history some staff leave (their successor starts on 1 September) and some move
to another setting (an ended role at the old one, a new role at the new one), so people's and
settings' histories show bookings made for the setting they were at then.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.county import DemoSetting
from briefings.demo.people import DemoMembership, DemoPeople
from briefings.demo.places import PARTNERS
from briefings.demo.staff import StaffMaker
from briefings.demo.tables import DemoTables
from models.enums import Role
from models.people import Organisation

LEAVING_SHARE = 0.6  # of each year's turnover; the rest move within the county


def make_people(ctx: DemoContext, tables: DemoTables, settings: list[DemoSetting]) -> DemoPeople:
    """Every person and role: staff, their history, and the partner organisations' people."""
    rng = ctx.rng("people")
    people = DemoPeople()
    maker = StaffMaker(rng, people, ctx.today, teachers_per_100=ctx.scale.teachers_per_100_pupils)
    for setting in settings:
        if setting.is_open:
            maker.staff(setting)
    by_id = {s.id: s for s in settings}
    for setting in settings:
        if setting.closed_on is not None:
            _close(rng, people, maker, setting, by_id)
    open_settings = [s for s in settings if s.is_open]
    for year in ctx.years[:-1]:
        summer = date(year + 1, 8, 31)
        _summer_changes(rng, people, maker, open_settings, summer=summer, turnover=ctx.scale.turnover)
    _partners(tables, people, maker)
    return people


def _close(
    rng: DemoRandom,
    people: DemoPeople,
    maker: StaffMaker,
    setting: DemoSetting,
    by_id: dict[int, DemoSetting],
) -> None:
    """A converter's staff carry on at the academy; a school that shut leaves its head behind."""
    closed_on = setting.closed_on
    assert closed_on is not None  # noqa: S101 - only closed settings come here
    if setting.predecessor_of is None:
        maker.leaver(setting, Role.HEADTEACHER, closed_on)
        if rng.chance(0.5):
            maker.leaver(setting, Role.DEPUTY_DSL, closed_on)
        return
    academy = by_id[setting.predecessor_of]
    for membership in [m for m in people.memberships if m.setting_id == academy.id]:
        if membership.starts_on is not None and membership.starts_on > closed_on:
            continue  # joined the academy after it converted
        people.add_role(
            DemoMembership(
                membership.person_id,
                membership.role,
                setting_id=setting.id,
                starts_on=membership.starts_on,
                ends_on=closed_on,
                job_title=membership.job_title,
            )
        )
        membership.starts_on = closed_on + timedelta(days=1)


def _summer_changes(
    rng: DemoRandom,
    people: DemoPeople,
    maker: StaffMaker,
    settings: list[DemoSetting],
    *,
    summer: date,
    turnover: float,
) -> None:
    september = summer + timedelta(days=1)
    current = [
        m
        for m in people.at_settings()
        if m.ends_on is None and (m.starts_on is None or m.starts_on < september)
    ]
    if not current or len(settings) <= 1:
        return
    changes = round(len(current) * turnover)
    leaving = round(changes * LEAVING_SHARE)
    by_id = {s.id: s for s in settings}
    for membership in rng.sample(current, min(leaving, len(current))):
        # Someone else held this role until the summer; today's holder took over in September.
        maker.leaver(by_id[membership.setting_id or 0], membership.role, summer)
        membership.starts_on = september
    roles_of: dict[int, list[DemoMembership]] = defaultdict(list)
    for membership in current:
        roles_of[membership.person_id].append(membership)
    # People with a past already (converted schools, earlier moves) stay where they are.
    settled = {m.person_id for m in people.memberships if m.ends_on is not None}
    movers = {
        m.person_id: m.setting_id or 0 for m in rng.sample(current, min(changes - leaving, len(current)))
    }
    for person_id, setting_id in movers.items():
        held = [m for m in roles_of[person_id] if m.setting_id == setting_id]
        if person_id in settled or any(m.starts_on is not None and m.starts_on >= september for m in held):
            continue  # already changed role this summer
        old = rng.choice(settings)
        while old.id == setting_id or (old.district != by_id[setting_id].district and rng.chance(0.7)):
            old = rng.choice(settings)
        started = date(summer.year - rng.randint(2, 8), 9, 1)
        for membership in held:
            role = Role.DEPUTY_DSL if membership.role is Role.DSL and rng.chance(0.4) else membership.role
            people.add_role(
                DemoMembership(person_id, role, setting_id=old.id, starts_on=started, ends_on=summer)
            )
            membership.starts_on = september


def _partners(tables: DemoTables, people: DemoPeople, maker: StaffMaker) -> None:
    """Organisations the county works with, and the people there (nurses, police, CAMHS...)."""
    for partner in PARTNERS:
        organisation_id = tables.add(Organisation, name=partner.name, kind=partner.kind, notes=None)
        people.organisation_ids[partner.key] = organisation_id
        for job_title in partner.job_titles:
            who = maker.names.identity()
            person_id = people.add_person(who, maker.names.email(who, partner.domain, 0), maker.names.phone())
            people.add_role(
                DemoMembership(person_id, Role.OTHER, organisation_id=organisation_id, job_title=job_title)
            )
            people.partners[partner.key].append(person_id)
