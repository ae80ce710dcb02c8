"""NSPCC licence pools and the seats the county has handed to settings.

The harmful sexual behaviour course is bought in two-year pools; most seats are out, a few came
back and one allocation was revoked. A second, smaller pool runs out within the month, so the
dashboard has something to warn about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.county import DemoSetting
from briefings.demo.people import DemoPeople
from briefings.demo.tables import DemoTables
from models.enums import AllocationStatus, Role
from models.licences import LicenceAllocation, LicencePool

PROVIDER = "NSPCC Learning"
HSB_PRODUCT = "Harmful sexual behaviour (online course)"
ONLINE_PRODUCT = "Keeping children safe online (online course)"
HSB_SEATS_PER_SETTING = 0.27
ONLINE_SEATS_PER_SETTING = 0.09
SHARE_GIVEN = 0.8
SOON = timedelta(days=25)


@dataclass(frozen=True)
class _Pool:
    id: int
    seats: int
    valid_from: date
    valid_until: date


def make_licences(
    ctx: DemoContext, tables: DemoTables, settings: Sequence[DemoSetting], people: DemoPeople
) -> None:
    """Two-year HSB pools across the history, and a short pool about to expire."""
    rng = ctx.rng("licences")
    open_settings = [s for s in settings if s.is_open]
    dsl_of = {
        m.setting_id: m.person_id for m in people.at_settings() if m.role is Role.DSL and m.ends_on is None
    }
    hsb_seats = max(10, round(len(open_settings) * HSB_SEATS_PER_SETTING))
    first = ctx.years[-2] if len(ctx.years) > 1 else ctx.years[-1]
    starts = list(range(first, ctx.years[0] - 1, -2))
    for index, year in enumerate(reversed(starts)):
        pool = _add_pool(
            tables,
            rng,
            HSB_PRODUCT,
            seats=hsb_seats,
            valid_from=date(year, 9, 1),
            valid_until=date(year + 2, 8, 31),
            notes="Two-year licence; seats can be reassigned until a learner starts.",
        )
        current = index == len(starts) - 1
        _allocate(tables, rng, ctx.today, pool, settings=open_settings, dsl_of=dsl_of, revoke_one=current)
    online_seats = max(5, round(len(open_settings) * ONLINE_SEATS_PER_SETTING))
    pool = _add_pool(
        tables,
        rng,
        ONLINE_PRODUCT,
        seats=online_seats,
        valid_from=ctx.today - timedelta(days=335),
        valid_until=ctx.today + SOON,
        notes=None,
    )
    _allocate(tables, rng, ctx.today, pool, settings=open_settings, dsl_of=dsl_of, revoke_one=False)


def _add_pool(
    tables: DemoTables,
    rng: DemoRandom,
    product: str,
    *,
    seats: int,
    valid_from: date,
    valid_until: date,
    notes: str | None,
) -> _Pool:
    pool_id = tables.add(
        LicencePool,
        provider=PROVIDER,
        product=product,
        unit="learner",
        seats=seats,
        valid_from=valid_from,
        valid_until=valid_until,
        reference=f"NSPCC-{valid_from.year}-{rng.randrange(10_000, 99_999)}",
        notes=notes,
    )
    return _Pool(pool_id, seats, valid_from, valid_until)


def _allocate(
    tables: DemoTables,
    rng: DemoRandom,
    today: date,
    pool: _Pool,
    *,
    settings: list[DemoSetting],
    dsl_of: dict[int | None, int],
    revoke_one: bool,
) -> None:
    """Seats to settings, in date order, never more than the pool holds."""
    last_day = min(today, pool.valid_until)
    span = (last_day - pool.valid_from).days
    target = round(pool.seats * SHARE_GIVEN)
    used = 0
    plans = []
    keen = [s for s in settings if s.engagement > 0.5]  # noqa: PLR2004
    for setting in rng.sample(keen, min(len(keen), target)):
        seats = rng.choice((1, 1, 1, 2, 2, 3))
        if used + seats > target:
            break
        used += seats
        plans.append((pool.valid_from + timedelta(days=rng.randint(0, max(span, 0))), setting, seats))
    plans.sort(key=lambda p: (p[0], p[1].id))
    revoked = rng.randrange(len(plans)) if revoke_one and plans else None
    for index, (allocated_on, setting, seats) in enumerate(plans):
        expires_on = pool.valid_until
        if rng.chance(0.3) and allocated_on + timedelta(days=365) <= pool.valid_until:
            expires_on = allocated_on + timedelta(days=365)
        status, ended_on, notes = AllocationStatus.ACTIVE, None, None
        if index == revoked:
            status, notes = AllocationStatus.REVOKED, "Allocated to the wrong setting; reissued."
            ended_on = min(allocated_on + timedelta(days=rng.randint(1, 10)), last_day)
        elif rng.chance(0.08) and allocated_on < last_day:
            status, notes = AllocationStatus.RETURNED, "The learner left before starting the course."
            ended_on = allocated_on + timedelta(days=rng.randint(1, max(1, (last_day - allocated_on).days)))
        tables.add(
            LicenceAllocation,
            pool_id=pool.id,
            setting_id=setting.id,
            person_id=dsl_of.get(setting.id) if rng.chance(0.6) else None,
            seats=seats,
            allocated_on=allocated_on,
            expires_on=expires_on,
            status=status,
            ended_on=min(ended_on, last_day) if ended_on else None,
            notes=notes,
        )
