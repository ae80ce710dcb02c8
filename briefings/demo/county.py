"""The demo county's settings: the GIAS mix of phases and types across eight districts.

Besides the open settings there are a few closed ones (mostly schools that converted to
academies, whose staff carried on at the new URN; a few village schools that shut) and one
proposed free school, as a GIAS extract has.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.identities import ascii_slug
from briefings.demo.places import (
    DISTRICTS,
    KINDS,
    LA_CODE,
    LA_NAME,
    LANDMARK_NAMES,
    PLACE_ENDINGS,
    PLACE_PREFIXES,
    PLACE_STEMS,
    PLACE_SUFFIXES,
    SAINTS,
    STREETS,
    TRUST_DOMAINS,
    TRUST_TYPES,
    WELSH_PLACES,
    Kind,
)
from briefings.demo.tables import DemoTables
from models.enums import Phase, SettingStatus
from models.settings import Setting

URN_FIRST, URN_LAST = 960_000, 969_999
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# GIAS: 24 closed and 1 proposed against 446 open.
CLOSED_PER_OPEN = 22 / 444
# How keen a setting is on county training: most are, some patchily, a few barely.
ENGAGEMENT = ((1.0, 0.68), (0.45, 0.20), (0.06, 0.12))
SMALL_SCHOOL = 220


@dataclass
class DemoSetting:
    """A setting as the later steps need it (more than the table keeps)."""

    id: int
    name: str
    phase: Phase
    establishment_type: str
    district: str
    pupils: int
    domain: str
    email_style: int
    engagement: float
    area: str
    laestab: str | None = None
    status: SettingStatus = SettingStatus.OPEN
    closed_on: date | None = None
    predecessor_of: int | None = None

    @property
    def is_open(self) -> bool:
        """Whether it is open today."""
        return self.status is SettingStatus.OPEN

    @property
    def small(self) -> bool:
        """A small school, where the head is usually the DSL too."""
        return self.pupils < SMALL_SCHOOL and self.phase in (Phase.PRIMARY, Phase.NURSERY)


def kind_counts(open_settings: int) -> list[tuple[Kind, int]]:
    """How many of each kind, in the GIAS proportions, adding up to ``open_settings``."""
    total = sum(k.open_count for k in KINDS)
    shares = [(k, k.open_count * open_settings / total) for k in KINDS]
    counts = {k: int(share) for k, share in shares}
    # Largest remainders take the places rounding down left over.
    by_remainder = sorted(shares, key=lambda ks: ks[1] - int(ks[1]), reverse=True)
    for k, _share in by_remainder[: open_settings - sum(counts.values())]:
        counts[k] += 1
    return [(k, counts[k]) for k in KINDS if counts[k]]


class _Namer:
    """Village names and setting names, mostly different from each other."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._places: set[str] = set()
        self._names: set[str] = set()
        self._landmarks = {phase: list(names) for phase, names in LANDMARK_NAMES.items()}

    def place(self) -> str:
        rng = self._rng
        for _ in range(20):
            if rng.chance(0.02):
                name = rng.choice(WELSH_PLACES)
            else:
                stem = rng.choice(PLACE_STEMS) + rng.choice(PLACE_ENDINGS)
                name = f"{rng.choice(PLACE_PREFIXES)}{stem}{rng.choice(PLACE_SUFFIXES)}"
            if name not in self._places:
                break
        self._places.add(name)
        return name

    def setting_name(self, kind: Kind, place: str, district: str) -> str:
        landmarks = self._landmarks.get(kind.phase)
        if landmarks and self._rng.chance(0.05):
            return landmarks.pop(0)
        for _ in range(10):
            style = self._rng.choice(kind.name_styles)
            name = style.format(place=place, saint=self._rng.choice(SAINTS), district=district)
            # Church dedications repeat across a county; other names should not.
            if name not in self._names or "{saint}" in style:
                break
        self._names.add(name)
        return name


def make_settings(ctx: DemoContext, tables: DemoTables) -> list[DemoSetting]:
    """Open settings in the GIAS mix, then closed predecessors and one proposed school."""
    rng = ctx.rng("settings")
    namer = _Namer(rng)
    open_total = ctx.scale.open_settings
    closed_total = round(open_total * CLOSED_PER_OPEN)
    proposed_total = max(1, round(open_total / 450))
    urns = iter(rng.sample(range(URN_FIRST, URN_LAST + 1), open_total + closed_total + proposed_total))
    numbers: dict[int, int] = {}
    settings = []
    kinds = [k for k, n in kind_counts(open_total) for _ in range(n)]
    rng.shuffle(kinds)
    districts = rng.choices(DISTRICTS, [d.weight for d in DISTRICTS], k=len(kinds))
    for kind, district in zip(kinds, districts, strict=True):
        place = district.name if rng.chance(0.1) else namer.place()
        name = namer.setting_name(kind, place, district.name)
        number = numbers[kind.laestab_base] = numbers.get(kind.laestab_base, kind.laestab_base) + 1
        setting = _setting(rng, kind, name, district.name, place)
        setting.laestab = f"{LA_CODE}{number}"
        setting.id = _add_row(tables, rng, setting, next(urns), district.postcode_districts)
        settings.append(setting)
    settings += _closed(ctx, tables, rng, settings, urns=urns, total=closed_total, namer=namer)
    for _ in range(proposed_total):
        district = rng.choice(DISTRICTS)
        place = namer.place()
        kind = next(k for k in KINDS if k.establishment_type == "Free schools")
        setting = _setting(rng, kind, f"{place} Park Primary Academy", district.name, place)
        setting.status = SettingStatus.PROPOSED
        setting.id = _add_row(tables, rng, setting, next(urns), district.postcode_districts)
        settings.append(setting)
    return settings


def _setting(rng: DemoRandom, kind: Kind, name: str, district: str, place: str) -> DemoSetting:
    low, high = kind.pupils
    pupils = int(rng.triangular(low, high, low + (high - low) * 0.3))
    if kind.establishment_type in TRUST_TYPES and rng.chance(0.8):
        domain = rng.choice(TRUST_DOMAINS)
    else:
        suffix = {Phase.PRIMARY: "pri", Phase.SECONDARY: "high"}.get(kind.phase, "")
        domain = f"{ascii_slug(place)[:18]}{suffix}.wyvern.sch.example"
    engagement = rng.choices([e for e, _ in ENGAGEMENT], [w for _, w in ENGAGEMENT])[0]
    if kind.phase is Phase.INDEPENDENT:
        engagement *= 0.4  # independent schools need not use the county's training
    return DemoSetting(
        id=0,
        name=name,
        phase=kind.phase,
        establishment_type=kind.establishment_type,
        district=district,
        pupils=pupils,
        domain=domain,
        email_style=rng.randrange(5),
        engagement=engagement,
        area=place,
    )


def _add_row(
    tables: DemoTables,
    rng: DemoRandom,
    setting: DemoSetting,
    urn: int,
    postcode_districts: tuple[int, ...],
) -> int:
    street, place, town = rng.choice(STREETS), setting.area, setting.district
    address = f"{street}, {place}, {town}" if place != town else f"{street}, {town}"
    letters = "".join(rng.choices(POSTCODE_LETTERS, k=2))
    return tables.add(
        Setting,
        urn=urn,
        laestab=setting.laestab,
        name=setting.name,
        establishment_type=setting.establishment_type,
        phase=setting.phase,
        la_code=LA_CODE,
        la_name=LA_NAME,
        district=setting.district,
        area=place,
        address=address,
        postcode=f"WX{rng.choice(postcode_districts)} {rng.randint(1, 9)}{letters}",
        status=setting.status,
        closed_on=setting.closed_on,
    )


def _closed(
    ctx: DemoContext,
    tables: DemoTables,
    rng: DemoRandom,
    settings: list[DemoSetting],
    *,
    urns: Iterator[int],
    total: int,
    namer: _Namer,
) -> list[DemoSetting]:
    """Converter academies' old maintained schools, and a few village schools that shut."""
    converters = [
        s
        for s in settings
        if s.establishment_type == "Academy converter" and s.phase in (Phase.PRIMARY, Phase.SECONDARY)
    ]
    rng.shuffle(converters)
    conversions = min(round(total * 0.7), len(converters))
    closed = []
    kinds = {k.establishment_type: k for k in KINDS if k.phase is Phase.PRIMARY}
    for index in range(total):
        day = _closing_day(rng, ctx.today)
        if index < conversions:
            successor = converters[index]
            old_type = rng.choice(("Community school", "Voluntary controlled school", "Foundation school"))
            kind = kinds[old_type] if successor.phase is Phase.PRIMARY else _kind(successor)
            setting = _setting(
                rng, kind, _maintained_name(successor.name), successor.district, successor.area
            )
            setting.pupils, setting.laestab = successor.pupils, successor.laestab
            setting.predecessor_of = successor.id
        else:
            place = namer.place()
            district = rng.choice(DISTRICTS).name
            setting = _setting(
                rng, kinds["Community school"], f"{place} Village Primary School", district, place
            )
            setting.pupils = rng.randint(18, 60)
        setting.status, setting.closed_on = SettingStatus.CLOSED, day
        district_row = next(d for d in DISTRICTS if d.name == setting.district)
        setting.id = _add_row(tables, rng, setting, next(urns), district_row.postcode_districts)
        closed.append(setting)
    return closed


def _maintained_name(academy_name: str) -> str:
    """What a converter academy was called before it converted."""
    name = academy_name.removesuffix(", A Voluntary Academy")
    return name.replace("Primary Academy", "Primary School").replace(" Academy", " School")


def _kind(setting: DemoSetting) -> Kind:
    return next(k for k in KINDS if k.phase is setting.phase and k.establishment_type == "Community school")


def _closing_day(rng: DemoRandom, today: date) -> date:
    """A 31 March or 31 August in the last few years, before today."""
    while True:
        year = today.year - rng.randint(0, 4)
        day = date(year, 3, 31) if rng.chance(0.4) else date(year, 8, 31)
        if day < today:
            return day
