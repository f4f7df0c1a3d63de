"""Knowledge gaps in skin, ENT and respiratory: acute mastoiditis (the ear pushed forward, with a temperature) is a
hospital referral; a perforated eardrum's dulled hearing, Ménière's full ear, a gumboil, a piece of cotton bud left
in the ear, motion sickness, chilblains with warm feet, pityriasis versicolor, a diabetic foot ulcer under the MTP
joint, an early pressure sore over the tailbone, a new acute vertigo with vomiting and a post-viral cough at three
weeks. Texts are written for these tests from the guidelines cited."""
from __future__ import annotations

import pytest

from backend.triage.engine import assess
from backend.triage.knowledge import KNOWLEDGE_DIR, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)


CASES = [
    # NICE NG91 1.1.12; NICE CKS Otitis media - acute: suspected mastoiditis is referred to hospital
    ("my daughter's ear infection is not getting better on antibiotics, her ear is sticking out now and there's a "
     "swelling behind it, temperature 39", "emergency", "mastoiditis"),
    ("6M AOM, now tender postauricular swelling with protruding pinna, febrile 38.8", "emergency", "mastoiditis"),
    ("there's a sore lump behind my ear since my ear infection", "urgent", "mastoiditis"),
    # NICE CKS Perforated eardrum: small perforations heal; urgent only with vertigo, facial weakness, severe loss
    ("I burst my eardrum with a cotton bud yesterday, the hearing is a bit dull on that side, no dizziness",
     "routine", "perforated_eardrum"),
    ("traumatic TM perforation 1/7, mildly reduced hearing, no vertigo, facial nerve intact", "routine",
     "perforated_eardrum"),
    # NICE CKS Meniere's disease: recurrent vertigo for hours with a full, ringing ear, well between, is not wax
    ("every few weeks I get attacks of the room spinning for hours, my right ear feels full and buzzes, fine in "
     "between", "routine", "menieres_disease"),
    # NICE CKS Vestibular neuronitis / Vertigo: sudden constant vertigo with vomiting is seen the same day
    ("the room suddenly started spinning this morning and hasn't stopped, I've vomited three times", "urgent",
     "labyrinthitis_vestibular_neuritis"),
    ("41F acute onset continuous rotatory vertigo since this morning, vomiting, no focal neurology, hearing normal",
     "urgent", "labyrinthitis_vestibular_neuritis"),
    # NICE CKS Dental abscess; NHS Dental abscess: a spot on the gum draining pus (gumboil) is an abscess
    ("my tooth is throbbing and there's a little spot on the gum above it that tastes salty", "urgent",
     "dental_abscess"),
    ("my husband has a pimple on his gum next to a broken back tooth, it hurts when he chews", "urgent",
     "dental_abscess"),
    # NHS Object stuck in the ear or nose: don't try to remove it at home
    ("the tip of a cotton bud came off and is stuck inside my ear", "urgent", "object_in_ear_or_nose"),
    ("my son was cleaning his ear and a bit of cotton wool is stuck in his ear, we tried tweezers", "urgent",
     "object_in_ear_or_nose"),
    # NICE CKS Motion sickness; NHS Motion sickness
    ("my son gets car sick on every long drive, what can we give him before our holiday?", "self_care",
     "motion_sickness"),
    ("55F seasick on every ferry crossing, well between journeys, asking for something to prevent it", "self_care",
     "motion_sickness"),
    # NICE CKS Chilblains: warm feet with good pulses are good circulation, not the heat of cellulitis
    ("my grandmother's toes are purple, swollen and itchy since the cold snap, her feet feel warm and the skin is "
     "fine", "self_care", "chilblains"),
    # NICE CKS Pityriasis versicolor; WHO Leprosy: a pale patch with lost feeling needs a clinic
    ("I've got light patches on my chest and back that don't tan like the rest of my skin", "self_care",
     "pityriasis_versicolor"),
    ("white patches on my back that I can't feel when I touch them", "routine", "pityriasis_versicolor"),
    # NICE NG19: an infected diabetic foot ulcer needs assessment within one working day
    ("58F T1DM, ulcer over L 1st MTP head x2 wk, surrounding erythema and purulent exudate, apyrexial", "urgent",
     "diabetic_foot_ulcer"),
    # NICE CG179; NHS Pressure ulcers: broken skin over the tailbone of someone in bed is a pressure sore
    ("my bedbound dad has a small area of broken skin on his tailbone, no pus and no fever", "routine",
     "pressure_sore"),
    ("82M immobile, non-blanching erythema over sacrum, skin intact, afebrile", "routine", "pressure_sore"),
    # NICE NG120; NHS Cough: a cough after a cold that is settling at 3 weeks is self-care; past 3 weeks, a GP
    ("I still have a tickly cough 3 weeks after a cold but it's slowly getting better, no fever", "self_care",
     "post_viral_cough"),
    ("cough for more than 3 weeks since the flu and it's not going away", "routine", "post_viral_cough"),
]


@pytest.mark.parametrize("text,level,entry", CASES)
def test_skin_ent_gaps(kb, text, level, entry):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert result.urgency == level, (text, result.urgency, sorted(plausible))
    assert entry in plausible, (text, sorted(plausible))


@pytest.mark.parametrize("text", [
    "my foot is red, hot and swollen and the redness is spreading",
    "my toes have chilblains and now the redness is spreading up my foot and it's hot",
])
def test_spreading_redness_stays_urgent(kb, text):
    assert assess(text, knowledge=kb).urgency == "urgent", text


def test_denture_sore_spot_is_not_an_abscess(kb):
    # NHS Mouth ulcers: a sore spot under a rubbing denture is an ulcer for the dentist, not a gumboil
    result = assess("my mum's new denture rubs and she has a sore spot on her gum under it, no swelling", knowledge=kb)
    assert "dental_abscess" not in {row["id"] for row in result.conditions if row["plausible"]}
