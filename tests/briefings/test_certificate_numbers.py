from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from briefings.certificate_numbers import (
    CertifiedDetails,
    claimed_details,
    new_signing_key,
    number_for,
    number_matches,
    parse_number,
    qr_payload,
)

KEY = "ab" * 32
DETAILS = CertifiedDetails(
    person_name="Zoë Brontë",
    setting_name="St Thomas à Becket C of E Primary",
    briefing_title="DSL update briefing",
    briefing_date=date(2025, 10, 8),
    minutes=120,
    cpd_hours=2.0,
)


def test_a_number_shows_year_serial_and_a_check():
    number = number_for(KEY, 42, DETAILS)
    text = str(number)
    assert text.startswith("2025-000042-")
    assert len(text) == len("2025-000042-K7QX-M3PA")
    assert number_matches(KEY, number, DETAILS)


def test_the_same_details_always_give_the_same_number():
    assert number_for(KEY, 42, DETAILS) == number_for(KEY, 42, DETAILS)


@pytest.mark.parametrize(
    "change",
    [
        {"person_name": "Zoe Bronte"},
        {"setting_name": "Another School"},
        {"setting_name": None},
        {"briefing_title": "RSE briefing"},
        {"briefing_date": date(2025, 10, 9)},
        {"minutes": 119},
        {"cpd_hours": 2.5},
    ],
)
def test_changing_any_detail_breaks_the_check(change):
    number = number_for(KEY, 42, DETAILS)
    assert not number_matches(KEY, number, replace(DETAILS, **change))


def test_another_key_or_serial_gives_another_check():
    number = number_for(KEY, 42, DETAILS)
    assert not number_matches("cd" * 32, number, DETAILS)
    assert number_for(KEY, 43, DETAILS).check != number.check


def test_unicode_forms_and_spacing_of_a_name_do_not_change_the_check():
    decomposed = replace(DETAILS, person_name="Zoe\u0308  Bronte\u0308")
    assert number_matches(KEY, number_for(KEY, 42, DETAILS), decomposed)


@pytest.mark.parametrize(
    "typed",
    [
        "{n}",
        "{n_lower}",
        "  {n}  ",
        "{n_no_dashes}",
        "{n_spaced}",
        "Certificate of attendance {n}\nName: Zoë",
    ],
)
def test_numbers_are_found_however_they_are_typed(typed):
    number = number_for(KEY, 42, DETAILS)
    text = str(number)
    given = typed.format(
        n=text,
        n_lower=text.lower(),
        n_no_dashes=text.replace("-", ""),
        n_spaced=text.replace("-", " "),
    )
    assert parse_number(given) == number


def test_misread_letters_are_forgiven_as_crockford_base32_says():
    number = number_for(KEY, 42, DETAILS)
    misread = str(number).replace("0", "O").replace("1", "I")
    assert parse_number(misread) == number


@pytest.mark.parametrize(
    "text", ["", "hello", "2025-000042", "2025-000042-ABCD-EFG", "2025-00004X-ABCD-EFGH"]
)
def test_things_that_are_not_numbers_are_refused(text):
    assert parse_number(text) is None


def test_the_qr_text_carries_the_number_and_every_detail():
    number = number_for(KEY, 42, DETAILS)
    payload = qr_payload(number, DETAILS, "Wyvernshire County Council")
    assert payload.splitlines()[0] == f"Certificate of attendance {number}"
    assert "Issued by: Wyvernshire County Council" in payload
    assert parse_number(payload) == number
    assert claimed_details(payload) == DETAILS.as_text()


def test_new_keys_are_random_and_256_bits():
    first, second = new_signing_key(), new_signing_key()
    assert first != second
    assert len(bytes.fromhex(first)) == 32
