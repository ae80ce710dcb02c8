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
