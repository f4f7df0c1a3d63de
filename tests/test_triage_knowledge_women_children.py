"""Knowledge gaps in women's health, urology, children and muscles and bones: a man passing urine often with
smelly urine or a stinging he names in its own clause has a urine infection needing a same-day prescriber; a
young child who will not use an arm after it was pulled or swung has a pulled elbow (same day); scales on a
baby's scalp are cradle cap (self care); thrush four or more times a year is recurrent (GP review); a mother
breastfeeding a baby of a few weeks with a temperature is in the postnatal period. Texts are written for these
tests from the guidelines cited."""
from __future__ import annotations

import pytest

from backend.triage.engine import assess
from backend.triage.knowledge import KNOWLEDGE_DIR, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)


CASES = [
    # NICE NG109; NICE CKS Urinary tract infection (lower) - men: any man with lower UTI symptoms needs a
    # prescriber (urine culture, antibiotics), not pharmacy self-care
    ("my grandad is 80, needs to wee all the time and his wee smells strong", "urgent", "uti_men_frequency"),
    ("my husband keeps going to the loo to pee every half hour and his urine is cloudy and smells", "urgent",
     "uti_men_frequency"),
    ("I'm 45, male, urinating frequently, urine smells foul, no fever", "urgent", "uti_men_frequency"),
    ("68M freq + urgency, offensive urine x2d, apyrexial", "urgent", "uti_men_frequency"),
    ("my dad is 70, he's peeing very often, it stings", "urgent", "uti_men_frequency"),
    # NHS Health A-Z: Pulled elbow: an urgent treatment centre or A&E the same day
    ("we were swinging our 2 year old by the hands and now she won't move her arm", "urgent", "pulled_elbow"),
    ("my toddler's arm is hanging limp by his side after his sister pulled him up by the hand", "urgent",
     "pulled_elbow"),
    ("18 month old, pulled up by arms by sibling, now not using L arm, no swelling", "urgent", "pulled_elbow"),
    ("my 4 year old son hurt his elbow, I think it's a nursemaid's elbow", "urgent", "pulled_elbow"),
    # NHS Health A-Z: Cradle cap; NICE CKS Seborrhoeic dermatitis (infantile): self care unless it itches,
    # bleeds, weeps or spreads
    ("my 3 month old has thick yellow crusts on his scalp, he's not bothered by it and feeding well", "self_care",
     "cradle_cap"),
    ("baby 7/12, greasy scales scalp, non-itchy, well", "self_care", "cradle_cap"),
    ("my 5 month old has cradle cap and now it's bleeding where he scratches", "routine", "cradle_cap"),
    # NICE CKS Candida - female genital: 4 or more episodes in 12 months is recurrent, a GP review
    ("I've had thrush four times this year, itchy with a thick white discharge again", "routine", "vaginal_thrush"),
    ("29F vaginal thrush, 5th episode in 12 months, each cleared with OTC clotrimazole", "routine",
     "vaginal_thrush"),
    # NICE NG51; RCOG Green-top 64b: a temperature in the weeks after birth needs a same-day assessment
    ("exclusively breastfeeding my two week old, temperature 38.3 since last night and feeling rough", "urgent",
     "fever_after_childbirth"),
]


@pytest.mark.parametrize("text,level,entry", CASES)
def test_women_children_gaps(kb, text, level, entry):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert result.urgency == level, (text, result.urgency)
    assert entry in plausible, (text, sorted(plausible))


@pytest.mark.parametrize("text,absent", [
    ("68M nocturia x3, frequency, poor stream", "uti_men_frequency"),   # prostate symptoms, routine
    ("my 10 year old has a flaky scalp", "cradle_cap"),                  # dandruff, not cradle cap
    ("I'm breastfeeding my 14 week old and she has a temperature of 38", "fever_after_childbirth"),
    ("35M pulled his elbow lifting weights, elbow pain", "pulled_elbow"),  # an adult's strain
])
def test_not_these_entries(kb, text, absent):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert absent not in plausible, (text, sorted(plausible))
