"""A nationality word that qualifies the kind of place a name is settles which place it
is, on sentences we wrote: "the Mozambican town of Palma" is in Mozambique (the country
itself when the gazetteer has no such town there), wherever the page repeats the name."""

from __future__ import annotations


def places_named(result, text):
    return [p for p in result.places if p.text == text and p.kind != "demonym"]


def test_a_town_named_with_its_nationality_is_in_that_country(analyse_text):
    result = analyse_text(
        "Insurgents took control of the Mozambican town of Palma on Saturday.",
        date="2021-03-29",
    )
    found = places_named(result, "Palma")
    assert found and found[0].country == "MOZ"


def test_the_name_repeated_on_the_page_is_the_same_place(analyse_text):
    result = analyse_text(
        "Police in Palma said the roads were cut. Insurgents took control of the Mozambican "
        "town of Palma on Saturday.",
        date="2021-03-29",
    )
    assert {p.country for p in places_named(result, "Palma")} == {"MOZ"}


def test_a_town_with_no_nationality_keeps_its_usual_reading(analyse_text):
    result = analyse_text("Protesters marched in Palma on Saturday.", date="2021-03-29")
    assert [p.country for p in places_named(result, "Palma")] == ["ESP"]


def test_the_nationality_picks_among_towns_of_one_name(analyse_text):
    result = analyse_text("Clashes broke out in the Syrian city of Homs on Monday.")
    found = places_named(result, "Homs")
    assert found and found[0].country == "SYR"
