"""The dead and the wounded of one attack, and protests put down, on sentences we
wrote: a casualty verb coordinated with another, or a participle hanging from an attack
("..., killing one officer and wounding another"), is the toll of that attack and not an
attack of its own; whom the toll names is the attack's recipient where what was attacked
names no one. Protests first told as put down are protests too."""

from __future__ import annotations

from coded import codes, events_at


def assaults(result):
    return [e for e in result.events if e.type == "ASSAULT"]


def test_killed_and_wounded_in_one_attack_are_one_event_with_both_recipients(analyse_text):
    result = analyse_text(
        "The rocket barrage on Erbil killed a civilian contractor and wounded a U.S. "
        "service member.",
        "2021-02-26",
    )
    found = assaults(result)
    assert len(found) == 1
    assert codes(found[0].target) == ["USACVL", "USAMIL"]


def test_a_participle_toll_is_not_an_attack_of_its_own(analyse_text):
    result = analyse_text(
        "In Simferopol, gunmen attacked a Ukrainian army mapping centre in the afternoon, "
        "killing one officer and wounding another, the defence ministry said.",
        "2014-03-19",
    )
    found = assaults(result)
    assert [e.trigger for e in found] == ["attacked"]
    assert codes(found[0].target) == ["UKRMIL"]


def test_killed_wounding_many_is_one_killing(analyse_text):
    result = analyse_text("Iran killed an American contractor, wounding many.", "2019-12-31")
    found = assaults(result)
    assert [e.trigger for e in found] == ["killed"]
    assert codes(found[0].source) == ["IRN"]


def test_a_passive_toll_takes_the_doers_of_its_when_clause(analyse_text):
    result = analyse_text(
        "At least 32 people were killed and 63 wounded when al-Shabaab militants stormed "
        "a beachfront restaurant in Mogadishu on Friday.",
        "2024-08-03",
    )
    found = assaults(result)
    assert len(found) == 1
    assert codes(found[0].source) == ["IMGREB"] and codes(found[0].target) == ["SOMCVL"]


def test_the_toll_names_the_recipient_when_the_attacked_site_names_no_one(analyse_text):
    result = analyse_text(
        "Al-Shabaab fighters attacked a hotel on the beach, killing six Somali civilians.",
        "2024-08-03",
    )
    found = assaults(result)
    assert [e.trigger for e in found] == ["attacked"]
    assert codes(found[0].target) == ["SOMCVL"]


def test_one_sides_toll_in_an_exchange_of_fire_stays_its_own_attack(analyse_text):
    result = analyse_text(
        "Indian and Pakistani troops exchanged artillery fire along the Line of Control, "
        "killing civilians in Poonch.",
        "2025-05-08",
    )
    exchanged = events_at(result, "exchanged")
    assert exchanged and set(codes(exchanged[0].source)) == {"INDMIL", "PAKMIL"}
    assert set(codes(exchanged[0].target)) == {"INDMIL", "PAKMIL"}


def test_protests_put_down_are_told_as_protests_too(analyse_text):
    result = analyse_text(
        "Protests that broke out in Caracas the day after the election were put down by "
        "security forces.",
        "2024-08-01",
    )
    assert sorted(e.type for e in result.events) == ["COERCE", "PROTEST"]


def test_the_protests_put_down_were_told_before(analyse_text):
    result = analyse_text("Police dispersed the protests with tear gas.", "2024-08-01")
    assert [e.type for e in result.events] == ["ASSAULT"]


def test_people_arrested_after_a_crowd_is_dispersed_are_arrested_by_its_dispersers(
    analyse_text, event_triples
):
    found = event_triples(
        analyse_text(
            "Hundreds of PTI supporters protested outside the court in Rawalpindi, and "
            "police fired tear gas to disperse them. At least 20 people were arrested.",
            "2024-01-31",
        )
    )
    assert any(f[1] == "COERCE" and f[0] == ("PAKCOP",) for f in found), found
