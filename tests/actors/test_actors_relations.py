"""Stated relations between actors, on our own sentences: (subject, predicate, object)."""

from __future__ import annotations

import pytest

from sitrep.actors.relations import extract_relations
from sitrep.ingest import split_page
from sitrep.models import Page, SegmentKind
from sitrep.nlp import parse_document
from sitrep.where import find_places


@pytest.fixture(scope="module")
def relations_of(resources):
    def run(text: str, date: str = "2018-05-14"):
        page = Page(doc_id="r", path="r.txt", text=text, date=date, content_hash="r")
        document = split_page(page)
        segments = parse_document(resources.nlp, document)
        places = find_places(segments, "r", resources.gazetteer)
        index = resources.resolver.resolve(segments, places, date)
        return extract_relations("r", segments, index, date), document

    return run


def triples(relations):
    return {(r.subject.name, r.predicate, r.object.name) for r in relations}


def test_backed_militia_leader_and_coalition_allies(relations_of):
    found, _ = relations_of(
        "Iran-backed militia leader Hadi al-Amiri came second, ahead of his coalition "
        "allies, the Iraqi Communist Party."
    )
    assert ("Hadi al-Amiri", "backed_by", "Iran") in triples(found)
    assert ("Iraqi Communist Party", "allied_with", "Hadi al-Amiri") in triples(found)


def test_a_persons_armed_group(relations_of):
    found, _ = relations_of("Sadr's Mahdi Army clashed with police in Basra.", "2008-03-27")
    assert triples(found) == {("Moqtada al-Sadr", "leads", "Mahdi Army")}


@pytest.mark.parametrize(
    "text",
    [
        "Hadi al-Amiri, the leader of the Badr Organization, toured the front.",
        "Badr leader Hadi al-Amiri toured the front.",
        "Hadi al-Amiri, head of the Badr Organization, toured the front.",
        "Hadi al-Amiri is the leader of the Badr Organization.",
    ],
)
def test_leader_of(relations_of, text):
    assert ("Hadi al-Amiri", "leads", "Badr Organization") in triples(relations_of(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "Nouri al-Maliki, a member of the Dawa Party, spoke first.",
        "Nouri al-Maliki is a member of the Dawa Party.",
    ],
)
def test_member_of(relations_of, text):
    found = triples(relations_of(text)[0])
    assert any(s == "Nouri al-Maliki" and p == "member_of" and "Dawa" in o for s, p, o in found)


def test_compound_member_with_unknown_name(relations_of):
    found, _ = relations_of("Kataib Hezbollah member Ali Hassan was detained.")
    assert ("Ali Hassan", "member_of", "Kataib Hezbollah") in triples(found)


def test_allied_and_opposed(relations_of):
    found, _ = relations_of(
        "Sadr's rival Nouri al-Maliki campaigned in Najaf. "
        "The Sadrists are opponents of Nouri al-Maliki. "
        "The Houthis, backed by Iran, fired missiles at ships."
    )
    got = triples(found)
    assert ("Nouri al-Maliki", "opposes", "Moqtada al-Sadr") in got
    assert any(p == "opposes" and o == "Nouri al-Maliki" for _s, p, o in got)
    assert any(s.endswith("Houthis") or "Ansar" in s for s, p, o in got if p == "backed_by")


def test_hyphen_allied_and_led(relations_of):
    found, _ = relations_of(
        "The Sadr-allied Communist Party joined the list. "
        "The U.S.-led coalition bombed Islamic State positions.",
        "2018-05-01",
    )
    got = triples(found)
    assert any(p == "allied_with" and o == "Moqtada al-Sadr" for _s, p, o in got)


def test_offsets_point_at_the_sentence_and_words(relations_of):
    text = "Police arrived. Sadr's Mahdi Army clashed with them in Basra."
    found, document = relations_of(text, "2008-03-27")
    assert len(found) == 1
    rel = found[0]
    assert document.text[rel.start : rel.end] == rel.sentence
    assert rel.sentence.startswith("Sadr's Mahdi Army")
    assert rel.text in rel.sentence and "Mahdi Army" in rel.text
    assert rel.segment == SegmentKind.BODY and rel.date == "2008-03-27"
    assert rel.subject.code == "IRQREL" and rel.object.code == "IRQREB"


def test_no_relation_without_two_actors(relations_of):
    found, _ = relations_of(
        "The leader of the protests, a member of the student union, spoke to his allies."
    )
    assert found == []


@pytest.mark.parametrize(
    "text, triple",
    [
        (
            "The deal was signed by Santos and FARC leader Rodrigo Londono in Havana.",
            ("Rodrigo Londoño", "leads", "FARC"),
        ),
        (
            "The list of Hadi al-Amiri, who leads the Badr Organization, came second.",
            ("Hadi al-Amiri", "leads", "Badr Organization"),
        ),
        ("Iran arms the Houthis, the envoy said.", ("Houthis", "backed_by", "Iran")),
    ],
)
def test_verbs_and_conjoined_owners_state_relations(relations_of, text, triple):
    found = triples(relations_of(text, "2016-09-30")[0])
    assert triple in found
    assert not any(obj == "Juan Manuel Santos" for _, _, obj in found)


def test_a_title_word_is_not_an_organisation(relations_of):
    found, _ = relations_of("Supreme Leader Ayatollah Ali Khamenei rejected the offer.")
    assert not found


def test_a_denied_relation_is_not_stated(relations_of):
    found, _ = relations_of("Iran does not arm the Houthis, the minister insisted.")
    assert ("Houthis", "backed_by", "Iran") not in triples(found)
