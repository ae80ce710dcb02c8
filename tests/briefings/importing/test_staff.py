"""Reading staff lists: roles, e-mail addresses, names and the column mapping."""

from __future__ import annotations

from collections import Counter

import pytest

from briefings.importing.emails import clean_email, raw_domains
from briefings.importing.problems import ImportRefused, Severity
from briefings.importing.roles import read_role
from briefings.importing.staff import ColumnMapping, read_staff, read_staff_table, suggest_mapping
from briefings.vocabulary import Role


@pytest.mark.parametrize(
    ("text", "role", "title"),
    [
        ("DSL", Role.DSL, None),
        ("dsl ", Role.DSL, None),
        ("D.S.L.", Role.DSL, None),
        ("Designated Safeguarding Lead", Role.DSL, None),
        ("DDSL", Role.DEPUTY_DSL, None),
        ("Dep DSL", Role.DEPUTY_DSL, None),
        ("Deputy D.S.L", Role.DEPUTY_DSL, None),
        ("Deputy Designated Safeguarding Lead", Role.DEPUTY_DSL, None),
        ("Head Teacher", Role.HEADTEACHER, None),
        ("Head", Role.HEADTEACHER, None),
        ("Executive Headteacher", Role.HEADTEACHER, "Executive Headteacher"),
        ("Principal", Role.HEADTEACHER, "Principal"),
        ("Chair of Governors", Role.GOVERNOR, "Chair of Governors"),
        ("Governor (Safeguarding)", Role.GOVERNOR, "Governor (Safeguarding)"),
        ("PSHE Lead", Role.PSHE_LEAD, None),
        ("RSHE Coordinator", Role.PSHE_LEAD, "RSHE Coordinator"),
        ("RSE lead", Role.RSE_LEAD, None),
        ("SBM", Role.OTHER, "Business manager"),
        ("Office Manager", Role.OTHER, "Business manager"),
        ("Head of PE", Role.OTHER, "Head of PE"),
    ],
)
def test_role_spellings_become_our_roles(text, role, title):
    reading = read_role(text)
    assert (reading.role, reading.job_title) == (role, title)


def test_an_unknown_role_is_kept_as_other_and_flagged():
    reading = read_role('=DDE("cmd";"/C calc";"x")')
    assert reading.role is Role.OTHER
    assert not reading.recognised
    assert reading.job_title == '=DDE("cmd";"/C calc";"x")'


DOMAINS = raw_domains(["a@school.example"] * 30 + ["b@other.example"])


@pytest.mark.parametrize(
    ("raw", "address", "corrected"),
    [
        ("Jane.Smith@School.Example", "jane.smith@school.example", False),
        (" jane@school.example\u00a0 ", "jane@school.example", False),
        ("mailto:jane@school.example", "jane@school.example", True),
        ("jane@@school.example", "jane@school.example", True),
        ("jane,smith@school.example", "jane.smith@school.example", True),
        ("jane@school,example", "jane@school.example", True),
        ("jane@school.exmaple", "jane@school.example", True),
        ("jane school.example", "jane@school.example", True),
        ("jane@school.example; office@school.example", "jane@school.example", True),
    ],
)
def test_unambiguous_mistakes_in_addresses_are_corrected_and_said(raw, address, corrected):
    cleaned = clean_email(raw, DOMAINS)
    assert cleaned.address == address
    assert bool(cleaned.corrections) is corrected


@pytest.mark.parametrize(
    "raw", ["jane at school", "jane unknown.example", "@SUM(1+1)*cmd|' /C calc'!A0", "jane@"]
)
def test_what_is_not_an_address_is_left_out_with_a_reason(raw):
    cleaned = clean_email(raw, DOMAINS)
    assert cleaned.address is None
    assert "not an e-mail address" in (cleaned.dropped or "")


def test_a_second_address_is_kept_aside():
    assert clean_email("jane@school.example; office@school.example", DOMAINS).others == (
        "office@school.example",
    )


def test_the_mapping_is_suggested_from_the_headers(fixture_bytes):
    table = read_staff_table(fixture_bytes("staff_small.csv"), "staff.csv")
    mapping = suggest_mapping(table.headers)
    assert mapping.columns == {
        "first_name": "Forename",
        "last_name": "Surname",
        "email": "E-mail address",
        "role": "Job title",
        "urn": "School URN",
        "setting_name": "School",
        "phone": "Telephone",
        "notes": "Comments",
    }
    assert set(mapping.origins.values()) == {"recognised"}


def test_a_remembered_mapping_wins_and_odd_headers_are_guessed():
    remembered = {"first_name": "Given", "last_name": "Family", "role": "Post held", "phone": "Gone"}
    mapping = suggest_mapping(
        ["Given", "Family", "Post held", "Email addr.", "Establishment URN"], remembered
    )
    assert mapping.columns["first_name"] == "Given"
    assert mapping.origins["first_name"] == "remembered"
    assert "phone" not in mapping.columns  # remembered, but this list has no such column
    assert mapping.columns["email"] == "Email addr."
    assert mapping.origins["email"] == "guessed"
    assert mapping.columns["urn"] == "Establishment URN"


def test_no_full_name_is_guessed_beside_first_and_last_names():
    mapping = suggest_mapping(["ContactID", "FirstName", "LastName", "Role", "URN"])
    assert "full_name" not in mapping.columns
    assert suggest_mapping(["Contact name", "Role", "URN"]).columns["full_name"] == "Contact name"


def test_a_mapping_without_names_or_a_school_is_refused_saying_what_is_missing(fixture_bytes):
    table = read_staff_table(fixture_bytes("staff_small.csv"), "staff.csv")
    with pytest.raises(ImportRefused, match=r"first and last names.*the school"):
        read_staff(table, ColumnMapping({"email": "E-mail address", "role": "Job title"}, {}), "staff.csv")


def test_rows_are_cleaned_and_every_change_reported(fixture_bytes):
    table = read_staff_table(fixture_bytes("staff_small.csv"), "staff.csv")
    staff = read_staff(table, suggest_mapping(table.headers), "staff.csv")
    rows = {r.row: r for r in staff.rows}
    assert sorted(rows) == [2, 3, 4, 5, 6, 7, 8]
    assert (rows[2].role, rows[3].role) == (Role.DEPUTY_DSL, Role.DSL)
    assert rows[3].email.address == "jane.smith@renee.sch.example"
    assert rows[4].phone == "01632960002"
    assert rows[5].email.address == "amy.brown@stmarys.sch.example"
    assert (rows[8].role, rows[8].job_title) == (Role.OTHER, "Caretaker")
    found = {(p.row, p.severity) for p in staff.problems}
    assert (9, Severity.ERROR) in found  # Eve has no last name
    assert {(4, Severity.WARNING), (5, Severity.WARNING), (8, Severity.NOTE)} <= found


def test_names_the_list_itself_shows_are_swapped_are_put_back():
    lines = ["FirstName,LastName,Role,URN"] + [
        f"{first},{last},DSL,960001" for first, last in [("Anna", "Price")] * 4
    ]
    lines += ["Price,Lee,DSL,960001", "Lee,Jones,DSL,960001", "Lee,Kent,DSL,960001", "Lee,Hart,DSL,960001"]
    table = read_staff_table("\r\n".join(lines).encode(), "s.csv")
    staff = read_staff(table, suggest_mapping(table.headers), "s.csv")
    swapped = next(r for r in staff.rows if r.row == 6)
    assert (swapped.first_name, swapped.last_name) == ("Lee", "Price")
    assert Counter(p.severity for p in staff.problems)[Severity.WARNING] == 1


# ------------------------------------------------------------------ the sample county


def _contacts(sample_data):
    table = read_staff_table((sample_data / "contacts.csv").read_bytes(), "contacts.csv")
    return read_staff(table, suggest_mapping(table.headers), "contacts.csv")


def _defects(sample_data):
    import csv
    import io

    text = (sample_data / "truth" / "contacts_defects.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _contact_ids(sample_data):
    import csv
    import io

    text = (sample_data / "contacts.csv").read_text(encoding="utf-8-sig")
    return {n: r["ContactID"] for n, r in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2)}


def test_every_role_spelling_in_the_contacts_reads_as_the_truth_says(sample_data):
    staff = _contacts(sample_data)
    ids = _contact_ids(sample_data)
    by_id = {ids[r.row]: r for r in staff.rows}
    labels = {"Business manager": (Role.OTHER, "Business manager")}
    variants = [d for d in _defects(sample_data) if d["Defect"] == "role_variant"]
    assert len(variants) == 159
    for defect in variants:
        row = by_id[defect["ContactID"]]
        expected = labels.get(defect["Detail"])
        if expected is not None:
            assert (row.role, row.job_title) == expected
        else:
            assert row.role.label == defect["Detail"], defect


def test_every_email_defect_in_the_contacts_is_corrected_or_reported(sample_data):
    staff = _contacts(sample_data)
    ids = _contact_ids(sample_data)
    by_id = {ids[r.row]: r for r in staff.rows}
    reported = {ids[p.row] for p in staff.problems if p.row is not None and p.column == "Email"}
    for defect in _defects(sample_data):
        if not defect["Defect"].startswith("email_"):
            continue
        row = by_id[defect["ContactID"]]
        if defect["Defect"] in {"email_upper_case", "email_nbsp", "email_trailing_space"}:
            assert row.email.address == row.email.address.strip().lower(), defect  # quietly tidied
        else:
            assert defect["ContactID"] in reported, defect
        assert row.email.address is None or ("@" in row.email.address and " " not in row.email.address)


def test_the_swapped_names_in_the_contacts_and_only_they_are_put_back(sample_data):
    staff = _contacts(sample_data)
    ids = _contact_ids(sample_data)
    swapped = {ids[p.row] for p in staff.problems if "other way round" in p.message}
    assert swapped == {d["ContactID"] for d in _defects(sample_data) if d["Defect"] == "first_last_swapped"}


def test_phones_that_lost_their_leading_zero_get_it_back(sample_data):
    staff = _contacts(sample_data)
    ids = _contact_ids(sample_data)
    by_id = {ids[r.row]: r for r in staff.rows}
    for defect in _defects(sample_data):
        if defect["Defect"] == "phone_leading_zero_lost":
            assert (by_id[defect["ContactID"]].phone or "").startswith("01632")


def test_the_formula_injection_list_is_stored_as_text_with_warnings(sample_data):
    data = (sample_data / "nasty" / "contacts_formula_injection.csv").read_bytes()
    table = read_staff_table(data, "f.csv")
    staff = read_staff(table, suggest_mapping(table.headers), "f.csv")
    flagged = [p for p in staff.problems if "formula" in p.message]
    assert len(flagged) == 11
    assert all(p.severity is Severity.WARNING for p in flagged)
    first = next(r for r in staff.rows if r.row == 2)
    assert first.first_name.startswith("=HYPERLINK(")
    assert next(r for r in staff.rows if r.row == 18).notes == "'=already-escaped"
