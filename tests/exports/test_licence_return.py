from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from briefings.licensing import PoolFields
from exports.base import ExportError
from exports.licence_return import licence_return_exporter


def rows_of(sheet):
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]


@pytest.fixture
def pools(services, make_setting, make_person):
    north = make_setting(name="Northfield Primary")
    south = make_setting(name="+Southgate Academy")
    hsb = services.licences.create_pool(
        PoolFields(
            provider="NSPCC",
            product="HSB training",
            seats=10,
            valid_from=date(2025, 9, 1),
            valid_until=date(2026, 8, 31),
            reference="PO-1234",
        )
    )
    old = services.licences.create_pool(
        PoolFields(
            provider="Acme",
            product="Old course",
            seats=5,
            valid_from=date(2024, 9, 1),
            valid_until=date(2025, 8, 31),
        )
    )
    services.licences.allocate(hsb.id, 3, setting_id=north.id, on=date(2025, 9, 10))
    services.licences.allocate(
        hsb.id, 2, setting_id=south.id, on=date(2025, 9, 12), expires_on=date(2026, 3, 31)
    )
    returned = services.licences.allocate(
        hsb.id, 1, person_id=make_person(first_name="Pat").id, on=date(2025, 9, 15)
    )
    services.licences.return_seats(returned.id, on=date(2025, 9, 20))
    return hsb, old


def test_pools_allocations_and_settings_read_back(services, pools):
    (export_file,) = licence_return_exporter(services).render().files
    assert export_file.filename == "Licences 2025-10-01.xlsx"
    workbook = load_workbook(io.BytesIO(export_file.data))
    assert workbook.sheetnames == ["About", "Pools", "Allocations", "Settings"]
    by_product = {p["Product"]: p for p in rows_of(workbook["Pools"])}
    hsb = by_product["HSB training"]
    assert (hsb["Seats"], hsb["Used"], hsb["Left"], hsb["State"]) == (10, 5, 5, "Valid")
    assert hsb["Valid until"] == datetime(2026, 8, 31)
    assert hsb["Days left"] == (date(2026, 8, 31) - date(2025, 10, 1)).days
    assert (by_product["Old course"]["State"], by_product["Old course"]["Days left"]) == ("Expired", 0)
    allocations = rows_of(workbook["Allocations"])
    assert [(a["Setting"], a["Person"], a["Seats"], a["Status"]) for a in allocations] == [
        (None, "Pat Tester1", 1, "Returned"),
        ("+Southgate Academy", None, 2, "Active"),
        ("Northfield Primary", None, 3, "Active"),
    ]
    settings = rows_of(workbook["Settings"])
    assert [(s["Setting"], s["Seats held"], s["Products"]) for s in settings] == [
        ("+Southgate Academy", 2, "HSB training"),
        ("Northfield Primary", 3, "HSB training"),
    ]
    assert settings[0]["Next expiry"] == datetime(2026, 3, 31)
    assert workbook["Settings"]["A2"].quotePrefix
    for name in ("Pools", "Allocations", "Settings"):
        assert workbook[name].tables[name].ref.startswith("A1:")
        assert workbook[name].freeze_panes is not None
    front = {row[0].value: row[1].value for row in workbook["About"].iter_rows(min_row=3) if row[0].value}
    assert front["Period"] == "As on 1 October 2025"
    assert (front["Seats in valid pools"], front["Seats left in valid pools"]) == (10, 5)


def test_no_pools_is_a_clear_error(services):
    with pytest.raises(ExportError, match="No licence pools are recorded"):
        licence_return_exporter(services).render()
