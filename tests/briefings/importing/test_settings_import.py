"""Importing settings: preview first, upsert by URN, never delete, follow conversions, all or nothing."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from briefings.directory import SettingFields
from briefings.errors import ConflictError
from briefings.queries.directory import SettingFilter
from briefings.vocabulary import Phase, Role

SMALL = "gias_small.csv"


def _edited(data: bytes, changes: dict[str, dict[str, str]], drop: set[str] = frozenset()) -> bytes:
    """The extract with some rows' cells changed (by URN and header) and some rows left out."""
    rows = list(csv.reader(io.StringIO(data.decode("cp1252"), newline="")))
    header = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows[1:]:
        urn = row[header.index("URN")]
        if urn in drop:
            continue
        for column, value in changes.get(urn, {}).items():
            row[header.index(column)] = value
        writer.writerow(row)
    return out.getvalue().encode("cp1252")


def _by_urn(services):
    return {s.urn: s for s in services.directory.settings(SettingFilter(openness="all"))}


def test_a_first_import_adds_the_chosen_authority_and_leaves_the_rest_out(services, fixture_bytes):
    preview = services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990")
    assert preview.counts["new"] == 9
    assert preview.counts["other_authorities"] == 1
    assert preview.counts["links"] == 1
    assert services.directory.count_settings(SettingFilter(openness="all")) == 0  # a preview writes nothing
    result = services.imports.apply_settings(preview)
    assert (result.added, result.linked) == (9, 1)
    settings = _by_urn(services)
    assert 960010 not in settings
    assert settings[960003].phase is Phase.SPECIAL
    assert settings[960005].status.value == "closed"
    assert settings[960005].closed_on == date(2025, 3, 31)
    assert services.preferences.get("imports.gias.la_code") == "990"


def test_the_last_authority_is_remembered_and_all_can_be_chosen(services, fixture_bytes):
    services.preferences.set("imports.gias.la_code", "691")
    assert services.imports.preview_settings(fixture_bytes(SMALL), SMALL).counts["new"] == 1
    assert services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "all").counts["new"] == 10


def test_a_second_import_of_the_same_file_changes_nothing(services, fixture_bytes):
    services.imports.apply_settings(services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990"))
    again = services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990")
    assert again.counts["unchanged"] == 9
    assert not again.has_changes


def test_changes_and_closures_are_counted_and_nothing_is_deleted(services, fixture_bytes):
    services.imports.apply_settings(services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990"))
    edited = _edited(
        fixture_bytes(SMALL),
        {
            "960001": {"EstablishmentName": "Renée Brontë Primary Academy", "Postcode": ""},
            "960002": {"EstablishmentStatus (name)": "Closed", "CloseDate": "31-08-2025"},
            "960003": {"DistrictAdministrative (name)": "Ashmoor"},
        },
        drop={"960009"},
    )
    preview = services.imports.preview_settings(edited, SMALL, "990")
    assert {k: preview.counts[k] for k in ("new", "changed", "closed", "unchanged")} == {
        "new": 0,
        "changed": 2,
        "closed": 1,
        "unchanged": 5,
    }
    renamed = next(c for c in preview.plan.changed if c.urn == 960001)
    assert [(c.field, c.before, c.after) for c in renamed.changes] == [
        ("name", "Renée Brontë Primary School", "Renée Brontë Primary Academy")
    ]
    services.imports.apply_settings(preview)
    settings = _by_urn(services)
    assert settings[960001].name == "Renée Brontë Primary Academy"
    assert settings[960001].postcode == "WX1 1AA"  # a blank in the file erases nothing
    assert settings[960002].status.value == "closed"
    assert settings[960002].closed_on == date(2025, 8, 31)
    assert settings[960003].district == "Ashmoor"
    assert 960009 in settings  # not in the file, still stored


def test_rejected_rows_are_listed_and_not_written(services):
    data = (
        '"URN","EstablishmentName","EstablishmentStatus (name)"\r\n'
        '"960001","Fine","Open"\r\n"bad","Broken","Open"\r\n"960002","Also fine","Nearly open"\r\n'
    ).encode("cp1252")
    preview = services.imports.preview_settings(data, "x.csv", "all")
    assert preview.counts["new"] == 1
    assert preview.counts["rejected"] == 2
    assert [(p.row, p.column) for p in preview.rejected] == [(3, "URN"), (4, "EstablishmentStatus (name)")]
    services.imports.apply_settings(preview)
    assert set(_by_urn(services)) == {960001}


def test_apply_refuses_when_the_database_changed_after_the_preview(services, fixture_bytes):
    preview = services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990")
    services.directory.add_setting(SettingFields(name="Typed in meanwhile", urn=960001))
    with pytest.raises(ConflictError, match="preview the file again"):
        services.imports.apply_settings(preview)
    assert set(_by_urn(services)) == {960001}  # all or nothing


def test_staff_of_a_converted_school_carry_on_at_the_academy(services, fixture_bytes, make_person):
    before = _edited(
        fixture_bytes(SMALL),
        {
            "960005": {
                "EstablishmentStatus (name)": "Open",
                "ReasonEstablishmentClosed (name)": "",
                "CloseDate": "",
            }
        },
        drop={"960006"},
    )
    services.imports.apply_settings(services.imports.preview_settings(before, SMALL, "990"))
    old = _by_urn(services)[960005]
    dsl = make_person(role=Role.DSL, setting_id=old.id)
    preview = services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990")
    assert preview.counts["closed"] == 1
    assert preview.counts["new"] == 1
    assert preview.counts["staff_to_carry"] == 1
    result = services.imports.apply_settings(preview)
    assert (result.linked, result.staff_carried) == (1, 1)
    academy = _by_urn(services)[960006]
    roles = {(m.setting_id, m.role, m.starts_on, m.ends_on) for m in services.directory.person(dsl.id).roles}
    assert roles == {
        (old.id, Role.DSL, None, date(2025, 3, 31)),
        (academy.id, Role.DSL, date(2025, 4, 1), None),
    }
    assert services.imports.preview_settings(fixture_bytes(SMALL), SMALL, "990").counts["links"] == 0


def test_the_sample_county_from_2023_to_2025_matches_the_truth_file(services, sample_data):
    old = (sample_data / "gias_county_2023layout.csv").read_bytes()
    first = services.imports.preview_settings(old, "2023.csv", "990")
    assert first.counts["new"] == 454
    assert first.counts["other_authorities"] == 2
    services.imports.apply_settings(first)
    text = (sample_data / "truth" / "gias_changes_2023_to_2025.csv").read_text(encoding="utf-8")
    truth = list(csv.DictReader(io.StringIO(text)))
    preview = services.imports.preview_settings(
        (sample_data / "gias_county.csv").read_bytes(), "2025.csv", "990"
    )
    new = {c.urn for c in preview.plan.new}
    closed = {c.urn for c in preview.plan.closed}
    expected_new = {int(t["new_urn"]) for t in truth if t["new_urn"]}
    expected_closed = {
        int(u)
        for t in truth
        if t["change"] in {"closed", "converted", "amalgamated"}
        for u in t["old_urn"].split("+")
    }
    assert new == expected_new
    assert len(new) == 15
    assert closed == expected_closed
    assert len(closed) == 17
    renamed = {c.urn for c in preview.plan.changed if any(f.field == "name" for f in c.changes)}
    assert renamed == {int(t["old_urn"]) for t in truth if t["change"] == "renamed"}
    assert preview.counts["links"] == 14
    services.imports.apply_settings(preview)
    settings = _by_urn(services)
    assert settings[961255].status.value == "closed"  # converted: kept, closed, linked
    assert len(settings) == 454 + 15
