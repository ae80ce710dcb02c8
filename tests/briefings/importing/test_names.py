"""Names as reports write them, and how well they fit a person."""

from __future__ import annotations

import pytest

from briefings.importing.names import NameParts, fold, name_score, parse_display_name


@pytest.mark.parametrize(
    ("shown", "parts"),
    [
        ("Brown, Gareth", NameParts("Gareth", "Brown")),
        ("Mrs J Smith", NameParts("J", "Smith", "Mrs")),
        ("HARRIS Rhiannon", NameParts("Rhiannon", "HARRIS")),
        ("VAN DER BERG Charlotte", NameParts("Charlotte", "VAN DER BERG")),
        ("Miss S ap Dafydd", NameParts("S", "ap Dafydd", "Miss")),
        ("Van der Berg, Charlotte", NameParts("Charlotte", "Van der Berg")),
        ("Ffion Nowak - The Long Gorbury Parva", NameParts("Ffion", "Nowak", None, "The Long Gorbury Parva")),
        ("Siân (Wynmoor) (Guest)", NameParts("Siân", "", None, "Wynmoor")),
        ("Kevin Walker (Staff)", NameParts("Kevin", "Walker")),
        ("Ms Phillips - Drayleigh (Guest)", NameParts("", "Phillips", "Ms", "Drayleigh")),
        ("Dr Anjali Mistry", NameParts("Anjali", "Mistry", "Dr")),
    ],
)
def test_display_names_split_into_comparable_parts(shown, parts):
    assert parse_display_name(shown) == parts


def test_folding_drops_accents_case_and_punctuation():
    assert fold("Siân O’Brien-Lee") == "sian obrien lee"
    assert fold("Łukasz Nørgaard") == "lukasz norgaard"


@pytest.mark.parametrize(
    ("shown", "given", "family", "at_least"),
    [
        ("chloë müller", "Chloë", "Müller", 100),
        ("Renee Taylor", "Renée", "Taylor", 100),
        ("Ant Griffiths", "Anthony", "Griffiths", 95),
        ("Drew Le Roux", "Andrew", "Le Roux", 95),
        ("Yasmin Brownn", "Yasmin", "Brown", 90),
        ("Mrs J Smith", "Jane", "Smith", 90),
        ("Price Lee", "Lee", "Price", 90),
    ],
)
def test_names_that_are_the_same_person_score_high(shown, given, family, at_least):
    assert name_score(parse_display_name(shown), given, family) >= at_least


@pytest.mark.parametrize(
    ("shown", "given", "family"),
    [("Jane Smith", "John", "Smithers"), ("Amanda C", "Amanda", "Jones"), ("Tom Bailey", "Kelly", "Bailey")],
)
def test_different_people_score_below_a_match(shown, given, family):
    assert name_score(parse_display_name(shown), given, family) < 85
