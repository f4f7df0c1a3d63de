"""Knowledge gaps in general, endocrine, mental health and infections: long-term oral steroids with vomiting or
collapse are an adrenal crisis; a bite with signs of venom (or a snake not seen) is an emergency; suicidal
thoughts become an emergency with a plan, a set time or intent, not with the time they were told; dengue needs a
fever, a test or a warning sign, not a worry about catching it. Texts are written for these tests from the
guidelines cited."""
from __future__ import annotations

import pytest

from backend.triage.engine import assess
from backend.triage.knowledge import KNOWLEDGE_DIR, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)


CASES = [
    # Society for Endocrinology Steroid Emergency Card; NICE CKS Adrenal insufficiency: long-term glucocorticoids
    # (4 weeks or more) suppress the adrenals; vomiting, diarrhoea or collapse is an adrenal crisis
    ("I've taken prednisolone every morning for 3 years for my arthritis and I've been sick since yesterday",
     "emergency", "adrenal_crisis"),
    ("my husband has been on steroid tablets for months for his lungs, he has diarrhoea and vomiting and nearly "
     "fainted", "emergency", "adrenal_crisis"),
    ("PMR on pred 5mg OD, D&V x24h, hypotensive", "emergency", "adrenal_crisis"),
    ("I use a steroid inhaler for years and now I've got a stomach bug with vomiting", None, None),
    # WHO SEARO Guidelines for the management of snakebites (2016); NHS Snake bites: any snake bite is an emergency,
    # also when the snake was not seen; ptosis, trouble swallowing or fast-spreading swelling are envenoming
    ("my dad was bitten on the foot at night in the field, we didn't see the snake", "emergency", "snake_bite"),
    ("something bit her hand while she was sleeping on the floor, now her eyelids are drooping", "emergency",
     "bite_with_envenoming_signs"),
    ("unknown bite L foot 3h, bilateral ptosis, dysphagia", "emergency", "bite_with_envenoming_signs"),
    ("I was bitten on the leg in the paddy field and the swelling is spreading fast up my leg", "emergency",
     "bite_with_envenoming_signs"),
    # NICE NG225; NHS Help for suicidal thoughts: without a plan or intent, same-day help; a plan, a set time or
    # intent is an emergency
    ("my daughter told me tonight she sometimes wishes she wasn't here, she says she has no plan and would never "
     "act on it", "urgent", "suicidal_thoughts"),
    ("28F passive SI disclosed this evening, denies plan or intent, good support", "urgent", "suicidal_thoughts"),
    ("I don't want to be alive anymore and I'm going to do it tonight", "emergency", "suicidal_crisis"),
    ("my brother says he wants to die and he has decided to take all his tablets", "emergency", "suicidal_crisis"),
    ("34M SI with intent, plan not disclosed", "emergency", "suicidal_crisis"),
    # WHO 2009 dengue case definition; NHS Dengue: dengue is a fever; a bite or a worry without fever is not dengue
    ("lots of mosquito bites from the garden, itchy, no temperature, could it turn into dengue?", "self_care",
     "insect_bites_stings"),
    ("my son tested positive for dengue yesterday, he is drinking well", "urgent", "dengue_fever"),
    ("fever for 2 days in a dengue area with pain behind the eyes", "urgent", "dengue_fever"),
]


@pytest.mark.parametrize("text,level,entry", CASES)
def test_general_gaps(kb, text, level, entry):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    if level is None:   # an inhaled steroid is not the long-term oral steroid that suppresses the adrenals
        assert "adrenal_crisis" not in plausible, text
        return
    assert result.urgency == level, (text, result.urgency)
    if entry:
        assert entry in plausible, (text, sorted(plausible))


@pytest.mark.parametrize("text", [
    "I've got itchy bites on my arms and the swelling on one is spreading",   # insect bites, not venom
    "a wasp stung me and the swelling is spreading fast",
    "the dog bit my hand and my vision is a bit blurry",
])
def test_not_envenoming(kb, text):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    assert "bite_with_envenoming_signs" not in plausible, text


def test_a_goodbye_note_and_searching_how_much_it_would_take_is_a_suicidal_crisis():
    """A goodbye note found and a search for how many tablets it would take are a plan's preparation, even
    without the word suicide (NICE NG225; NICE CKS Suicide risk)."""
    from backend.triage.engine import assess

    text = ("I'm so worried about my son, 17. I found a note on his laptop saying goodbye to us and his search "
            "history is about how many of his nan's sleeping tablets it would take. He won't talk to me.")
    assert assess(text).urgency == "emergency"
    assert assess("I searched how many steps to walk a day to lose weight").urgency != "emergency"
