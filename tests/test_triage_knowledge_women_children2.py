"""Knowledge gaps in women's health, children, musculoskeletal and urology: barely any fetal movements after 24
weeks; bleeding after 24 weeks with a tight or tender bump; pain beyond a plaster worse than the break; acute
kidney injury with a potassium of 6 or more; a first episode of genital sores; a tender labial swelling; a
drooping fingertip (mallet finger); pain from the bottom down the leg (sciatica); Osgood-Schlatter disease;
slapped cheek in a haemolytic anaemia; sitting on the floor is not a long lie. Texts are written for these tests
from the guidelines cited."""
from __future__ import annotations

import pytest

from backend.triage.engine import assess
from backend.triage.knowledge import KNOWLEDGE_DIR, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)


CASES = [
    # RCOG Green-top 57; NHS Your baby's movements: from 24 weeks, fewer movements -> maternity unit now
    ("I'm 30 weeks pregnant and I've barely felt anything today, only a couple of small movements since this morning",
     "emergency", "reduced_fetal_movements"),
    ("my wife is 36 weeks pregnant and the baby is less kicky than normal, hardly any movement since last night",
     "emergency", "reduced_fetal_movements"),
    # RCOG Green-top 63 Antepartum haemorrhage: bleeding with pain or a tender, tense uterus after 24 weeks
    ("I'm 32 weeks pregnant and bleeding from the vagina, my bump feels hard and tender", "emergency",
     "bleeding_in_pregnancy"),
    ("34/40, PV bleeding, abdominal pain, uterus tender", "emergency", "bleeding_in_pregnancy"),
    # BOAST 10 compartment syndrome: pain out of proportion, pain on moving the toes or fingers in a cast
    ("my daughter fractured her wrist yesterday and it's in plaster, now the pain is far worse than when she broke "
     "it and she's in agony moving her fingers", "emergency", "compartment_syndrome"),
    # UK Kidney Association Hyperkalaemia 2020; NICE NG148: AKI with K+ 6.0-6.4 -> same-day hospital
    ("80F on lisinopril, vomiting x2d, passing very little urine, K+ 6.2", "emergency", "acute_kidney_injury"),
    # NICE CKS Herpes simplex - genital: first episode -> antivirals within 5 days
    ("I've had painful blisters down there since yesterday, never had this before", "urgent", "genital_herpes"),
    # NICE CKS Bartholin's cyst and abscess: a painful swelling of the labium is likely an abscess
    ("32F tender swelling R labium majus x2d, difficult to sit, afebrile", "urgent", "bartholins_cyst"),
    # NHS Mallet finger: the end of the finger droops and will not straighten by itself -> same-day care
    ("jammed my ring finger in the door and now the end of the finger droops, I can't straighten it on its own",
     "urgent", "finger_injury"),
    # NHS Sciatica: pain from the bottom down the back of the leg to the foot; GP if not easing after weeks
    ("I've had pain shooting from my bottom down the back of my right leg to my foot for 4 weeks", "routine",
     "sciatica"),
    # NICE CKS Knee pain - assessment: Osgood-Schlatter disease is self-limiting; night pain is a red flag
    ("my 12 year old daughter does gymnastics and has a tender bony lump below her kneecap, no fever, no limp",
     "self_care", "osgood_schlatter"),
    ("12 year old with a lump under his kneecap, pain wakes him at night", "urgent", "osgood_schlatter"),
    # NICE CKS Parvovirus B19: aplastic crisis in haemolytic anaemias
    ("my 7 year old has thalassaemia and now has bright red slapped cheeks and a lacy rash", "urgent",
     "slapped_cheek_syndrome"),
]


@pytest.mark.parametrize("text,level,entry", CASES)
def test_women_children2_gaps(kb, text, level, entry):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert result.urgency == level, (text, result.urgency)
    assert entry in plausible, (text, sorted(plausible))


@pytest.mark.parametrize("text", [
    # NICE NG249: a long lie is an hour or more on the floor after a fall, not sitting on the floor to pray or play
    "my dad is 70 and his knees hurt when he sits on the floor for prayers",
    "grandma is 75, she finds it hard to sit on the floor for long with her stiff knees",
])
def test_sitting_on_floor_not_long_lie(kb, text):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert "fall_with_long_lie" not in plausible, text
