"""A school's history across URNs, through the successor links imports store."""

from __future__ import annotations

from pathlib import Path

from briefings.queries.directory import SettingFilter
from briefings.queries.lineage import current_setting, lineage

EXTRACT = Path(__file__).resolve().parents[1] / "importing" / "fixtures" / "gias_small.csv"


def test_a_conversion_is_followed_both_ways(services, db):
    preview = services.imports.preview_settings(EXTRACT.read_bytes(), "gias.csv", "990")
    services.imports.apply_settings(preview)
    ids = {s.urn: s.id for s in services.directory.settings(SettingFilter(openness="all"))}
    with db.sessions() as session:
        assert lineage(session, ids[960006]) == [ids[960006], ids[960005]]
        assert lineage(session, ids[960005]) == [ids[960005]]
        assert current_setting(session, ids[960005]) == ids[960006]
        assert current_setting(session, ids[960001]) == ids[960001]
