"""Knowledge gaps in the neurology, mental health, skin, general, infections and endocrine files: serotonin
syndrome after combining serotonin-raising medicines (Hunter criteria; BNF); self-harm named by the body part;
"life isn't worth living"; cold sores during chemotherapy; spreading erythema or pus around a wound; a blister
on a numb diabetic foot; a facial palsy that includes the forehead is not a stroke; "co-codamol or paracetamol"
names alternatives; erythrodermic psoriasis is not SJS; sunburn is not a burn injury; scalp ringworm; heat rash
and corns in plain words; mumps swelling in front of the ears. Texts are written for these tests from the
guidelines cited."""
from __future__ import annotations

import pytest

from backend.triage.engine import assess
from backend.triage.knowledge import KNOWLEDGE_DIR, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)


CASES = [
    # BNF Serotonin syndrome; Hunter criteria; TOXBASE: neuromuscular signs with fever after serotonergic drugs
    ("I'm on fluoxetine and was given tramadol for my knee, now my legs keep jerking, I'm sweating and I've got a "
     "temperature of 38.7", "emergency", "serotonin_syndrome"),
    ("50F on venlafaxine, started linezolid 2/7; myoclonus, diaphoretic, agitated, HR 124, T 37.6", "emergency",
     "serotonin_syndrome"),
    ("my son takes sertraline and took some tramadol for toothache, he's twitching and restless but his temperature "
     "is normal", "urgent", "serotonin_syndrome"),
    # NICE NG225: self-harm in a young person needs same-day assessment
    ("my 16 year old son has been cutting his forearms, the cuts are shallow and he says he isn't suicidal",
     "urgent", "self_harm"),
    # NICE NG225; NHS Help for suicidal thoughts: passive thoughts need same-day help
    ("since my husband died I feel life isn't worth living, I haven't made any plans", "urgent",
     "suicidal_thoughts"),
    # NICE CKS Herpes simplex - oral: immunocompromised people (chemotherapy)
    ("I'm having chemo for lymphoma and I've got a cold sore on my lip that keeps getting bigger", "urgent",
     "cold_sores"),
    # NICE CKS Cellulitis; NICE NG125: spreading redness or pus around a wound
    ("55M scalp laceration glued 3/7 ago, now erythema 4cm around wound, apyrexial", "urgent", "infected_wound"),
    # NICE NG19; NHS Diabetes foot problems: a wound on a numb diabetic foot, foot team within 1 working day
    ("I'm diabetic and can't feel my feet, I found a blister on my foot from my new shoes", "urgent", "blisters"),
    # NICE CKS Bell's palsy: forehead involvement, no limb weakness, is a lower motor neurone palsy
    ("55F L facial droop including forehead since this morning, limbs normal, speech clear", "urgent",
     "bells_palsy"),
    # NICE CG153: erythrodermic psoriasis, same-day specialist assessment
    ("my psoriasis has spread over my whole body in the last week, it's red and flaking off in sheets", "urgent",
     "psoriasis"),
    # NHS Sunburn: blistering sunburn is urgent (111), not an A&E burn
    ("my son was on the beach all day and his back is badly burnt and blistered", "urgent", "sunburn_blistering"),
    # NICE CKS Fungal skin infection - scalp: oral antifungal from a GP
    ("my son has a scaly patch of hair loss on his scalp with broken hairs", "routine", "scalp_ringworm"),
    # NHS Heat rash; NHS Corns and calluses: self care
    ("my baby has tiny red spots on his neck and in his armpits, it's been so hot", "self_care", "heat_rash"),
    ("I've got hard skin on my big toe that hurts in tight shoes, I'm not diabetic", "self_care", "corns_calluses"),
    # NHS Mumps: parotid swelling in front of the ears
    ("my daughter has swelling in front of both ears and it hurts to chew, mild temperature", "routine", "mumps"),
]


@pytest.mark.parametrize("text,level,entry", CASES)
def test_round3_gaps(kb, text, level, entry):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert result.urgency == level, (text, result.urgency, sorted(plausible))
    assert entry in plausible, (text, sorted(plausible))


@pytest.mark.parametrize("text,absent", [
    # "X or Y" names alternatives, not both taken together
    ("I take co-codamol or paracetamol most days for my back", "paracetamol_staggered_overdose"),
    # forehead involved: not a stroke
    ("woke with my face drooping on the right including my forehead, arms and legs fine", "stroke"),
])
def test_round3_not_read(kb, text, absent):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert absent not in plausible, (text, sorted(plausible))


def test_stroke_still_emergency_with_forehead_and_arm(kb):
    # a facial palsy with arm weakness is still a stroke-level emergency (NHS Act FAST)
    result = assess("sudden face droop including forehead and my left arm is weak", knowledge=kb)
    assert result.urgency == "emergency"
