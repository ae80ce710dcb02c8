from __future__ import annotations

import pytest

from briefings.errors import ValidationError


def test_preferences_round_trip_and_remove(services):
    services.preferences.set_many(
        {"organiser.name": "Jo Advisor", "organiser.email": "jo@wyvernshire.example"}
    )
    services.preferences.set("import.mapping.staff", {"Email": "email", "Surname": "last_name"})
    assert services.preferences.get("organiser.name") == "Jo Advisor"
    assert services.preferences.get_all("organiser.") == {
        "organiser.name": "Jo Advisor",
        "organiser.email": "jo@wyvernshire.example",
    }
    assert services.preferences.get("import.mapping.staff")["Surname"] == "last_name"
    services.preferences.set("organiser.name", None)
    assert services.preferences.get("organiser.name", "unset") == "unset"


def test_prefix_search_does_not_treat_underscore_as_a_wildcard(services):
    services.preferences.set("a_b.x", 1)
    services.preferences.set("aXb.y", 2)
    assert services.preferences.get_all("a_b.") == {"a_b.x": 1}


def test_unstorable_values_are_refused(services):
    with pytest.raises(ValidationError, match="cannot be stored"):
        services.preferences.set("bad", object())
    assert services.preferences.get("bad") is None


def _picture(tmp_path, name="logo.png"):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n")  # existence is checked here; the dialog checks it loads
    return str(path)


def test_document_preferences_are_stored_together_and_read_back(services, tmp_path):
    from briefings.document_preferences import (
        MINIMUM_MINUTES,
        ORGANISATION_LOGO,
        DocumentPreferences,
    )

    logo = _picture(tmp_path)
    saved = services.preferences.set_documents(
        DocumentPreferences(
            organiser_name=" Jo Advisor ",
            organiser_email="jo@wyvernshire.example",
            organisation="Wyvernshire County Council",
            logo_path=logo,
            minimum_minutes=45,
        )
    )
    assert saved == services.preferences.documents()
    assert saved.organiser_name == "Jo Advisor"
    assert services.invites.organiser().email == "jo@wyvernshire.example"
    assert services.preferences.get(ORGANISATION_LOGO) == logo
    assert services.preferences.get(MINIMUM_MINUTES) == 45
    services.preferences.set_documents(DocumentPreferences(organiser_name="Jo Advisor"))
    assert services.preferences.documents() == DocumentPreferences(organiser_name="Jo Advisor")
    assert services.preferences.get(MINIMUM_MINUTES) is None


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"organiser_email": "jo at wyvernshire"}, "email", "does not look like an email address"),
        ({"logo_path": "logo.png"}, "organisation.logo_path", "whole path"),
        ({"logo_path": "/nowhere/logo.png"}, "organisation.logo_path", "cannot be found"),
        ({"signature_path": "SIGNATURE.GIF"}, "certificates.signature_path", "PNG or JPEG"),
        ({"minimum_minutes": -5}, "certificates.minimum_minutes", "whole number from 0"),
    ],
)
def test_a_refused_document_preference_names_its_field_and_stores_nothing(
    services, tmp_path, changes, field, reason
):
    from dataclasses import replace

    from briefings.document_preferences import DocumentPreferences

    if changes.get("signature_path") == "SIGNATURE.GIF":
        changes = {"signature_path": _picture(tmp_path, "SIGNATURE.GIF")}
    before = DocumentPreferences(organiser_name="Jo Advisor", organisation="Wyvernshire")
    services.preferences.set_documents(before)
    with pytest.raises(ValidationError, match=reason) as refused:
        services.preferences.set_documents(replace(before, organisation="Changed", **changes))
    assert refused.value.field == field
    assert services.preferences.documents() == before


def test_a_damaged_minimum_still_lets_the_preferences_open(services):
    services.preferences.set("certificates.minimum_minutes", "forty")
    assert services.preferences.documents().minimum_minutes == 0
