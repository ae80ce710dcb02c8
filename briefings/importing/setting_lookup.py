"""Finding the stored setting a row means: by URN, by LAESTAB, then by name.

A URN of a school that closed and carries on under another URN (an academy conversion) leads to
its successor, so lists written before a conversion still place people at the open academy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from briefings.importing.names import fold
from briefings.importing.problems import Problem, error, note, warning
from models.enums import SettingStatus
from models.settings import Setting

NAME_MATCH = 92
NAME_MARGIN = 4
MAX_SUCCESSOR_HOPS = 10


@dataclass(frozen=True)
class KnownSetting:
    """What lookups need of a stored setting."""

    id: int
    urn: int | None
    laestab: str | None
    name: str
    status: SettingStatus
    successor_id: int | None


class SettingLookup:
    """Every stored setting, indexed by URN, LAESTAB and folded name (read once per import)."""

    def __init__(self, session: Session) -> None:
        columns = (
            Setting.id,
            Setting.urn,
            Setting.laestab,
            Setting.name,
            Setting.status,
            Setting.successor_id,
        )
        self.by_id = {row.id: KnownSetting(*row) for row in session.execute(select(*columns))}
        self._by_urn = {s.urn: s for s in self.by_id.values() if s.urn is not None}
        self._by_laestab: dict[str, list[KnownSetting]] = defaultdict(list)
        self._by_name: dict[str, list[KnownSetting]] = defaultdict(list)
        for setting in self.by_id.values():
            if setting.laestab:
                self._by_laestab[setting.laestab].append(setting)
            self._by_name[fold(setting.name)].append(setting)
        self._open_names = sorted(
            {fold(s.name) for s in self.by_id.values() if s.status is not SettingStatus.CLOSED}
        )

    def current(self, setting: KnownSetting) -> KnownSetting:
        """The setting itself, or the one it carries on as after closing (an academy conversion)."""
        seen = 0
        while setting.status is SettingStatus.CLOSED and setting.successor_id and seen < MAX_SUCCESSOR_HOPS:
            setting = self.by_id[setting.successor_id]
            seen += 1
        return setting

    def resolve(
        self, urn: int | None, laestab: str | None, name: str | None, row: int, problems: list[Problem]
    ) -> KnownSetting | None:
        """The open setting a row means, reporting how it was found when not simply by URN."""
        found = self._by_urn.get(urn) if urn is not None else None
        if urn is not None and found is None:
            problems.append(
                warning(f"no setting has URN {urn}; looked up by LAESTAB and name instead", row, "URN")
            )
        if found is None and laestab:
            found = self._pick_open(self._by_laestab.get(laestab.replace("/", "").replace(" ", ""), []))
        if found is None and name:
            found = self._by_school_name(name, row, problems)
        if found is None:
            problems.append(error("no stored setting matches the URN, LAESTAB or school name", row))
            return None
        current = self.current(found)
        if current is not found:
            problems.append(
                note(f"URN {found.urn} closed; its successor {current.name} (URN {current.urn}) used", row)
            )
        if current.status is SettingStatus.CLOSED:
            problems.append(error(f"{current.name} (URN {current.urn}) is closed; row not imported", row))
            return None
        return current

    def _pick_open(self, candidates: list[KnownSetting]) -> KnownSetting | None:
        open_ones = [s for s in candidates if s.status is not SettingStatus.CLOSED]
        chosen = open_ones or candidates
        return chosen[0] if len(chosen) == 1 else None

    def _by_school_name(self, name: str, row: int, problems: list[Problem]) -> KnownSetting | None:
        key = fold(name)
        exact = self._pick_open(self._by_name.get(key, []))
        if exact is not None:
            return exact
        best = process.extract(key, self._open_names, scorer=fuzz.token_sort_ratio, limit=2)
        if best and best[0][1] >= NAME_MATCH and (len(best) == 1 or best[0][1] - best[1][1] >= NAME_MARGIN):
            found = self._pick_open(self._by_name[best[0][0]])
            if found is not None:
                problems.append(warning(f"school “{name}” taken to be {found.name} (closest name)", row))
            return found
        return None
