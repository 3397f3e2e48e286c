"""Mention -> actor resolution on our own sentences: the hard cases of the brief."""

from __future__ import annotations


def mentions(result):
    return [(m.text, m.actor.code, m.actor.id) for m in result.mentions]


def actor_of(result, text):
    """The canonical Actor of the first mention whose words contain ``text``."""
    found = [m.actor for m in result.mentions if text in m.text]
    assert found, f"no mention {text!r} in {mentions(result)}"
    return next(a for a in result.actors if a.id == found[0].id)


def test_mahdi_army_is_not_the_prime_minister(analyse_text):
    result = analyse_text(
        "Prime Minister Adil Abdul-Mahdi met the envoy in Baghdad. "
        "Later, fighters loyal to the Mahdi Army fired on a checkpoint. "
        "Mahdi said the attack would not go unanswered."
    )
    pm = actor_of(result, "Adil Abdul-Mahdi")
    army = actor_of(result, "Mahdi Army")
    assert pm.id != army.id
    assert pm.code_on("2020-01-11") == "IRQGOV"
    assert army.code.endswith("REB")
    # the surname alone, after the full name, is the prime minister
    assert actor_of(result, "Mahdi").id == pm.id


def test_abu_mahdi_al_muhandis_is_not_abdul_mahdi(analyse_text):
    result = analyse_text(
        "Abu Mahdi al-Muhandis, a militia commander, was killed with Soleimani near the airport."
    )
    muhandis = actor_of(result, "Abu Mahdi al-Muhandis")
    assert "abdul" not in muhandis.id
    assert muhandis.code.startswith("IRQ")
    assert not any("abdul" in m.actor.id for m in result.mentions)


def test_sadr_city_is_a_place_not_the_cleric(analyse_text):
    result = analyse_text("Police raided several homes in Sadr City on Tuesday.")
    assert not any("sadr" in (m.actor.id if m.actor else "") for m in result.mentions)
    assert any(p.text == "Sadr City" for p in result.places)


def test_misspelled_militia_name_resolves(analyse_text):
    result = analyse_text("The Madhi Army denied any role in the bombing.", date="2008-03-27")
    assert actor_of(result, "Madhi Army").name == "Mahdi Army"
    assert result.mentions[0].actor.code == "IRQREB"


def test_roles_are_bounded_in_time(analyse_text):
    in_office = analyse_text("Trump threatened Iran.", date="2020-01-05")
    out_of_office = analyse_text("Trump threatened Iran.", date="2022-06-01")
    assert actor_of(in_office, "Trump").code_on("2020-01-05") == "USAGOV"
    assert actor_of(out_of_office, "Trump").code_on("2022-06-01") != "USAGOV"
    assert out_of_office.mentions[0].actor.code != "USAGOV"
    assert in_office.mentions[0].actor.code == "USAGOV"


def test_nationality_plus_sector_noun(analyse_text):
    result = analyse_text(
        "Turkish soldiers were supported by U.S. and French surveillance drones.",
        date="2019-10-10",
    )
    assert actor_of(result, "Turkish soldiers").code_on("2019-10-10") == "TURMIL"
    drones = [m for m in result.mentions if "drones" in m.text]
    assert drones and drones[0].actor.code == "USAMIL"
    supported = [e for e in result.events if e.trigger == "supported"]
    assert supported and {a.code for a in supported[0].source} == {"USAMIL", "FRAMIL"}
    assert [a.code for a in supported[0].target] == ["TURMIL"]


def test_capital_as_government_but_not_as_location(analyse_text):
    result = analyse_text("Baghdad rejected the demand. Protesters gathered in Baghdad.")
    codes = [(m.text, m.actor.code) for m in result.mentions if m.text == "Baghdad"]
    assert codes == [("Baghdad", "IRQGOV")]


def test_pronoun_and_role_noun_coreference(analyse_text):
    result = analyse_text(
        "Moqtada al-Sadr addressed his followers in Najaf. "
        "The cleric demanded that foreign troops leave Iraq. "
        "He also called on the government to resign.",
        date="2019-12-01",
    )
    sadr = actor_of(result, "Moqtada al-Sadr")
    assert actor_of(result, "cleric").id == sadr.id
    assert actor_of(result, "He").id == sadr.id


def test_unknown_names_still_become_actors(analyse_text):
    result = analyse_text(
        "The Free Valley Liberation Front attacked an army convoy near Mosul on Monday."
    )
    front = actor_of(result, "Liberation Front")
    assert not front.known
    assert front.code.endswith("REB")


def test_bare_sector_noun_takes_the_country_of_its_place(analyse_text):
    result = analyse_text("Protesters blocked roads in Basra and police fired tear gas.")
    codes = {m.text: m.actor.code for m in result.mentions}
    assert codes["Protesters"].startswith("IRQ")
    assert codes["police"] == "IRQCOP"


def test_a_title_before_a_name_is_not_todays_holder(analyse_text):
    result = analyse_text(
        "In 1863 President Abraham Lincoln proclaimed a national day of thanksgiving.",
        date="2016-11-24",
    )
    assert not any(m.actor.code == "USAGOV" and "Obama" in m.actor.name for m in result.mentions)
    lincoln = [m for m in result.mentions if "Lincoln" in m.text]
    assert lincoln and "Obama" not in lincoln[0].actor.name


def test_an_untitled_role_noun_is_the_holder_on_the_date(analyse_text):
    result = analyse_text(
        "The Iraqi prime minister met tribal leaders in Ramadi.", date="2019-06-01"
    )
    pm = [m for m in result.mentions if "prime minister" in m.text]
    assert pm and pm[0].actor.name == "Adil Abdul-Mahdi"
