"""The knowledge-base triage engine: the reader (tokens, facts, ConText) and the
decider, the latter on the small fixture knowledge base in tests/data/kb_fixture."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from backend.triage import reader
from backend.triage.engine import DEFAULT_SPECIALIZATIONS, GENERAL_MEDICINE, TriageResult, assess, more_urgent
from backend.triage.kbcheck import check
from backend.triage.knowledge import KnowledgeError, Matcher, build

FIXTURE = Path(__file__).parent / "data" / "kb_fixture"


@pytest.fixture(scope="module")
def kb():
    return build(FIXTURE)


def run(kb, text, **kwargs) -> TriageResult:
    return assess(text, knowledge=kb, **kwargs)


def flags(kb, text) -> dict[str, dict]:
    """finding name -> its row (the last occurrence wins)."""
    return {row["name"]: row for row in run(kb, text).findings}


# ---------------------------------------------------------------------------
# Reader: shorthand, tokens, facts.
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("written,expanded", [
    ("65 y/o", "65 year old"), ("54yo M", "54 year old male"), ("Hx of asthma", "history of asthma"),
    ("h/o MI", "history of mi"), ("c/o CP", "complains of chest pain"), ("SOB", "shortness of breath"),
    ("DOE", "shortness of breath on exertion"), ("URI", "upper respiratory tract infection"),
    ("URTI", "upper respiratory tract infection"), ("N/V", "nausea vomiting"), ("n+v", "nausea vomiting"),
    ("d/o", "diarrhoea"), ("w/ fever", "with fever"), ("w/o fever", "without fever"), ("s/p lap chole", "status post lap chole"),
    ("PMH", "past medical history"), ("FHx", "family history"), ("abd pain", "abdominal pain"),
    ("HA", "headache"), ("LOC", "loss of consciousness"), ("BP", "blood pressure"), ("HR", "heart rate"),
    ("RR", "respiratory rate"), ("SpO2", "oxygen saturation"),
])
def test_shorthand_is_expanded(written, expanded):
    assert reader.expanded_text(written) == expanded


@pytest.mark.parametrize("written,added,absent", [
    ("BP 84/50", "hypotension", None), ("BP 128/80", None, "hypotension"),
    ("HR 128", "tachycardic", None), ("HR 38", "bradycardic very slow heart rate", None),
    ("HR 72", None, "cardic"), ("pulse is 46", "bradycardic", "very slow"),
    ("RR 28", "very fast breathing", None), ("RR 22", "tachypnoea", None), ("RR 16", None, "breathing"),
    ("SpO2 88%", "low oxygen level", None), ("sats 97%", None, "low oxygen"),
    ("GCS 13/15", "reduced consciousness", None), ("GCS 7", "unresponsive", None), ("GCS 15", None, "consciousness"),
])
def test_observations_become_findings_at_news2_and_ng51_thresholds(written, added, absent):
    text = reader.expanded_text(written)
    if added:
        assert added in text
    if absent:
        assert absent not in text


@pytest.mark.parametrize("written,overdose", [
    ("she took about 20 paracetamol this morning", True), ("swallowed 30 of her tablets", True),
    ("took 2 paracetamol for the headache", False), ("I take 12 tablets a day for my heart", False),
])
def test_a_count_of_tablets_no_dose_reaches_is_an_overdose(written, overdose):
    assert ("overdosed" in reader.expanded_text(written)) is overdose


def test_bangla_stays_in_tokens_and_bangla_digits_are_digits():
    raws = [t.raw for t in reader.tokens("৩ দিন ধরে জ্বর, বুকে ব্যথা")]
    assert raws == ["3", "দিন", "ধরে", "জ্বর", ",", "বুকে", "ব্যথা"]


def test_stemming_and_spelling_folding_are_the_same_on_both_sides():
    stems = lambda text: [t.stem for t in reader.tokens(text)]
    assert stems("vomiting") == stems("vomited") == stems("vomits")
    assert stems("haemorrhage") == stems("hemorrhage")
    assert stems("oedema") == stems("edema")
    assert stems("diarrhoea") == stems("diarrhea")
    assert stems("paediatric") == stems("pediatric")
    assert stems("anaemia") == stems("anemia")
    assert stems("tumour") == stems("tumor")
    assert stems("oesophagus") == stems("esophagus")
    assert stems("immunised") == stems("immunized")


@pytest.mark.parametrize("text,age,sex", [
    ("65 y/o m with cough", 65, "male"), ("54yo M c/o CP", 54, "male"), ("8-year-old male, fever", 8, "male"),
    ("my 3 month old has a cough", 0.25, None), ("2 wk old not feeding", 0.038, None),
    ("34F, 10 weeks pregnant", 34, "female"), ("aged 70, woman", 70, "female"), ("infant with a cough", 0.5, None),
    ("my daughter is 5 years old", 5, "female"),
])
def test_age_and_sex(text, age, sex):
    facts = reader.read_facts(text)
    assert facts.age_years == pytest.approx(age, abs=0.01)
    assert facts.sex == sex


@pytest.mark.parametrize("text,celsius", [
    ("T 38.9", 38.9), ("temp 102", 38.9), ("fever of 39", 39.0), ("101F", 38.3), ("39°C", 39.0),
    ("38.5c", 38.5), ("temperature 37.2", 37.2), ("fever 103", 39.4), ("jor 102", 38.9), ("no numbers here", None),
])
def test_temperature(text, celsius):
    assert reader.read_facts(text).temp_c == celsius


@pytest.mark.parametrize("text,days", [
    ("cough for 5 days", 5), ("cough x2d", 2), ("cough x 3 wks", 21), ("since yesterday", 1), ("cough 3/7", 3),
    ("cough 2/52", 14), ("back pain over years", 730), ("since this morning", 0.3), ("for two weeks", 14),
    ("৩ দিন ধরে জ্বর", 3), ("started 4 days ago", 4), ("sore throat", None),
])
def test_duration(text, days):
    assert reader.read_facts(text).days == (pytest.approx(days) if days is not None else None)


@pytest.mark.parametrize("text", ["sudden headache", "headache came on suddenly", "abrupt onset headache",
                                  "thunderclap headache", "headache out of nowhere"])
def test_sudden_onset(kb, text):
    assert run(kb, text).facts["sudden"] is True


def test_not_sudden_and_worsening(kb):
    assert run(kb, "headache, not sudden").facts["sudden"] is False
    assert run(kb, "headache getting worse").facts["worsening"] is True


# ---------------------------------------------------------------------------
# Reader: ConText.
# ---------------------------------------------------------------------------

def test_negation_runs_over_a_closed_list(kb):
    found = flags(kb, "no fever, chills, or weight loss")
    assert found["fever"]["negated"] and found["chills"]["negated"] and found["weight loss"]["negated"]


def test_negation_stops_at_a_comma_when_the_list_is_open(kb):
    found = flags(kb, "denies chest pain, productive cough")
    assert found["chest pain"]["negated"] is True
    assert found["cough"]["negated"] is False


def test_negation_stops_at_a_terminator(kb):
    found = flags(kb, "no fever but a bad cough")
    assert found["fever"]["negated"] and not found["cough"]["negated"]
    found = flags(kb, "denies fever, has a cough and sore throat")
    assert found["fever"]["negated"] and not found["cough"]["negated"] and not found["sore throat"]["negated"]


@pytest.mark.parametrize("text", ["w/o fever", "negative for fever", "free of fever", "never had a fever",
                                  "doesn't have a fever", "hasn't got a fever", "absence of fever", "fever ruled out",
                                  "fever: none", "fever denied", "fever absent", "জ্বর নেই", "jor nai"])
def test_negation_triggers(kb, text):
    assert flags(kb, text)["fever"]["negated"] is True


@pytest.mark.parametrize("text", ["didn't have a fever, didn't cough", "he didn't cough", "nothing like a fever"])
def test_negation_by_a_negated_verb(kb, text):
    assert all(row["negated"] for row in run(kb, text).findings if row["name"] in ("fever", "cough"))


@pytest.mark.parametrize("text", ["hasn't stopped coughing", "not stopped coughing", "paracetamol didn't help the fever"])
def test_a_negated_stop_or_help_keeps_the_symptom(kb, text):
    assert not any(row["negated"] for row in run(kb, text).findings if row["name"] in ("fever", "cough"))


def test_a_finding_starting_inside_the_trigger_is_negated(kb):
    assert flags(kb, "never had a fever")["fever"]["negated"] is True
    assert flags(kb, "I don't have a cough")["cough"]["negated"] is True


def test_a_relative_reporting_on_the_writer_is_not_the_patient(kb):
    row = flags(kb, "I have had a cough for weeks and my wife says it has turned into a fever")["fever"]
    assert row["experiencer"] == "patient"
    row = flags(kb, "I have had a cough for weeks and my wife says she has a fever")["fever"]
    assert row["experiencer"] == "other"


def test_a_test_read_neg_is_negated(kb):
    assert flags(kb, "fever neg, cough")["fever"]["negated"] is True


def test_hard_to_breathe_through_the_nose_is_not_breathlessness():
    found = {row["name"] for row in assess("my nose is blocked, it's hard to breathe through my nose at night").findings}
    assert "shortness of breath" not in found and "runny nose" in found
    assert "shortness of breath" in {row["name"] for row in assess("it's hard to breathe, my chest is tight").findings}


def test_hay_fever_is_not_a_fever(kb):
    assert "fever" not in flags(kb, "hay fever again, coughing")
    assert "fever" in flags(kb, "fever and cough")


@pytest.mark.parametrize("text", ["cough worse with coffee", "cough worse on lying down", "cough worse when I run"])
def test_what_makes_it_worse_is_not_a_worsening_course(kb, text):
    assert run(kb, text).facts["worsening"] is False


def test_a_bare_worse_is_still_worsening(kb):
    assert run(kb, "cough is worse today").facts["worsening"] is True
    assert run(kb, "cough getting worse").facts["worsening"] is True


@pytest.mark.parametrize("text", ["might have a fever", "maybe a fever", "possibly fever", "?fever",
                                  "not sure if it is a fever", "could be a fever", "query fever"])
def test_uncertainty(kb, text):
    row = flags(kb, text)["fever"]
    assert row["uncertain"] is True and row["negated"] is False


def test_uncertain_findings_still_count(kb):
    assert run(kb, "might be chest pain").urgency == "emergency"


@pytest.mark.parametrize("text", ["h/o chest pain", "history of chest pain", "PMH: chest pain",
                                  "chest pain last year", "chest pain as a child", "previous chest pain"])
def test_historical(kb, text):
    result = run(kb, text)
    assert result.findings[0]["historical"] is True
    assert result.urgency != "emergency"


def test_historical_counts_for_context(kb):
    # "known diabetic" is context; a tension headache in pregnancy is raised by the context test.
    assert run(kb, "headache, 30 weeks pregnant").urgency == "urgent"
    assert run(kb, "h/o pregnancy, now headache").urgency == "urgent"


@pytest.mark.parametrize("text", ["family history of chest pain", "FHx chest pain", "mother had chest pain",
                                  "dad died of chest pain", "chest pain runs in the family"])
def test_family_history_is_not_the_patient(kb, text):
    row = flags(kb, text)["chest pain"]
    assert row["experiencer"] == "other"
    assert run(kb, text).urgency != "emergency"


def test_a_relative_in_a_text_about_the_writer_is_someone_else(kb):
    found = flags(kb, "my brother has a fever. I have a sore throat")
    assert found["fever"]["experiencer"] == "other"
    assert found["sore throat"]["experiencer"] == "patient"


@pytest.mark.parametrize("text", ["my son has a fever and a stiff neck", "my mum has a fever and a stiff neck",
                                  "I think my baby has a fever and a stiff neck"])
def test_a_carer_describing_the_patient_is_about_the_patient(kb, text):
    assert flags(kb, text)["fever"]["experiencer"] == "patient"
    assert run(kb, text).urgency == "emergency"


def test_near_terms_stay_in_one_clause(kb):
    assert "chest pain" in flags(kb, "pain in the middle of my chest")
    assert "chest pain" not in flags(kb, "my chest is fine but the pain is in my knee")


# ---------------------------------------------------------------------------
# Decider.
# ---------------------------------------------------------------------------

def test_emergency_answer_with_template_and_red_flags(kb):
    result = run(kb, "crushing chest pain and I'm sweating", emergency_number="112")
    assert result.urgency == "emergency"
    assert result.specialization == "Cardiology"
    assert result.advice.startswith("This may be an emergency. Call 112")
    assert "Heart attack" in result.red_flags
    assert result.rules_fired[0] == "heart_attack"
    assert result.understood is True
    assert any(c["id"] == "heart_attack" and c["plausible"] and c["source"] for c in result.conditions)


def test_self_care_with_the_conditions_own_advice_in_both_languages(kb):
    result = run(kb, "runny nose and a sore throat for two days")
    assert result.urgency == "self_care"
    assert result.advice.startswith("Rest and drink plenty of fluids.")
    assert result.advice_bn.startswith("বিশ্রাম নিন")
    assert run(kb, "runny nose", language="bn").advice.startswith("বিশ্রাম নিন")
    assert result.red_flags == []


def test_unless_rules_a_condition_out(kb):
    result = run(kb, "runny nose and breathless")
    assert not any(c["id"] == "common_cold" and c["plausible"] for c in result.conditions)


def test_raise_rules_by_temperature_age_and_context(kb):
    assert run(kb, "sore throat, temp 39.5").urgency == "urgent"
    assert run(kb, "my 6 week old has a cough and a fever").urgency == "emergency"
    assert run(kb, "cough and runny nose, on chemo").urgency == "urgent"
    assert run(kb, "cough for 4 weeks").urgency == "routine"


def test_highest_level_wins_and_specialty_comes_from_it(kb):
    result = run(kb, "cough and fever")
    assert result.urgency == "urgent" and result.specialization == "Pulmonology"


def test_pediatrics_for_children_when_the_clinic_has_it(kb):
    assert run(kb, "cough and fever", age_years=6).specialization == "Pediatrics"
    clinic = ["Pulmonology", "General Medicine"]
    assert run(kb, "cough and fever", age_years=6, specializations=clinic).specialization == "Pulmonology"


def test_fallback_to_general_medicine_is_explained(kb):
    result = run(kb, "cough and fever", specializations=["General Medicine", "Dermatology"])
    assert result.specialization == GENERAL_MEDICINE
    assert any("not offered" in line for line in result.rationale)


def test_nothing_recognised_is_not_understood(kb):
    result = run(kb, "asdf qwerty")
    assert result.understood is False
    assert (result.urgency, result.specialization) == ("routine", GENERAL_MEDICINE)
    assert "more detail" in result.rationale[0]


def test_history_conditions_and_medications_are_context(kb):
    assert run(kb, "headache", history={"conditions": "none"}).urgency == "self_care"
    assert run(kb, "headache", history={"pregnant": True}).urgency == "urgent"
    assert run(kb, "runny nose", history={"medications": "on chemo"}).urgency == "urgent"


def test_questions_ask_for_what_would_raise_the_level(kb):
    result = run(kb, "runny nose and a cough")
    by_id = {q["id"]: q for q in result.questions}
    assert by_id["temp"]["kind"] == "number" and by_id["temp"]["unit"] == "°C"
    assert by_id["immunosuppressed"]["kind"] == "yes_no"
    assert by_id["temp"]["text"] == "What is the temperature?"
    assert len(result.questions) <= 5
    # ordered by how far they raise the level: emergency before urgent before routine
    ranks = [("self_care", "routine", "urgent", "emergency").index(q["raises_to"]) for q in result.questions]
    assert ranks == sorted(ranks, reverse=True)


def test_answers_act_as_known_facts(kb):
    assert run(kb, "runny nose and a cough", answers={"temp": 39.4}).urgency == "urgent"
    assert run(kb, "runny nose and a cough", answers={"temp": 103}).urgency == "urgent"
    assert run(kb, "runny nose and a cough", answers={"immunosuppressed": "yes"}).urgency == "urgent"
    result = run(kb, "runny nose and a cough", answers={"immunosuppressed": "no"})
    assert result.urgency == "self_care"
    assert "immunosuppressed" not in {q["id"] for q in result.questions}
    assert run(kb, "headache", answers={"sudden": "yes"}).urgency == "urgent"


def test_normal_temperature_is_not_a_fever(kb):
    result = run(kb, "cough, temperature 36.8")
    assert result.urgency == "self_care"


def test_more_urgent_and_default_specializations():
    assert more_urgent("routine", "emergency") == "emergency"
    assert more_urgent("urgent", "self_care") == "urgent"
    assert "General Medicine" in DEFAULT_SPECIALIZATIONS


def test_version_is_a_content_hash(tmp_path, kb):
    copy = tmp_path / "kb"
    copy.mkdir()
    for path in FIXTURE.glob("*.yaml"):
        (copy / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert build(copy).version == kb.version
    (copy / "context.yaml").write_text((FIXTURE / "context.yaml").read_text(encoding="utf-8") + "\n# x\n")
    assert build(copy).version != kb.version


def test_findings_merge_across_files(tmp_path):
    for path in FIXTURE.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "extra.yaml").write_text("system: Extra\nfindings:\n  fever: [roasting]\n", encoding="utf-8")
    merged = build(tmp_path)
    assert "roasting" in merged.findings["fever"] and "pyrexia" in merged.findings["fever"]
    assert assess("roasting and coughing", knowledge=merged).urgency == "urgent"


# ---------------------------------------------------------------------------
# Validation.
# ---------------------------------------------------------------------------

GOOD_ENTRY = {"id": "bad_entry", "name": "Bad", "source": "NHS", "specialty": "ENT", "level": "routine",
              "requires": [["cough"]],
              "examples": [{"register": "lay", "text": "cough"}, {"register": "clinical", "text": "cough"}]}


@pytest.mark.parametrize("change,message", [
    ({"colour": "blue"}, "unknown key(s) colour"),
    ({"level": "soon"}, "level 'soon'"),
    ({"specialty": "Astrology"}, "specialty 'Astrology'"),
    ({"raise": [{"if": ["age < five"], "level": "urgent", "why": "x", "ask": "y"}]}, "not a valid context test"),
    ({"raise": [{"if": ["temp >= 39"], "level": "self_care", "why": "x", "ask": "y"}]}, "raise never lowers"),
    ({"raise": [{"if": ["temp >= 39"], "level": "urgent", "why": "x"}]}, "missing 'ask'"),
    ({"supports": ["age > 50"]}, "only allowed in raise.if and unless"),
    ({"level": "emergency", "advice": {"en": "rest"}}, "emergency condition has no advice"),
    ({"examples": [{"register": "lay", "text": "cough"}, {"register": "poetic", "text": "cough"}]}, "register 'poetic'"),
])
def test_validation_names_file_and_entry(tmp_path, change, message):
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump({"system": "Bad", "conditions": [{**GOOD_ENTRY, **change}]}),
                                       encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        build(tmp_path)
    assert "bad.yaml: bad_entry" in str(error.value)
    assert message in str(error.value)


def test_a_raise_rule_is_stopped_by_its_own_unless_and_does_not_ask(tmp_path):
    entry = {**GOOD_ENTRY, "id": "cough_entry", "raise": [
        {"if": ["fever"], "unless": ["wheeze"], "level": "emergency", "why": "fever with a cough", "ask": "Fever?"}]}
    (tmp_path / "good.yaml").write_text(yaml.safe_dump({"conditions": [entry]}), encoding="utf-8")
    kb = build(tmp_path)
    assert assess("cough and a fever", knowledge=kb).urgency == "emergency"
    assert assess("cough and a fever and a wheeze", knowledge=kb).urgency == "routine"   # the rule's unless holds
    assert assess("cough", knowledge=kb).questions                                        # asked while unknown
    assert not assess("cough and a wheeze", knowledge=kb).questions                       # not asked once it is ruled out


def test_a_good_entry_loads(tmp_path):
    (tmp_path / "good.yaml").write_text(yaml.safe_dump({"conditions": [GOOD_ENTRY]}), encoding="utf-8")
    assert [c.id for c in build(tmp_path).conditions] == ["bad_entry"]


def test_missing_source_examples_and_duplicate_ids(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "conditions:\n  - {id: one, name: One, specialty: ENT, level: routine, requires: [[cough]],"
        " examples: [{register: lay, text: cough}]}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "conditions:\n  - {id: two, name: Two, source: NHS, specialty: ENT, level: routine, requires: [[cough]],"
        " examples: [{register: lay, text: cough}, {register: clinical, text: cough}]}\n"
        "  - {id: two, name: Two, source: NHS, specialty: ENT, level: routine, requires: [[cough]],"
        " examples: [{register: lay, text: cough}, {register: clinical, text: cough}]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        build(tmp_path)
    text = str(error.value)
    assert "a.yaml: one: missing 'source'" in text
    assert "a.yaml: one: needs at least two examples in at least two registers" in text
    assert "b.yaml: two: duplicate condition id" in text


def test_check_command_runs_the_examples(tmp_path, capsys):
    assert check([], FIXTURE) == 0
    assert "OK" in capsys.readouterr().out
    for path in FIXTURE.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "wrong.yaml").write_text(
        "conditions:\n  - {id: wrong, name: Wrong, source: NHS, specialty: ENT, level: emergency,"
        " requires: [[sore throat]], examples: [{register: lay, text: 'my throat hurts'},"
        " {register: clinical, text: 'no sore throat'}]}\n", encoding="utf-8")
    assert check(["wrong.yaml"], tmp_path) == 1
    out = capsys.readouterr().out
    assert "FAIL wrong.yaml: wrong: [clinical] \"no sore throat\": not plausible" in out


def test_speed_on_the_fixture(kb):
    import time
    started = time.perf_counter()
    for _ in range(200):
        run(kb, "58 yo M c/o central CP x30min, diaphoretic, no fever, cough or sore throat")
    assert (time.perf_counter() - started) / 200 < 0.005


# ---------------------------------------------------------------------------
# Reading defects found while writing the knowledge base.
# ---------------------------------------------------------------------------

def phrase_matches(phrases: dict[str, list[str]], text: str) -> set[str]:
    """The concepts a small inline set of phrases finds in `text`."""
    matcher = Matcher()
    for concept, synonyms in phrases.items():
        for phrase in synonyms:
            assert matcher.add(concept, phrase) is None
    matcher.finalize()
    return set(matcher.match(reader.tokens(text)))


@pytest.mark.parametrize("text", [
    "my teenage son had a fever before his exam", "The baby had 3 days of fever", "the baby had a fever yesterday",
    "my 4 year old had a fever last night", "my son has a fever and a rash that doesn't fade when I press a glass on it",
    "My 18 month old had a fit when his temperature went up, a fever", "my mother's fever is high",
])
def test_a_relative_who_is_the_subject_of_a_present_account_is_the_patient(kb, text):
    assert flags(kb, text)["fever"]["experiencer"] == "patient"


@pytest.mark.parametrize("text", [
    "mum had a fever at 60, I have a sore throat", "my dad had chest pain years ago and I have a sore throat",
    "my son has a cough, his dad had chest pain when he was 40",
])
def test_family_history_needs_a_history_cue_or_another_subject(kb, text):
    found = flags(kb, text)
    assert found.get("fever", found.get("chest pain"))["experiencer"] == "other"


def test_a_carers_actions_do_not_make_the_text_the_writers():
    stems = lambda text: [t.stem if t.raw not in reader.SKIP else t.raw for t in reader.tokens(text)]
    assert reader._text_subject(stems("my son has a rash, when I press a glass on it it stays")) == reader.stem("son")
    assert reader._text_subject(stems("my little girl swallowed a battery and now I can't find it")) == "girl"
    assert reader._text_subject(stems("my husband passed away and I keep crying")) == "writer"
    assert reader._text_subject(stems("my brother has a fever. I have a sore throat")) == "writer"


def test_gone_after_a_person_is_a_loss_not_a_negation():
    phrases = {"crying": ["crying", "keep crying"]}
    stream = reader.tokens("he's gone and I keep crying")
    mods = reader.context_modifiers(stream, set())
    assert not any(mods.negated)
    assert "crying" in phrase_matches(phrases, "he's gone and I keep crying")
    stream = reader.tokens("the headache is gone")
    assert reader.context_modifiers(stream, set()).negated[1] is True


@pytest.mark.parametrize("text", ["cough over the last year", "cough for the past year", "cough in the last year"])
def test_a_span_up_to_now_is_not_history(kb, text):
    assert flags(kb, text)["cough"]["historical"] is False


def test_cough_last_year_is_still_history(kb):
    assert flags(kb, "cough last year")["cough"]["historical"] is True


@pytest.mark.parametrize("text", ["known diabetic, chest pain", "recently diagnosed with diabetes, chest pain",
                                  "diagnosed with diabetes 4 years ago, chest pain"])
def test_a_known_condition_is_context_and_current(kb, text):
    result = run(kb, text)
    row = flags(kb, text)["diabetes"]
    assert row["historical"] is True and row["negated"] is False
    assert result.urgency == "emergency"


def test_a_known_condition_counts_for_requires(kb):
    reading = run(kb, "known asthmatic, increased cough")
    assert flags(kb, "known asthmatic, increased cough")["cough"]["historical"] is False
    assert "common_cold" in reading.rules_fired


def test_the_illness_a_symptom_dates_from_is_over():
    phrases = {"flu": ["flu"], "cough": ["cough"]}
    stream = reader.tokens("cough since the flu two weeks ago")
    mods = reader.context_modifiers(stream, set())
    flu = [t.raw for t in stream].index("flu")
    assert mods.historical[flu] is True and mods.historical[0] is False
    assert phrase_matches(phrases, "cough since the flu") == {"flu", "cough"}


@pytest.mark.parametrize("written,expanded", [
    ("SI joint pain", "sacroiliac joint pain"), ("SI and self harm", "suicidal ideation and self harm"),
    ("1 drop OD", "1 drop od"), ("OD'd on paracetamol", "overdosed on paracetamol"),
    ("took an OD", "took an overdose"), ("PR bleeding", "per rectum bleeding"), ("pr bleeding", "per rectum bleeding"),
    ("fresh blood PR", "fresh blood per rectum"), ("PV bleed", "per vagina bleed"), ("pv discharge", "per vagina discharge"),
    ("PR team", "pr team"), ("CVA tenderness", "renal angle tenderness"), ("h/o CVA", "history of stroke"),
    ("SOB", "shortness of breath"), ("c/o sob", "complains of shortness of breath"),
    ("sob on exertion", "shortness of breath on exertion"), ("pet byatha sob somoy", "pet byatha shob somoy"),
    ("fit and well", "well"), ("coughing fits at night", "coughing bouts at night"),
])
def test_shorthand_collisions(written, expanded):
    assert reader.expanded_text(written) == expanded


def test_lower_case_sob_in_a_knowledge_phrase_is_still_shortness_of_breath(kb):
    assert "shortness of breath" not in flags(kb, "amar sob somoy matha byatha")
    assert "shortness of breath" in flags(kb, "cough and sob for 2 days")


@pytest.mark.parametrize("text,name", [("non-diabetic", "diabetes"), ("non smoker, non diabetic", "diabetes"),
                                       ("negative pregnancy test", "pregnant"), ("pregnancy test negative", "pregnant")])
def test_non_prefix_and_negative_tests_negate(kb, text, name):
    assert flags(kb, text)[name]["negated"] is True


def test_positive_pregnancy_test_is_pregnant(kb):
    assert flags(kb, "positive pregnancy test")["pregnant"]["negated"] is False


@pytest.mark.parametrize("text,negated,affirmed", [
    ("losing weight without trying and my throat is sore", [], ["weight loss", "sore throat"]),
    ("I haven't had a fever for a week and I'm coughing and my throat is sore", ["fever"], ["cough", "sore throat"]),
    ("she isn't sleeping, coughing and thinks she has a fever", [], ["cough", "fever"]),
    ("no fever, chills, or weight loss", ["fever", "chills", "weight loss"], []),
])
def test_negation_stops_at_a_new_clause(kb, text, negated, affirmed):
    found = flags(kb, text)
    for name in negated:
        assert found[name]["negated"] is True, name
    for name in affirmed:
        assert found[name]["negated"] is False, name


def test_a_negated_side_of_a_near_term_negates_it(kb):
    assert flags(kb, "chest no pain")["chest pain"]["negated"] is True
    assert flags(kb, "chest pain")["chest pain"]["negated"] is False
    assert run(kb, "tight chest no pain").urgency == "emergency"  # "chest ~ tight*" still holds


@pytest.mark.parametrize("text,concept,found", [
    ("burning when I pee", "burn", False), ("I burned my hand", "burn", True),
    ("stabbing pain in my side", "stab wound", False), ("he was stabbed", "stab wound", True),
    ("food poisoning", "poisoned", False), ("I was poisoned", "poisoned", True),
    ("light spotting", "spots", False), ("red spots", "spots", True),
    ("fit and well", "seizure", False), ("coughing fits", "seizure", False), ("he had fits", "seizure", True),
    ("painless lump", "pain", False), ("painful lump", "pain", True), ("pains", "pain", True),
    ("bruises on legs", "bruise", True), ("bruising", "bruise", True),
])
def test_stemming_and_prefixes_do_not_merge_unrelated_words(text, concept, found):
    phrases = {"burn": ["burned"], "stab wound": ["stabbed"], "poisoned": ["poisoned"], "spots": ["spots"],
               "seizure": ["fits"], "pain": ["pain*"], "bruise": ["bruise*", "bruising"]}
    assert (concept in phrase_matches(phrases, text)) is found


def test_ise_is_folded_only_for_ize_verbs():
    stems = lambda text: [t.stem for t in reader.tokens(text)]
    assert stems("immunised") == stems("immunized")
    assert stems("organise") == stems("organize")
    for word in ("bruise", "bruised", "raise", "noise", "exercise", "advised", "otherwise"):
        assert "iz" not in reader.fold(word), word


def test_articles_in_a_phrase_are_kept():
    phrases = {"common cold": ["a cold", "has a cold"], "injury": ["a fall"], "stabbed": ["stabbed her"]}
    assert "common cold" in phrase_matches(phrases, "I have a cold")
    assert "common cold" in phrase_matches(phrases, "she has the cold")
    assert "common cold" not in phrase_matches(phrases, "my hands are cold")
    assert "common cold" not in phrase_matches(phrases, "she has cold hands")
    assert "common cold" in phrase_matches(phrases, "has cold, and a cough")
    assert "injury" in phrase_matches(phrases, "knee contusion after fall")
    assert "injury" not in phrase_matches(phrases, "I fall asleep")
    assert "stabbed" in phrase_matches(phrases, "he stabbed her")
    assert "stabbed" not in phrase_matches(phrases, "he stabbed")


def test_near_terms_read_across_a_comma_list():
    phrases = {"hot red eyelid": ["eyelid ~ hot"]}
    assert "hot red eyelid" in phrase_matches(phrases, "my eyelid is swollen, red and hot")
    assert "hot red eyelid" in phrase_matches(phrases, "my eyelid is swollen, red, sore or hot")
    assert "hot red eyelid" not in phrase_matches(phrases, "my eyelid is swollen, she feels hot")
    assert "hot red eyelid" not in phrase_matches(phrases, "eyelid killing me, feet itchy and hot")


@pytest.mark.parametrize("text,age", [
    ("I'm 70 and have chest pain", 70), ("my husband is 68 and has chest pain", 68), ("my 4 year old's arm hurts", 4),
    ("my dad aged 70 has chest pain", 70), ("70M chest pain", 70), ("Pt is a 70M with CP", 70), ("70 yo with cp", 70),
    ("I'm 35 and my 2 year old has a fever", 2), ("I have chest pain, my husband is 68", None),
    ("temp is 39 and I have a cough", None), ("I'm 30 weeks pregnant", None),
])
def test_age_belongs_to_the_subject(kb, text, age):
    result = run(kb, text)
    assert result.facts["age_years"] == (pytest.approx(age, abs=0.01) if age is not None else None)


def test_a_stated_age_beats_the_guess_from_the_word_baby(kb):
    # "baby" alone is read as about 6 months; the profile's age (6 weeks) decides the under-3-months red flag
    result = assess("my baby has a temp of 38.2", age_years=0.1, knowledge=kb)
    assert result.facts["age_years"] == pytest.approx(0.1)
    assert run(kb, "my baby has a temp of 38.2").facts["age_years"] == pytest.approx(0.5)
    # an age written without "old" is still read, and is not a pregnancy's weeks
    assert run(kb, "baby is 5 months, temp 38.2").facts["age_years"] == pytest.approx(5 / 12, abs=0.01)
    assert run(kb, "she is 5 months pregnant with a headache").facts["age_years"] is None


@pytest.mark.parametrize("text", ["worried it might be chest pain", "scared it's chest pain",
                                  "in case it is chest pain"])
def test_a_feared_diagnosis_is_not_a_finding(kb, text):
    assert run(kb, text).urgency != "emergency"


def test_worry_about_a_symptom_still_counts(kb):
    assert run(kb, "worried about my chest pain").urgency == "emergency"


def test_reading_is_safe_from_many_threads_at_once():
    """gunicorn serves with threads: assessments running at the same time must not share a stemmer's state
    (a shared snowball stemmer returns other threads' words and raises IndexError)."""
    import sys
    import threading
    import uuid

    import snowballstemmer

    from backend.triage import reader

    run = uuid.uuid4().hex[:6].translate(str.maketrans("0123456789", "ghijklmnop"))  # new words each run
    bases = ["breathlessness", "swellings", "vomiting", "coughing", "dizziness", "headaches", "confusion"]
    words = [f"{base}{run}{'x' * (n % 9)}" for n in range(300) for base in bases]
    expected = {word: snowballstemmer.stemmer("english").stemWord(word) for word in words}
    wrong: list[tuple[str, str]] = []
    errors: list[BaseException] = []

    def stem_many(offset: int) -> None:
        try:
            for word in words[offset::8]:
                got = reader.stem(word)
                if got != expected[word]:
                    wrong.append((word, got))
        except BaseException as exc:  # noqa: BLE001 - any crash is the failure
            errors.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as gunicorn under load might
    try:
        threads = [threading.Thread(target=stem_many, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == [] and wrong == []


def test_a_childs_own_account_with_the_age_only_in_the_profile_is_read_as_a_child():
    """"temperature 38.5 since last night" from a 4-year-old's profile is a child's fever (NICE NG143),
    as "my 4 year old has a temperature" is; the same words from an adult's profile are an adult's."""
    def plausible(age):
        return {c["id"] for c in assess("temperature 38.5 since last night", age_years=age).conditions if c["plausible"]}

    assert "fever_in_child_under_5" in plausible(4)
    assert "fever_in_child_under_5" not in plausible(30)
    assert "fever_adult_no_source" in plausible(30)
