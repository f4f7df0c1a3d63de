"""The symptom check in the patient's language: the Bangla overlay (backend/triage/knowledge/translations/),
its loading and use (backend/triage/translations.py), the knowledge check's count of what is untranslated
(backend/triage/kbcheck.py) and the answers the /patient/triage routes give (services/triage/assessments.py)."""
from __future__ import annotations

import io
import re

import pytest

from backend.extensions import db
from backend.models import TriageAssessment
from backend.services.triage import assessments as service
from backend.triage import engine, kbcheck, translations
from backend.triage.knowledge import KNOWLEDGE_DIR, build, load
from backend.triage.translations import FIXED_SENTENCES, REQUIRED_KINDS, missing, overlay_path, read_overlay, translator

BANGLA = re.compile(r"[\u0980-\u09FF]")
LATIN_WORDS = re.compile(r"[A-Za-z]{3,}")
CHEST = "I have had chest pain since this morning"
SORE_THROAT = "sore throat and runny nose for two days"


def bangla(text: str | None) -> bool:
    return bool(text) and bool(BANGLA.search(text))


# ---- the overlay is complete ---------------------------------------------------------------------

def test_every_condition_question_and_reason_has_a_bangla_translation():
    overlay, problems = read_overlay(overlay_path("bn"))
    assert problems == []
    gaps = {kind: texts for kind, texts in missing(load(), overlay, REQUIRED_KINDS).items() if texts}
    assert gaps == {}, ("Translate these in backend/triage/knowledge/translations/bn.yaml (add them with "
                        "`python -m backend.triage.translations skeleton bn`): "
                        + "; ".join(f"{kind}: {texts[:5]}" for kind, texts in gaps.items()))


def test_the_translations_are_bangla_and_keep_their_placeholders():
    overlay, _ = read_overlay(overlay_path("bn"))
    for kind in ("conditions", "ask", "why", "sentences", "levels", "specialties"):
        for english, translated in overlay.sections[kind].items():
            if translated and kind != "sentences":
                assert bangla(translated), f"{kind}: '{english}' is not in Bangla: '{translated}'"
    for sentence in FIXED_SENTENCES:
        translated = overlay.get("sentences", " ".join(sentence.split()))
        assert set(re.findall(r"\{(\w+)\}", translated)) == set(re.findall(r"\{(\w+)\}", sentence)), sentence


# ---- the knowledge check counts what is missing, and can fail --------------------------------------------

MINI_FILE = """\
system: Test
findings:
  toe pain: [sore toe, my toe hurts]
conditions:
  - id: stubbed_toe
    name: Stubbed toe
    source: "NHS Health A-Z: Broken toe"
    specialty: Orthopedics
    level: self_care
    requires:
      - [toe pain]
    raise:
      - if: [toe swollen]
        level: routine
        why: A swollen toe may be broken (NHS)
        ask: Is the toe swollen?
    examples:
      - {register: lay, text: "my toe hurts after kicking the door"}
      - {register: clinical, text: "pt c/o sore toe after trauma"}
"""


@pytest.fixture
def mini_knowledge(tmp_path):
    (tmp_path / "test.yaml").write_text(MINI_FILE, encoding="utf-8")
    return tmp_path


def test_the_check_warns_of_every_untranslated_text_and_counts_them(mini_knowledge):
    out = io.StringIO()
    assert kbcheck.check([], mini_knowledge, out=out) == 0  # warnings, not problems: the exit status stays 0
    printed = out.getvalue()
    assert "warn bn: no translation for conditions 'stubbed_toe'" in printed
    assert "warn bn: no translation for ask 'Is the toe swollen?'" in printed
    assert "warn bn: no translation for why 'A swollen toe may be broken (NHS)'" in printed
    assert "warn bn: bn.yaml: not found" in printed  # no overlay at all is a warning too
    count = len(FIXED_SENTENCES) + sum(len(words) for words in translations.FIXED_WORDS.values()) + 3 + 1
    assert f"bn translations: {count} warning(s)" in printed
    assert "note bn: " in printed and "'toe pain'" in printed  # finding names: noted, shown in English meanwhile


def test_the_skeleton_adds_new_texts_empty_and_keeps_what_is_translated(mini_knowledge):
    added = translations.skeleton("bn", mini_knowledge)
    assert added["conditions"] == 1 and added["ask"] == 1 and added["why"] == 1
    path = overlay_path("bn", mini_knowledge)
    text = path.read_text(encoding="utf-8")
    assert '"stubbed_toe": ""  # Stubbed toe' in text
    text = (text.replace('"stubbed_toe": ""', '"stubbed_toe": "পায়ের আঙুলে চোট"')
            .replace('"Is the toe swollen?": ""', '"Is the toe swollen?": "আঙুল কি ফুলে গেছে?"'))
    path.write_text(text, encoding="utf-8")
    gaps, problems = kbcheck.untranslated(build(mini_knowledge), mini_knowledge)
    assert problems == [] and gaps["conditions"] == [] and gaps["ask"] == []
    assert gaps["why"] == ["A swollen toe may be broken (NHS)"]
    # Run again: the translations stay, and a text the knowledge base dropped is kept for older answers.
    (mini_knowledge / "test.yaml").write_text(MINI_FILE.replace("Is the toe swollen?", "Is your toe swollen?"),
                                              encoding="utf-8")
    translations.skeleton("bn", mini_knowledge)
    overlay, _ = read_overlay(path)
    assert overlay.get("conditions", "stubbed_toe") == "পায়ের আঙুলে চোট"
    assert overlay.get("ask", "Is the toe swollen?") == "আঙুল কি ফুলে গেছে?"
    assert "Is your toe swollen?" in overlay.sections["ask"] and not overlay.get("ask", "Is your toe swollen?")


def test_a_broken_overlay_reads_as_empty_and_names_the_problem(tmp_path):
    path = tmp_path / "bn.yaml"
    path.write_text("ask: [this is: not a mapping\n", encoding="utf-8")
    overlay, problems = read_overlay(path)
    assert problems and overlay.get("ask", "Are you pregnant?") is None
    path.write_text("ask:\n  Are you pregnant?: 3\nnonsense: {}\n", encoding="utf-8")
    overlay, problems = read_overlay(path)
    assert any("must be text" in p for p in problems) and any("unknown kind" in p for p in problems)


# ---- translating what the engine wrote -------------------------------------------------------------------

def test_unknown_text_falls_back_to_english_and_english_is_left_alone():
    words = translator("bn")
    assert words.text("Something no rule says.") == "Something no rule says."
    assert words.text("") == "" and words.text(None) is None
    assert words.advice("Rest and drink water. Some advice from elsewhere.") == \
        "Rest and drink water. Some advice from elsewhere."
    english = translator("en")
    for text in ("Are you pregnant?", engine.NO_CONDITION, "anything at all"):
        assert english.text(text) == text
    assert translator("xx").language == "en"  # an unknown language is English


def test_engine_sentences_are_translated_with_their_parts():
    words = translator("bn")
    line = words.text("Your answers raised the level from urgent to emergency.")
    assert bangla(line) and "জরুরি" in line and not LATIN_WORDS.search(line)
    note = words.text("No Cardiology doctor has a free slot in time, so these General Medicine doctors are "
                      "suggested instead.")
    assert "হৃদরোগ" in note and not LATIN_WORDS.search(note)
    assert words.text("Call 112 or go to the nearest emergency department now.").count("১১২") == 1
    kb = load()
    acs = next(condition for condition in kb.conditions if condition.raises)
    rationale = f"{acs.name} (emergency): {acs.raises[0].why} [{acs.source}]"
    shown = words.text(rationale)
    assert shown.startswith(words.overlay.get("conditions", acs.id))
    assert words.overlay.get("why", acs.raises[0].why) in shown and shown.endswith(f"[{acs.source}]")


def test_advice_goes_either_way_between_the_languages():
    bn, en = translator("bn"), translator("en")
    english = engine.assess(SORE_THROAT, language="en").advice
    bangla_advice = engine.assess(SORE_THROAT, language="bn").advice
    assert english != bangla_advice
    assert bn.advice(english) == bangla_advice
    assert en.advice(bangla_advice) == english
    assert en.advice(english) is english and bn.advice(bangla_advice) is bangla_advice
    # A caution the safety filter adds in English is put into Bangla too.
    cautioned = f"{english} Don't take aspirin: they are not recommended in pregnancy."
    shown = bn.advice(cautioned)
    assert shown.startswith(bangla_advice) and "অ্যাসপিরিন খাবেন না" in shown and not LATIN_WORDS.search(shown)


def test_bangla_advice_writes_its_numbers_and_the_emergency_number_in_bangla_digits():
    bn = translator("bn")
    english = "Rest and drink fluids. If you get worse, call 999."
    shown = bn.advice(engine.assess("mild sore throat for 2 days", language="bn").advice + " 999")
    assert "999" not in shown and "৯৯৯" in shown
    assert not re.search(r"[0-9]", bn.advice(english) or "")


# ---- the patient's answer, through the API --------------------------------------------------------------

@pytest.fixture
def bangla_patient(client, factory):
    client.patient = factory.patient(email="bangla@example.com")
    client.patient.user.language = "bn"
    db.session.commit()
    client.login("bangla@example.com")
    return client


@pytest.fixture
def english_patient(client, factory):
    client.patient = factory.patient(email="english@example.com")
    client.login("english@example.com")
    return client


def assessed(client, symptoms):
    answer = client.post("/patient/triage", json={"symptoms": symptoms, "share_history": False})
    assert answer.status_code == 202, answer.get_json()
    assessment_id = answer.get_json()["id"]
    service.answer_assessment(assessment_id)
    return client.get(f"/patient/triage/{assessment_id}").get_json()


def test_a_bangla_patient_reads_questions_reasons_and_advice_in_bangla(bangla_patient):
    body = assessed(bangla_patient, CHEST)
    assert body["language"] == "bn" and body["urgency"] == "urgent"
    assert body["questions"]
    for question in body["questions"]:
        assert bangla(question["text"]) and bangla(question["why"]), question
        assert question["id"] and question["kind"]  # ids and kinds stay as they are: answers use them
    assert bangla(body["advice"]) and not LATIN_WORDS.search(body["advice"])
    assert all(bangla(line) for line in body["rationale"])
    plausible = [row for row in body["conditions"] if row["plausible"]]
    assert plausible and all(bangla(row["name"]) for row in plausible)
    assert body["specialization"] == "Cardiology" and body["specialization_label"] == "হৃদরোগ (কার্ডিওলজি)"
    assert bangla(body["recommendation_note"])
    # Stored in English (what the doctors read), so a switch of language can render it again.
    row = db.session.get(TriageAssessment, body["id"])
    assert not bangla(row.questions[0]["text"]) and not bangla(row.rationale[0])

    # A "yes" that raises it: the note, the warning signs and the emergency advice are Bangla too.
    raised = bangla_patient.post(f"/patient/triage/{body['id']}/answers",
                                 json={"answers": {"shortness_of_breath": True}}).get_json()
    assert raised["urgency"] == "emergency"
    assert raised["rationale"][0] == "আপনার উত্তরের কারণে মাত্রা 'দ্রুত দেখানো দরকার' থেকে বেড়ে 'জরুরি' হয়েছে।"
    assert raised["red_flags"] and all(bangla(flag) for flag in raised["red_flags"])
    assert bangla(raised["advice"]) and bangla(raised["recommendation_note"])

    listing = bangla_patient.get("/patient/triage").get_json()["items"]
    assert listing[0]["questions"] and all(bangla(q["text"]) for q in listing[0]["questions"])


def test_an_english_patient_reads_what_the_engine_wrote(english_patient):
    body = assessed(english_patient, CHEST)
    row = db.session.get(TriageAssessment, body["id"])
    assert body["language"] == "en"
    assert body["questions"] == row.questions and body["rationale"] == row.rationale
    assert body["advice"] == row.advice and body["red_flags"] == row.red_flags
    assert body["conditions"] == row.conditions and body["findings"] == row.findings
    assert not any(bangla(str(value)) for value in (body["questions"], body["advice"], body["rationale"]))
    asks = {rule.ask for condition in load().conditions for rule in condition.raises}
    assert all(question["text"] in asks for question in body["questions"])


def test_switching_language_renders_old_answers_in_the_new_one(english_patient):
    body = assessed(english_patient, SORE_THROAT)
    assert not bangla(body["advice"]) and body["questions"]
    assert english_patient.put("/auth/language", json={"language": "bn"}).status_code == 200
    again = english_patient.get(f"/patient/triage/{body['id']}").get_json()
    assert again["language"] == "bn"
    assert bangla(again["advice"]) and not LATIN_WORDS.search(again["advice"])
    assert all(bangla(q["text"]) and bangla(q["why"]) for q in again["questions"])
    assert [q["id"] for q in again["questions"]] == [q["id"] for q in body["questions"]]

    # A check answered in Bangla reads in English after switching back, advice included.
    second = assessed(english_patient, CHEST)
    assert bangla(second["advice"])
    assert english_patient.put("/auth/language", json={"language": "en"}).status_code == 200
    first, later = (english_patient.get(f"/patient/triage/{i}").get_json() for i in (body["id"], second["id"]))
    assert first == {**body, "recommended_doctors": first["recommended_doctors"]}
    assert not bangla(later["advice"]) and later["advice"].endswith(engine.ADVICE["en"]["urgent"].format(
        emergency_number="999"))
    assert not any(bangla(q["text"]) for q in later["questions"])


def test_text_without_a_translation_is_shown_in_english_without_an_error(bangla_patient):
    row = TriageAssessment(patient_id=bangla_patient.patient.id, symptoms="a stored check", status="done",
                           urgency="routine", provider="ollama", advice="Advice an AI provider wrote.",
                           red_flags=["A warning sign no rule has"], rationale=["A reason from elsewhere."],
                           questions=[{"id": "odd", "text": "A question no rule asks?", "kind": "yes_no",
                                       "why": "An old reason"}, {"id": "sex", "text": "Are you male or female?",
                                                                 "kind": "choice", "options": ["female", "male"],
                                                                 "why": "x"}],
                           findings=[{"name": "something unheard of", "text": "x"}],
                           conditions=[{"id": "gone_condition", "name": "A condition since removed",
                                        "plausible": False, "why": "missing one of: chest pain, zzz"}])
    db.session.add(row)
    db.session.commit()
    answer = bangla_patient.get(f"/patient/triage/{row.id}")
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["advice"] == "Advice an AI provider wrote." and body["red_flags"] == ["A warning sign no rule has"]
    assert body["questions"][0]["text"] == "A question no rule asks?"
    assert body["questions"][1]["option_labels"] == {"female": "নারী", "male": "পুরুষ"}
    assert body["questions"][1]["options"] == ["female", "male"]  # the values to answer with stay
    assert body["findings"][0]["name"] == "something unheard of"
    assert body["conditions"][0]["name"] == "A condition since removed"
    assert bangla(body["conditions"][0]["why"]) and "zzz" in body["conditions"][0]["why"]


def test_the_overlay_sits_beside_the_knowledge_files_and_is_not_read_as_one():
    assert overlay_path("bn") == KNOWLEDGE_DIR / "translations" / "bn.yaml"
    assert "bn.yaml" not in load().files


@pytest.mark.parametrize("text", [
    engine.NOT_UNDERSTOOD, engine.NO_CONDITION,
    "Pediatrics chosen for a patient under 16.",
    "Neurology is not offered at this clinic, so General Medicine is recommended instead.",
    "No doctor has a free slot in the next two weeks. Please call the clinic.",
])
def test_the_engines_fixed_sentences_read_in_bangla(text):
    shown = translator("bn").text(text)
    assert bangla(shown) and not LATIN_WORDS.search(shown), shown
