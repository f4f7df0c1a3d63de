"""How the triage engine reads text (backend/triage/reader.py, engine.py) with the real knowledge files:
the NEWS2 aggregate (RCP 2017), clinical shorthand, ConText (Chapman et al.; medspaCy's default rules),
an explicit age beating a child word, brackets, and a baby whose age is not given (NICE NG143)."""
from __future__ import annotations

import pytest

from backend.triage import reader
from backend.triage.engine import URGENCY_RANK, assess


def finding(result, name: str) -> dict | None:
    return next((row for row in result.findings if row["name"] == name), None)


def affirmed(result, name: str) -> bool:
    return any(row["name"] == name and not row["negated"] and row["experiencer"] == "patient"
               for row in result.findings)


def negated(result, name: str) -> bool:
    rows = [row for row in result.findings if row["name"] == name]
    return bool(rows) and all(row["negated"] for row in rows)


# ---- 1. NEWS2 -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, value", [
    ("obs HR 112 BP 96/60 RR 24 SpO2 93% T 38.4", "hr", 112),
    ("obs HR 112 BP 96/60 RR 24 SpO2 93% T 38.4", "sbp", 96),
    ("obs HR 112 BP 96/60 RR 24 SpO2 93% T 38.4", "rr", 24),
    ("obs HR 112 BP 96/60 RR 24 SpO2 93% T 38.4", "spo2", 93),
    ("sats 91% on air", "spo2", 91),
    ("RR28", "rr", 28),
    ("rr 28", "rr", 28),
    ("p 120", "hr", 120),
    ("hr 120", "hr", 120),
    ("pulse 110 bpm", "hr", 110),
    ("BP 88/50", "sbp", 88),
    ("GCS 14/15", "gcs", 14),
    ("AVPU: V", "avpu", "v"),
    ("alert and orientated", "avpu", "a"),
    ("on 2L O2", "oxygen", True),
    ("sats 90% on 15 litres via NRB mask", "oxygen", True),
])
def test_observations_are_read_in_their_common_forms(text, kind, value):
    assert reader.read_observations(reader.expanded_text(text)).get(kind) == value


def test_home_oxygen_in_the_history_and_room_air_are_not_supplemental_oxygen():
    assert "oxygen" not in reader.read_observations(reader.expanded_text("COPD on home oxygen, sats 95% RA"))
    assert not affirmed(assess("sats 95% RA, RR 18"), "rheumatoid arthritis")


@pytest.mark.parametrize("text, celsius", [("temp 39.2", 39.2), ("T 101.8F", 38.8), ("T 38.4", 38.4)])
def test_temperatures(text, celsius):
    assert reader.read_facts(text).temp_c == celsius


def test_news2_aggregate_follows_the_rcp_chart():
    # RR 24 (2), HR 112 (2), SBP 96 (2), SpO2 93 scale 1 (2), T 38.4 (1) = 9
    score = reader.news2(reader.read_observations(reader.expanded_text(
        "obs HR 112 BP 96/60 RR 24 SpO2 93% T 38.4")), 38.4)
    assert score.score == 9 and not score.red
    assert reader.news2({"rr": 16, "hr": 80, "spo2": 98, "avpu": "a"}).score == 0
    assert reader.news2({"hr": 131, "rr": 12}).red  # 131 or more scores 3
    assert reader.news2({"sbp": 220, "rr": 12}).parts["systolic blood pressure"] == 3
    assert reader.news2({"rr": 12}, 35.0).parts["temperature"] == 3
    assert reader.news2({"rr": 12}, 36.0).parts["temperature"] == 1
    assert reader.news2({"spo2": 95, "oxygen": True}).score == 3   # 1 for SpO2 94-95, 2 for oxygen
    assert reader.news2({"rr": 20}) is None                          # one observation is not an aggregate


def test_spo2_uses_scale_2_only_with_a_hypercapnic_target():
    scale1 = reader.news2(reader.read_observations(reader.expanded_text("sats 89% on air, RR 18")))
    scale2 = reader.news2(reader.read_observations(reader.expanded_text(
        "known COPD, hypercapnic, target 88-92%, sats 89% on air, RR 18")))
    assert scale1.parts["SpO2"] == 3 and scale2.parts["SpO2"] == 0
    on_oxygen = reader.news2(reader.read_observations(reader.expanded_text(
        "type 2 respiratory failure, sats 97% on 4L O2, RR 18")))
    assert on_oxygen.parts["SpO2"] == 3  # scale 2: 97 or more on oxygen


def test_news2_of_7_or_more_is_an_emergency():
    result = assess("obs HR 112 BP 96/60 RR 24 SpO2 93% T 38.4")
    assert result.urgency == "emergency"
    assert "news2_high_risk" in result.rules_fired
    assert finding(result, "news2 high risk")["text"].startswith("NEWS2 9")


def test_news2_counts_new_confusion_but_not_denied_confusion():
    assert finding(assess("confused, HR 118, RR 23, T 38.7"), "news2 high risk")  # 3 + 2 + 2 + 1 = 8
    calm = assess("not confused, HR 118, RR 23, T 38.7")
    assert finding(calm, "news2 high risk") is None and finding(calm, "news2 medium risk")  # 5


def test_news2_of_5_or_6_or_a_red_score_is_urgent_and_never_lowers():
    medium = assess("obs: RR 22, HR 105, BP 125/80, T 38.6, sats 95% RA")  # 2 + 1 + 0 + 1 + 1 = 5
    assert finding(medium, "news2 medium risk") and URGENCY_RANK[medium.urgency] >= URGENCY_RANK["urgent"]
    red = assess("55F feels unwell, HR 135, T 37.2, RR 18, sats 97% on air")  # pulse alone scores 3
    assert finding(red, "news2 red score") and red.urgency == "urgent"
    low = assess("sore throat, T 37.9, HR 88, RR 16")
    assert not any(row["name"].startswith("news2") for row in low.findings)
    # A lower NEWS2 never lowers what the rest of the text reads: crushing chest pain stays an emergency.
    assert assess("crushing central chest pain, sweaty, HR 88, RR 16, sats 98%").urgency == "emergency"


def test_a_stated_news_score_is_read():
    assert finding(assess("NEWS2 score 8, feels awful"), "news2 high risk")


def test_news2_is_not_scored_for_children_or_in_pregnancy():
    assert not any(r["name"].startswith("news2") for r in assess("my 2 year old has a temp of 38.5, HR 135, RR 30").findings)
    assert not any(r["name"].startswith("news2") for r in assess("32 weeks pregnant, HR 135, RR 18").findings)


# ---- 2. Shorthand ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("45 y/o M c/o SOB", "shortness of breath"),
    ("67yo F c/o DOE", "shortness of breath"),
    ("URI sx for 3 days", "common cold"),
    ("N/V since this morning", "vomiting"),
    ("d/o x2 days", "diarrhoea"),
    ("cough w/ fever", "fever"),
    ("CP radiating to jaw", "chest pain"),
    ("HA for 2 days", "headache"),
    ("SOBOE, PND, orthopnoea", "breathless lying flat"),
    ("RUQ TTP, fever", "right upper abdominal pain"),
    ("s/p lap chole, fever", "recent surgery"),
    ("day 5 post lap chole abdo pain, fever", "recent surgery"),
    ("POD 3, wound red", "recent surgery"),
    ("T2DM, HTN, foot ulcer", "diabetes"),
    ("IDDM, vomiting", "diabetes"),
    ("AF on apixaban, fell and hit head", "anticoagulated"),
    ("immunocompromised, fever", "immunosuppressed"),
    ("on chemo, fever", "chemotherapy"),
    ("G2P1 LMP 6/52 ago, PV bleed", "pregnant"),
    ("PV bleed with clots", "vaginal bleeding"),
    ("PR bleed x2 today", "rectal bleeding"),
])
def test_clinical_shorthand_reads(text, name):
    assert affirmed(assess(text), name), [row["name"] for row in assess(text).findings]


@pytest.mark.parametrize("text, age, sex", [
    ("67F chest pain", 67, "female"), ("45 M SOB", 45, "male"), ("Pt is a 72 y/o M", 72, "male"),
    ("chest pain (45M)", 45, "male"),
])
def test_age_and_sex_after_a_number(text, age, sex):
    facts = assess(text).facts
    assert (facts["age_years"], facts["sex"]) == (age, sex)


@pytest.mark.parametrize("text, days", [("cough x3/7", 3), ("3/7 hx of cough", 3), ("rash x2/52", 14),
                                        ("tired x1/12", 30), ("headache since yest", 1)])
def test_durations_in_shorthand(text, days):
    assert assess(text).facts["days"] == days


def test_shorthand_that_is_not_a_finding_of_the_patient():
    assert not affirmed(assess("s/p appendectomy, fever"), "prolonged seizure")   # "status" is not status epilepticus
    assert negated(assess("NKDA, rash after amoxicillin"), "allergies") or not affirmed(
        assess("NKDA"), "allergic trigger")
    assert not affirmed(assess("45M, FH of MI, c/o cough"), "heart disease")
    assert not affirmed(assess("low mood since the birth, PND, 6 weeks after delivery"), "breathless lying flat")


# ---- 3. ConText --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("denies chest pain", "chest pain"), ("no fever", "fever"), ("without vomiting", "vomiting"),
    ("negative for chest pain", "chest pain"), ("absence of fever", "fever"), ("not vomiting", "vomiting"),
    ("free of chest pain", "chest pain"), ("chest pain resolved", "chest pain"), ("headache resolved", "headache"),
    ("ruled out MI", "heart disease"),
])
def test_negation_triggers(text, name):
    assert negated(assess(text), name)


@pytest.mark.parametrize("text, name", [
    ("no change in chest pain", "chest pain"),
    ("not only chest pain but also sweating", "chest pain"),
    ("no increase in headache since yesterday", "headache"),
    ("gram negative sepsis", "sepsis"),
    ("not certain if fever", "fever"),
])
def test_pseudo_triggers_are_not_negation(text, name):
    assert affirmed(assess(text), name)


def test_no_increase_is_not_a_worsening():
    assert not affirmed(assess("no increase in headache"), "worsening")


@pytest.mark.parametrize("text", [
    "no fever but cough", "no fever however cough", "no fever although cough", "no fever except cough",
    "no fever aside from cough", "no fever apart from cough", "no fever which worries me, cough",
    "no fever presenting with cough", "no fever, complains of cough", "no fever c/o cough", "no fever; cough",
    "no fever. cough",
])
def test_termination_ends_the_scope(text):
    result = assess(text)
    assert negated(result, "fever") and affirmed(result, "cough")


def test_scope_over_a_list():
    result = assess("no fever, chills, or weight loss")
    assert all(negated(result, name) for name in ("fever", "chills", "weight loss"))
    assert negated(assess("no fever (or rash)"), "rash")


@pytest.mark.parametrize("text, name", [
    ("I have a cough. mother has diabetes", "diabetes"),
    ("52M cough, mother has asthma", "asthma"),
    ("FH of MI, c/o cough", "heart disease"),
    ("family history of stroke, has a cough", "stroke signs"),
])
def test_family_history_is_not_the_patients(text, name):
    assert not affirmed(assess(text), name)


def test_historical_triggers():
    rows = [row for row in assess("h/o DVT, now cough").findings if row["name"] in ("one swollen calf",
                                                                                     "calf swollen one side")]
    assert rows and all(row["historical"] for row in rows)
    assert all(row["historical"] for row in assess("PMH: stroke").findings if row["name"] == "stroke signs")


# ---- 4. Reading bugs ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ami 45 bochorer, buke betha", "amar baba 70 bochorer, buke betha ar gham",
                                  "৪৫ বছরের মহিলা, জ্বর"])
def test_an_explicit_adult_age_beats_the_child_word_bochorer(text):
    result = assess(text)
    assert result.facts["age_years"] >= 45
    assert not any(row["name"] in ("child", "infant") for row in result.findings)
    assert result.specialization != "Pediatrics"


def test_a_child_age_in_bangla_stays_a_child():
    result = assess("amar 6 bochorer chele, jor")
    assert result.facts["age_years"] == 6 and result.specialization == "Pediatrics"


@pytest.mark.parametrize("text, name", [
    ("chest pain (central)", "chest pain"), ("SOB (on exertion)", "exertional"),
    ("pain in (left) chest", "chest pain"), ("headache (worst ever, sudden onset)", "worst headache"),
])
def test_brackets_do_not_break_phrases(text, name):
    assert affirmed(assess(text), name)


def test_a_temperature_in_brackets_is_read():
    assert assess("fever (39.5) and neck stiffness").facts["temp_c"] == 39.5
    assert assess("headache (worst ever, sudden onset)").urgency == "emergency"


def test_a_baby_without_an_age_is_an_infant_of_unknown_age():
    result = assess("my baby has a fever")
    # Under 1 year (an infant), but whether under 3 months is not known, so the age is asked: a baby under
    # 3 months with a fever needs emergency-level referral (NICE NG143). Guessing 6 months never asked it.
    assert "infant" in {row["name"] for row in result.findings}
    assert any(question["id"] == "age" and question["raises_to"] == "emergency" for question in result.questions)
    assert assess("my baby has a fever", answers={"age": 0.1}).urgency == "emergency"
    assert assess("my baby has a fever, she is 2 months old").urgency == "emergency"


def test_a_baby_with_a_stated_age_of_a_year_or_more_is_not_an_infant():
    result = assess("my baby is 2 years old and has a fever")
    assert result.facts["age_years"] == 2
    assert not any(question["id"] == "age" for question in result.questions)


# ---- 5. Reading problems found in review ----------------------------------------------------------------

def plausible(result, condition_id: str) -> bool:
    return any(row["id"] == condition_id and row["plausible"] for row in result.conditions)


@pytest.mark.parametrize("text", ["lactate 4.2", "lactate raised, fever", "serum lactate 3"])
def test_a_blood_lactate_is_not_breastfeeding(text):
    assert not affirmed(assess(text), "breastfeeding")


def test_lactating_still_reads_breastfeeding():
    assert affirmed(assess("I'm lactating and my breast is red and sore"), "breastfeeding")


@pytest.mark.parametrize("text", ["take paracetamol every 4 hours, headache", "pulse is 105, dizzy",
                                  "pulse 105 for 4 hours, dizzy", "HR 105 and has been dizzy 3 times today"])
def test_a_number_that_is_not_a_slow_heart_rate(text):
    result = assess(text)
    assert not affirmed(result, "slow heart rate") and not plausible(result, "heart_block")


def test_a_slow_heart_rate_is_still_read():
    assert affirmed(assess("dizzy, heart rate 38"), "slow heart rate")
    assert affirmed(assess("HR 40, fainted"), "slow heart rate")


def test_query_ectopic_is_a_pregnancy_and_ectopics_are_heartbeats():
    query = assess("27F ?ectopic, LMP 6/52, LIF pain")
    assert plausible(query, "ectopic_pregnancy") and not plausible(query, "ectopic_beats")
    for text in ("I get ectopics", "benign ectopics, otherwise well", "ectopics on ECG, palpitations"):
        assert not plausible(assess(text), "ectopic_pregnancy"), text


@pytest.mark.parametrize("text, name", [
    ("haven't slept for three days and my thoughts are racing", "not slept for days"),
    ("not eaten for 2 days", "self-neglect"),
    ("I haven't felt the baby move since yesterday", "reduced fetal movements"),
    ("my baby hasn't stopped crying all day", "excessive crying"),
])
def test_a_finding_whose_words_contain_the_negation(text, name):
    assert affirmed(assess(text), name), [(r["name"], r["negated"]) for r in assess(text).findings]


def test_a_negated_term_with_its_own_negation_is_still_negated():
    # an outer negation of the term's own negation word still negates ("denies not sleeping" is rare; a side
    # before the negation word keeps its own negation)
    assert not affirmed(assess("no fever. slept well, eating and drinking"), "not slept for days")


def test_hasnt_stopped_and_cant_stop_are_still_going_on():
    assert affirmed(assess("she hasn't stopped vomiting"), "vomiting")
    assert affirmed(assess("can't stop shaking"), "shaking") or any(
        row["name"] != "shaking" and not row["negated"] for row in assess("can't stop shaking").findings)


@pytest.mark.parametrize("text, age, days", [
    ("6/12 baby with fever and cough", 0.5, None),
    ("4/12 old, fever, poor feeding", 0.333, None),
    ("3/7 old neonate, jaundice", 0.008, None),
    ("2/52 old, not feeding", 0.038, None),
    ("baby 4/12, fever", 0.333, None),
    ("cough x6/12", None, 180),
    ("3/7 hx of cough", None, 3),
    ("45M, cough for 6/12", 45, 180),
])
def test_clinical_fraction_ages_and_durations(text, age, days):
    facts = assess(text).facts
    assert facts["age_years"] == age and facts["days"] == days, facts


@pytest.mark.parametrize("text", ["#radius after a fall", "# L wrist, fell on outstretched hand", "#tib, can't weight bear",
                                  "? # of the wrist after a fall"])
def test_hash_before_a_bone_is_a_fracture(text):
    assert plausible(assess(text), "suspected_fracture") or assess(text).urgency in ("urgent", "emergency"), text


def test_hash_nof_stays_a_hip_fracture():
    assert assess("82F # NOF after fall").urgency == "emergency"


def test_a_childs_respiratory_rate_is_judged_by_age():
    two = assess("my 2 year old has a cough, RR 45")
    assert affirmed(two, "fast breathing") and not affirmed(two, "very fast breathing") and two.urgency == "urgent"
    baby = assess("8 month old with a cough, RR 30")
    assert not affirmed(baby, "fast breathing") and not affirmed(baby, "very fast breathing")
    assert affirmed(assess("3 month old baby, cough, RR 65"), "very fast breathing")
    assert affirmed(assess("45M cough, RR 28"), "very fast breathing")


@pytest.mark.parametrize("text", [
    "my wife had a baby 10 days ago and now she is breathless with chest pain",
    "my mum had an operation 10 days ago and now she's suddenly breathless",
])
def test_a_recent_birth_or_operation_of_the_patient_is_hers_and_now(text):
    result = assess(text)
    assert affirmed(result, "shortness of breath") and result.urgency == "emergency"
    assert result.specialization != "Pediatrics"


def test_the_mother_after_a_birth_is_the_patient():
    wife = assess("my wife had a baby 10 days ago and now she is breathless with chest pain")
    assert affirmed(wife, "postpartum") and wife.facts["age_years"] is None
    assert not any(row["name"] in ("child", "infant") for row in wife.findings)
    daughter = assess("my daughter had a c-section last week and now her wound is red and hot")
    assert affirmed(daughter, "postpartum") and affirmed(daughter, "recent surgery")
    assert not affirmed(daughter, "child") and daughter.specialization != "Pediatrics"
    mum = assess("my mum had an operation 10 days ago and now she's suddenly breathless")
    assert affirmed(mum, "recent surgery")


def test_a_baby_born_by_c_section_is_still_the_patient():
    result = assess("my baby was born by c-section 2 weeks ago and now has a fever")
    assert affirmed(result, "infant") and result.specialization == "Pediatrics"


@pytest.mark.parametrize("text", ["I'm 36 weeks and the baby isn't moving as much", "36/40, headache and swollen face",
                                  "I'm 30 weeks, headache and seeing flashing lights"])
def test_weeks_of_pregnancy_are_not_an_age(text):
    result = assess(text)
    assert result.facts["age_years"] is None and result.specialization != "Pediatrics"
    assert affirmed(result, "pregnant")


@pytest.mark.parametrize("text", ["took 12 of my sertraline", "he swallowed 15 of his tablets",
                                  "she had about 30 of mum's pills"])
def test_a_count_of_someones_tablets_is_an_overdose(text):
    result = assess(text)
    assert affirmed(result, "overdose") and result.urgency == "emergency"


def test_a_small_count_or_other_counts_are_not_an_overdose():
    assert not affirmed(assess("took 2 of my paracetamol for a headache"), "overdose")
    assert not affirmed(assess("had 12 of my friends round, now a sore throat"), "overdose")


@pytest.mark.parametrize("text, days", [("cough since last month", 30), ("cough, it's been 3 days", 3),
                                        ("rash for the last month", 30)])
def test_more_durations(text, days):
    assert assess(text).facts["days"] == days


def test_pvd_is_read_by_its_neighbours():
    vascular = assess("PVD, calf pain on walking")
    assert not affirmed(vascular, "vaginal discharge")
    vaginal = assess("offensive PVD and itching, no pelvic pain")
    assert affirmed(vaginal, "vaginal discharge")


@pytest.mark.parametrize("text, kind, value", [("HR 128. BP 85/50.", "hr", 128), ("RR 30.", "rr", 30)])
def test_a_reading_at_the_end_of_a_sentence(text, kind, value):
    assert reader.read_observations(reader.expanded_text(text)).get(kind) == value
    assert affirmed(assess("dizzy. HR 128."), "tachycardic")


def test_a_ketone_reading_at_the_end_of_a_sentence_is_read():
    assert negated(assess("thirsty. ketones 0.2. well"), "ketones")


@pytest.mark.parametrize("text, age", [
    ("our daughter (2 and a half) has a cough", 2.5), ("baby girl (9 months) has a rash", 0.75),
    ("my neighbour who's in her late 80s has fallen", 88), ("grandad in his seventies, chest pain", 75),
])
def test_ages_in_brackets_and_by_decade(text, age):
    assert assess(text).facts["age_years"] == age


@pytest.mark.parametrize("text, days, temp", [
    ("temperature between 38.5 and 39.4 since last wednesday, so this is day 5", 5, 39.4),
    ("fever since monday", 3, None),
])
def test_day_counts_and_temperature_ranges(text, days, temp):
    facts = assess(text).facts
    assert facts["days"] == days and facts["temp_c"] == temp


def test_a_note_header_is_not_a_temperature():
    assert assess("GP e-consult: 42F heavier periods x1y").facts["temp_c"] is None


def test_first_aid_and_hearing_aids_are_not_aids():
    assert not affirmed(assess("first aid note: 31M headache after a run"), "hiv")
    assert not affirmed(assess("wears hearing aids, ear pain"), "hiv")


def test_a_number_before_a_measure_is_not_its_reading():
    result = assess("sore throat, obs: T 37.9 HR 80 SpO2 98%")
    assert not affirmed(result, "slow heart rate")


def test_oxygen_saturation_at_the_patients_baseline_is_not_new():
    assert not affirmed(assess("COPD, SpO2 91% (baseline 91-92), RR 20"), "blue lips")
    assert affirmed(assess("COPD, SpO2 85% (baseline 91-92), RR 20"), "blue lips")


def test_a_breastfeeding_writer_is_the_patient_not_her_baby():
    result = assess("breastfeeding my 3 wk old, got a red hot hard patch on my left boob, temp 38.4")
    assert result.facts["age_years"] is None
    assert not plausible(result, "fever_in_baby_under_3_months") and plausible(result, "mastitis")


def test_st_elevation_is_not_a_sore_throat():
    assert not affirmed(assess("chest pain, ECG shows ST elevation"), "sore throat")
    assert affirmed(assess("ST, fever"), "sore throat")


def test_weeks_late_and_adult_fractions_stay_what_they_are():
    assert "weeks pregnant" not in reader.expanded_text("I'm 5 weeks late for my period")
    facts = assess("2/52 sore throat, mum has it too").facts
    assert facts["age_years"] is None and facts["days"] == 14
    assert not affirmed(assess("had 12 of my friends round, now a sore throat"), "overdose")


@pytest.mark.parametrize("text, name", [("he hasn't opened his bowels for 4 days", "constipation"),
                                        ("I haven't slept for three days and my thoughts are racing", "not slept for days")])
def test_hasnt_with_a_participle_reads_the_not_phrase(text, name):
    assert affirmed(assess(text), name)


def test_a_negated_list_after_hasnt_had_stays_negated():
    assert negated(assess("hasn't had any fever"), "fever")


def test_a_negation_runs_over_an_open_list_of_plain_items():
    result = assess("Denies wt loss, night sweats, lumps, SOB, PR/PV bleeding")
    for name in ("weight loss", "night sweats", "shortness of breath", "bleeding"):
        assert negated(result, name), name
    assert affirmed(assess("no fever, but has a cough"), "cough")
    assert affirmed(assess("denies CP. SOB since yesterday"), "shortness of breath")
    assert affirmed(assess("no fever, cough for 3 days"), "cough")


@pytest.mark.parametrize("text, name", [
    ("the pain came on at rest and hasn't gone after 2 sprays", "pain"),
    ("the pain came on at rest and hasn't gone after 2 sprays", "at rest"),
    ("pain not gone away", "pain"), ("pain hasn't settled", "pain"), ("pain not eased by paracetamol", "pain"),
    ("cough no better", "cough"), ("vomiting not settled", "vomiting"),
])
def test_a_symptom_that_has_not_gone_goes_on(text, name):
    assert affirmed(assess(text), name)


@pytest.mark.parametrize("text, name", [
    ("vomiting settled", "vomiting"), ("pain has settled", "pain"), ("D+V settled", "diarrhoea"),
    ("D+V settled", "vomiting"), ("fever resolved", "fever"), ("the pain has gone", "pain"),
    ("the bleeding has stopped", "bleeding"),
])
def test_a_symptom_that_settled_is_over(text, name):
    assert negated(assess(text), name)


def test_gone_and_stopped_before_another_word_are_not_a_resolution():
    assert affirmed(assess("his lips have gone blue"), "blue lips")
    assert affirmed(assess("he stopped breathing"), "not breathing")


@pytest.mark.parametrize("text, name", [("band-like headache", "headache"), ("crushing-like pain", "pain"),
                                        ("feels like a band around my head", "tension headache")])
def test_like_in_a_description_is_not_uncertainty(text, name):
    row = finding(assess(text), name)
    assert row and not row["uncertain"] and not row["negated"]


def test_likely_and_a_hedge_after_like_are_uncertain():
    assert finding(assess("likely appendicitis, RIF pain"), "appendicitis")["uncertain"]
    assert finding(assess("feels like it might be a migraine"), "migraine")["uncertain"]


@pytest.mark.parametrize("text", ["day 5 post partum, fever", "5/7 postpartum, fever", "PN day 3, fever",
                                  "postnatal day 2, fever", "day 3 post SVD, fever"])
def test_days_after_a_birth_are_postpartum_not_an_operation(text):
    result = assess(text)
    assert affirmed(result, "postpartum") and not affirmed(result, "recent surgery")
    assert plausible(result, "fever_after_childbirth")


def test_a_caesarean_is_still_an_operation_and_offensive_lochia_is_read():
    assert affirmed(assess("day 4 post LSCS, fever"), "recent surgery")
    result = assess("offensive lochia, T 38.3")
    assert affirmed(result, "offensive lochia") and affirmed(result, "postpartum")


@pytest.mark.parametrize("text", ["mefenamic acid for period pain", "tranexamic acid, heavy periods",
                                  "on folic acid", "on valproic acid", "uric acid high"])
def test_a_medicine_or_test_named_acid_is_not_heartburn(text):
    assert not affirmed(assess(text), "heartburn")


def test_acid_reflux_words_still_read_heartburn():
    assert affirmed(assess("acid coming up my throat at night"), "heartburn")
    assert affirmed(assess("uric acid 520, hot swollen big toe"), "gout")


@pytest.mark.parametrize("text", ["chest pain, ECG shows ST depression", "ST changes on ECG, chest pain",
                                  "st elevation on ecg", "ST-elevation in V2-V4"])
def test_st_segment_words_are_not_a_sore_throat(text):
    assert not affirmed(assess(text), "sore throat")


@pytest.mark.parametrize("text", ["SLR +ve at 40 deg, buttock pain to the calf", "knee flexion to 100 degrees, swollen",
                                  "straight leg raise positive at 45°"])
def test_an_angle_in_degrees_is_not_a_temperature(text):
    assert reader.read_temperature_c(text.lower()) is None
    assert reader.read_temperature_c("temp 39 deg, shivering") == 39.0


@pytest.mark.parametrize("text", ["my son has a slapped cheek rash, nobody at home is pregnant",
                                  "no one in the house is pregnant, my daughter has slapped cheek"])
def test_nobody_and_no_one_negate(text):
    assert not affirmed(assess(text), "pregnant")
    assert affirmed(assess("my wife is pregnant and our son has a slapped cheek rash"), "pregnant")


def test_severe_is_not_severed():
    assert reader.stem("severe") != reader.stem("severed")
    assert URGENCY_RANK[assess("my finger is severed, cut right off with a saw").urgency] == URGENCY_RANK["emergency"]
    assert assess("severe calf ache after a long walk, small cuts on my hands from gardening").urgency != "emergency"


@pytest.mark.parametrize("text", ["husband's had vomiting and diarrhoea since last night",
                                  "my son's been vomiting since last night"])
def test_a_relatives_s_before_had_or_been_is_has(text):
    assert affirmed(assess(text), "vomiting")


def test_a_long_run_of_digits_is_dropped_before_the_number_patterns():
    text = "fever " + "1" * 1990
    assert "1" * 16 not in reader._expand(text)
    assert assess(text).urgency in {"emergency", "urgent", "routine", "self_care"}
    assert "38.5" in reader._expand("temp 38.5, call 01711223344")


# Results, scores and measures a note gives (reader._lab_words), and readings fixed alongside them.
@pytest.mark.parametrize("text, words", [
    ("U&E back: K+ 7.0, urea 15", "severe hyperkalaemia"),
    ("repeat potassium was 6.2 today", "raised potassium"),
    ("bloods: Na 121, creat 88", "severe hyponatraemia"),
    ("CBG 2.9 at the scene", "hypoglycaemia"),
    ("FBC shows Hb 61", "severe anaemia"),
    ("creat 265, baseline 80", "acute kidney injury stage 3"),
    ("peak flow 180, her best is 480", "peak flow less than half"),
    ("PEFR 30% predicted", "peak flow under a third"),
    ("?LRTI, CRB-65 2.", "crb65 moderate"),
    ("sore throat, FeverPAIN 1", "feverpain low"),
    ("twisted ankle, Ottawa rules negative", "ottawa rules negative"),
    ("cap refill under 2 secs", "capillary refill normal"),
    ("drinks 40 units per week", "alcohol excess"),
    ("alcohol socially", "light drinker"),
    ("ABPI L 0.62", "low abpi"),
])
def test_results_and_scores_are_read_as_their_findings(text, words):
    assert words in reader.expanded_text(text)


@pytest.mark.parametrize("text", ["ran 10 k 2.5 hours ago", "jor komche na 103", "HbA1c 52", "took 5 k steps"])
def test_numbers_that_are_not_results_stay_plain(text):
    expanded = reader.expanded_text(text)
    assert not any(w in expanded for w in ("hyperkal", "hypokal", "natraemia", "anaemia"))


def test_readings_around_notes():
    def read(text):
        return reader.read_facts(text)
    assert read("took his temp in the ear, 38.6, he's grizzly").temp_c == 38.6
    assert read("fevers for 3 days peaking at 39.8").temp_c == 39.8
    assert read("Paeds phone call. 15mo. cough").age_years == pytest.approx(1.25)
    assert read("HV. 6/52 baby, sticky eye").age_years == pytest.approx(6 * 7 / 365, abs=0.01)
    assert read("Optom: VA R 6/18, L 6/9. flashes").days is None
    assert "home oxygen" not in reader.expanded_text("own oximeter: home sats 97%")
    assert reader.stem("alcoholic") != reader.stem("alcohol")
    # a carer's "in my arms" does not make the writer the patient: the child's age stays
    result = assess("my 10 month old bumped his head, now being sick and dozing off in my arms")
    assert result.facts["age_years"] == pytest.approx(10 / 12, abs=0.01)


# ---- Reading round 2: consciousness, ages, past episodes, carers ---------------------------------------

@pytest.mark.parametrize("text", [
    "the teacher says she is not responding when they call her name, she turns the telly right up",
    "he's not responding when we speak from behind him and keeps saying pardon",
])
def test_not_hearing_a_call_is_not_unresponsiveness(text):
    assert finding(assess(text), "unresponsive") is None


@pytest.mark.parametrize("text", [
    "found nan slumped in her chair, not responding when I shook her shoulders",
    "pt collapsed, not responding when we pinched his ear",
    "granddad went down in the kitchen and is not responding when we shout at him",
])
def test_no_response_to_shaking_pain_or_shouting_is_unresponsiveness(text):
    assert affirmed(assess(text), "unresponsive")


@pytest.mark.parametrize("text", ["my little girl has thrown up four times since tea",
                                  "he keeps chucking up after every drink", "chucked up twice overnight"])
def test_lay_words_for_being_sick(text):
    assert affirmed(assess(text), "vomiting")


@pytest.mark.parametrize("text, age", [
    ("im 72. my feet are numb", 72), ("Im 58. chest feels tight", 58), ("aged 81. fell in the garden", 81),
    ("my son is 6. sore ear", 6),
])
def test_an_age_before_a_full_stop_is_read(text, age):
    assert assess(text).facts["age_years"] == age


@pytest.mark.parametrize("text, days", [
    ("itchy rash on my arms for 5 days, had the same thing about 3 years ago", 5),
    ("last time this happened was 4 years back, this bout started 2 days ago", 2),
    ("knee swelling. Had a similar episode in 2021 which lasted 6 weeks. This time swollen for 3 days", 3),
    ("18 months ago I had this same problem; now a cough for a week", 7),
    ("pain in my heel for 2 months", 60),
])
def test_an_earlier_episode_is_not_how_long_this_one_has_lasted(text, days):
    assert reader.read_facts(text).days == days


def test_an_episode_a_week_or_more_back_that_has_resolved_is_history_not_current():
    result = assess("tummy bug with D&V about 3 weeks ago, since resolved. Now just feel washed out")
    rows = [row for row in result.findings if row["name"] in {"diarrhoea", "vomiting"}]
    assert rows and all(row["historical"] for row in rows)
    # a recent symptom that has settled stays a finding: it still needs its check
    assert affirmed(assess("had chest pain this morning, now settled"), "chest pain")
    assert affirmed(assess("chest pain 2 days ago, settled"), "chest pain")


def test_a_babysitter_writes_about_the_child():
    result = assess("I'm babysitting my nephew tonight, he's 2 and has a temperature and is really floppy")
    assert result.facts["age_years"] == 2
    assert affirmed(result, "fever") and result.urgency == "emergency"
    result = assess("im minding my granddaughter, she is 3, she has a rash")
    assert result.facts["age_years"] == 3 and affirmed(result, "rash")


@pytest.mark.parametrize("text", [
    "Home visit, 7 week old, feeding well, settled. Parents shattered and anxious.",
    "Toddler with a cold. Mum and dad both very tired.",
])
def test_how_the_carers_are_is_not_the_patients_symptom(text):
    result = assess(text)
    assert not affirmed(result, "fatigue") and not affirmed(result, "anxiety")


@pytest.mark.parametrize("text", [
    "tight band round my head at the end of a long week on screens, paracetamol helps. could it be a brain tumour?",
    "sore head after staring at spreadsheets all day, no other symptoms. Is this a brain tumour??",
    "mild band-like headache after a stressful week, eased by paracetamol. Have I got a tumour?",
])
def test_a_question_naming_a_diagnosis_is_not_a_finding(text):
    # the question asks; the symptoms told carry the answer (NICE CKS Headache - tension-type)
    assert URGENCY_RANK[assess(text).urgency] <= URGENCY_RANK["routine"]


@pytest.mark.parametrize("text", [
    "is it normal to have chest pain and sweating like this?",
    "crushing pain in the middle of my chest and sweaty, is it a heart attack?",
    "her face has gone droopy on one side and her words are slurred - could it be a stroke?",
])
def test_a_question_does_not_hide_the_red_flags_told_with_it(text):
    assert assess(text).urgency == "emergency"


def test_a_clinicians_query_is_still_a_concern():
    # "?PE": a differential to exclude the same day (NICE NG158)
    assert assess("41F, R pleuritic CP since this am, HR 96, ?PE").urgency == "emergency"


def test_not_drinking_enough_is_drinking_too_little_not_refusing_fluids():
    result = assess("slight headache, been busy and not drinking enough water today")
    assert not affirmed(result, "not drinking") and result.urgency == "self_care"


def test_a_panic_picture_told_as_a_list_goes_together():
    # the short items of one list are one clause for "A ~ B" (NICE CKS Panic disorder: the over-breathing picture)
    result = assess("was out shopping, felt a wave of fear, pounding heart, tingly lips and a tight chest, "
                    "over in 10 minutes")
    assert affirmed(result, "panic with overbreathing")


@pytest.mark.parametrize("text", [
    "sudden fear, shaking and a tight chest",
    "a sudden sense of dread and my chest felt tight",
])
def test_a_sudden_feeling_is_not_a_symptoms_sudden_onset(text):
    assert not affirmed(assess(text), "sudden")


def test_a_sudden_symptom_is_still_sudden():
    assert affirmed(assess("sudden sharp chest pain and I'm breathless, I'm scared"), "sudden")


def test_describing_words_listed_with_commas_describe_one_thing():
    # "a warm, puffy, tender calf" is one swollen calf (NICE NG158)
    result = assess("his right calf is warm, puffy, tender since the weekend")
    assert affirmed(result, "one swollen calf") or affirmed(result, "calf swollen one side")
    assert affirmed(assess("a hot, swollen, painful left calf since yesterday"), "one swollen calf")


@pytest.mark.parametrize("text", [
    "it feels like someone is standing on my chest and I'm clammy",
    "tightness behind my breastbone spreading into both arms",
    "out of nowhere I couldn't breathe, sharp pain in the right side of my chest",
    "mum collapsed in the kitchen and isn't responding",
    "my son fell off the trampoline and knocked himself out for a minute",
    "woke up with my left arm and leg not working",
    "my daughter's lips are going purple and she's breathing really fast",
])
def test_red_flags_in_everyday_words_are_emergencies(text):
    # TRIAGE red flags: heart, breathing, clots, consciousness, stroke (NICE CG95, NG158, NG232, NG128)
    assert assess(text).urgency == "emergency"


@pytest.mark.parametrize("text", [
    "I couldn't breathe through my nose last night with this cold",
    "my face looks a bit droopy and tired after no sleep",
    "kids are hard to wake up for school every morning",
])
def test_everyday_words_near_a_red_flag_are_not_emergencies(text):
    assert assess(text).urgency != "emergency"


# ---- kb-reader2: fractions that name the person, third parties' lists, past checks, bare durations --------

@pytest.mark.parametrize("text, age", [
    ("3/12 ex-prem boy with a runny nose and cough", 0.25),
    ("Health visitor: 8/12 chewing everything and drooling, gnawing on toys", 0.667),
    ("HV: 5/12, bottle fed, wet nappies fine, mild cough", 0.417),
    ("2/12 F, temp 38.1, feeding less", 0.167),
])
def test_a_fraction_naming_the_person_is_an_age(text, age):
    # Clinicians write an infant's age as months (N/12) or weeks (N/52) before the child, a birth history or M/F
    result = assess(text)
    assert result.facts.get("age_years") == pytest.approx(age, abs=0.01)
    assert not (result.facts.get("days") or 0) >= 60


@pytest.mark.parametrize("text", [
    "baby girl with a cough for 2/12",
    "toddler, cough x 3/12, otherwise well",
    "cough 2/52 in a boy aged 4",
])
def test_a_fraction_after_for_x_or_a_symptom_is_a_duration(text):
    assert (assess(text).facts.get("days") or 0) >= 14


def test_an_infants_breathing_rate_is_judged_on_the_childs_scale_when_her_age_is_a_fraction():
    # NICE NG143 / NG9: RR 52 at 3 months is not an adult's RR over 25; mild recession and fewer feeds are amber
    text = ("HV: 3/12 ex-term boy, cold for 2 days, now coughing, taking about two thirds of his usual feeds, "
            "RR 52, mild recession, no grunting, sats 96%, no apnoea")
    result = assess(text)
    assert result.urgency == "urgent"
    assert not affirmed(result, "red flag observation")


@pytest.mark.parametrize("text", [
    "My 6 year old son has chickenpox, spots since yesterday, itchy but eating and playing. Nobody in the house "
    "is pregnant or has a low immune system.",
    "Chickenpox day 2 in a 5yo, afebrile, well. No contact with pregnant women or anyone immunocompromised.",
    "my daughter has chickenpox, no one at home has cancer treatment or is expecting a baby",
])
def test_a_denial_over_a_third_partys_list_leaves_no_risk_context_for_the_patient(text):
    # "nobody ... is X or has Y": every verb after "nobody" is nobody's (ConText: the negation's scope runs to a
    # terminator, and "or has" is not one here); uncomplicated chickenpox in a well child is self-care (NHS)
    result = assess(text)
    assert not affirmed(result, "pregnant") and not affirmed(result, "immunosuppressed")
    assert result.urgency == "self_care"


def test_nobodys_scope_ends_at_a_new_subject_or_but():
    assert affirmed(assess("nobody else at home is unwell but she is pregnant and has chickenpox"), "pregnant")
    assert affirmed(assess("no one at home has chickenpox and I have a rash and a fever"), "fever")


@pytest.mark.parametrize("text, days", [
    ("red patch on the white of my eye since this morning, no pain, BP checked at the surgery last month was fine", 0.3),
    ("feeling tired, bloods 2 weeks ago normal", None),
    ("sore knee since yesterday, x-ray of it 3 years ago was normal", 1),
])
def test_a_past_checks_time_is_not_the_complaints_duration(text, days):
    # "BP last month", "bloods 2 weeks ago" date a check, not how long the complaint has gone on
    got = assess(text).facts.get("days")
    assert (got is None if days is None else got == pytest.approx(days))


def test_a_complaint_over_the_last_month_is_still_its_duration():
    assert assess("headache most days for the last month").facts.get("days") == 30
    assert assess("cough 3 weeks ago that has not gone").facts.get("days") >= 21


@pytest.mark.parametrize("text, days", [
    ("tummy bloating 3 months, worse after meals", 90),
    ("low back ache 6 weeks, no leg symptoms", 42),
    ("Pt c/o dry cough 4 weeks and hoarse voice", 28),
])
def test_a_bare_duration_after_the_complaint_is_its_duration(text, days):
    assert assess(text).facts.get("days") == pytest.approx(days)


@pytest.mark.parametrize("text", [
    "my son is 6 weeks, snuffly",
    "I'm 30 weeks, headache",
    "take paracetamol every 4 hours, headache",
])
def test_an_age_a_gestation_or_a_frequency_is_not_a_bare_duration(text):
    assert (assess(text).facts.get("days") or 0) < 28


@pytest.mark.parametrize("text, symptom", [
    ("my little boy is not eating and vomiting since lunch", "vomiting"),
    ("she isn't feeding well and floppy", "floppy baby"),
    ("not sleeping and low mood for weeks", "low mood"),
])
def test_a_negated_activity_and_a_symptom_deny_the_activity_only(text, symptom):
    # ConText: "and" joining a denied activity to a symptom ends the negation's scope
    assert affirmed(assess(text), symptom)


@pytest.mark.parametrize("text, symptom", [
    ("no fever and cough", "cough"),
    ("denies chest pain and palpitations", "palpitations"),
])
def test_a_negated_list_of_symptoms_joined_by_and_stays_denied(text, symptom):
    assert not affirmed(assess(text), symptom)


def test_shorthand_n_v_does_not_end_a_negated_list():
    """"N/V" reads as two findings without an "and" of its own, so a negated list it opens runs on to the
    sentence's end: every item after it is negated too (ConText: the scope ends at a terminator)."""
    result = assess("Denies N/V, visual sx, focal neuro sx, fever, neck stiffness.")
    for name in ("vomiting", "fever", "stiff neck"):
        assert negated(result, name), name
    assert result.urgency != "emergency"
    assert affirmed(assess("c/o N/V x2d"), "vomiting")


def test_disorientation_in_time_is_confusion():
    """Not knowing the day or the year is disorientation (NICE CG103: 4AT orientation items)."""
    result = assess("my dad is 81, since this morning he doesn't know what day it is and keeps picking at his blanket")
    assert affirmed(result, "confusion")
    assert result.urgency == "emergency"


def test_a_child_held_in_the_carers_arms_stays_the_patient():
    """"Sleepy in my arms" is where the carer holds the child, not the carer's own arms: the child's fit
    stays the child's (NICE CG160 / NHS: a first febrile fit needs an ambulance)."""
    result = assess("My daughter (18 months) had a fit, her arms and legs were jerking for 2 minutes. Temp 39. "
                    "She's stopped shaking and is sleepy in my arms. She has never had one before.")
    assert affirmed(result, "seizure")
    assert result.urgency == "emergency"
    assert affirmed(assess("I've had pins and needles in my arms all week"), "arm")


def test_a_growth_spurt_is_not_spurting_blood():
    result = assess("13 yo M, pain below R kneecap x6 wk, worse after running. Growth spurt this yr. No trauma.")
    assert not affirmed(result, "severe bleeding")
    assert result.urgency != "emergency"
    assert affirmed(assess("cut my hand on glass and blood is spurting out"), "severe bleeding")


def test_someone_elses_guess_is_not_a_finding():
    """"My mum keeps saying I have TB" is a relative's guess, not a diagnosis the writer reports."""
    result = assess("had a cold 3 weeks ago, only the cough left, getting better. my mum keeps saying i have TB")
    assert all(row["uncertain"] for row in result.findings if row["name"] == "tb")
    assert result.urgency == "self_care"
    assert affirmed(assess("I was diagnosed with TB last year and the cough is back"), "tb")


def test_a_relatives_earlier_bout_gives_no_duration():
    """"Brother had the same last month" is his bout: its month is not how long the child has been ill."""
    assert reader.read_facts("3 yo F pulling R ear, T 38.0 since last night. Brother had the same last month.",
                             "writer").days == 1
    assert reader.read_facts("pulling at her ear for a month", "writer").days == 30


@pytest.mark.parametrize("text,subject,days", [
    # someone else's event dates that event: a relative's illness, a move, the time since a birth
    ("my 5 year old has itchy spots, started 2 days ago. My mum had shingles last month", "writer", 2),
    ("4 yo M, cough x2d, cousin was treated for TB last year", "writer", 2),
    ("38M, moved from Pakistan 2 yrs ago, 6/52 productive cough", "writer", 42),
    ("31F, 4/52 postpartum, bright red blood on the paper", "writer", None),
    # the patient's own time stays: a carer's relative who is the patient, and "for" a time
    ("my mum had a fall 2 days ago and now can't walk", "mum", 2),
    ("my son had a fever 3 days ago and now has a rash", "son", 3),
])
def test_someone_elses_event_gives_no_duration(text, subject, days):
    assert reader.read_facts(text, subject).days == days


@pytest.mark.parametrize("text", ["Her weight and temperature are normal, stiff shoulders for 5 weeks",
                                  "temp normal, sore throat 2 days", "her temperature is fine but she has a cough"])
def test_a_normal_temperature_is_no_fever(text):
    assert not affirmed(assess(text), "fever")
    assert affirmed(assess("he has a temperature and a cough"), "fever")


def test_denies_two_items_ending_the_sentence_denies_both():
    result = assess("42 F heavy menses x8mo, regular cycle. Denies dizziness, SOB.")
    assert negated(result, "dizziness") and negated(result, "shortness of breath")
    # an item with a number or a verb still ends the denial at the comma
    assert affirmed(assess("Denies CP, productive cough for 3 days"), "cough")


@pytest.mark.parametrize("text, finding", [
    ("I was swinging my 2yo by her hands and now she won't use her right arm", "arm held still"),
    ("my father in law is 76, for two days he's weeing very often and it burns. can I get him something from "
     "the pharmacy?", "frequent urination"),
])
def test_a_carers_action_does_not_make_the_writer_the_patient(text, finding):
    """"I was swinging my 2yo", "can I get him something": the writer acts on the patient."""
    assert affirmed(assess(text), finding)


def test_the_writer_keeps_their_own_symptoms_beside_a_relative():
    assert affirmed(assess("I hurt my back lifting my son"), "back pain")
    assert affirmed(assess("I have chest pain, my husband is 68"), "chest pain")


def test_an_in_law_has_an_age():
    assert reader.read_facts("my father in law is 76 and has a cough", "father").age_years == 76


def test_a_breast_named_after_the_baby_is_the_mothers():
    result = assess("breastfeeding my 3 week old, right breast has a red hot painful patch and I feel flu-ey, "
                    "temp 38.4")
    assert affirmed(result, "breast pain or redness")
    assert result.urgency == "urgent"


@pytest.mark.parametrize("text, years", [
    ("7 wk F, axillary T 38.3 at home x3h", 7 / 52),
    ("10 days m, jaundice since yesterday", 10 / 365),
    ("Paeds tel. 22mo. cough", 22 / 12),
])
def test_a_notes_opening_age_in_weeks_or_days(text, years):
    """A note opening "7 wk F" gives the baby's age (a fever under 3 months is an emergency, NICE NG143)."""
    assert reader.read_facts(text, "writer").age_years == pytest.approx(years, abs=0.002)


def test_a_bare_number_of_weeks_is_still_a_duration():
    assert reader.read_facts("cough. 3 weeks, no fever", "writer").age_years is None
    assert assess("7 wk F, axillary T 38.3 at home x3h, feeding slightly less, alert. No rash.").urgency == "emergency"


def test_after_a_birth_the_mothers_symptoms_stay_hers():
    """"Had my baby 5 days ago, now soaking a pad every hour": the bleeding is the mother's (RCOG GTG 52:
    secondary postpartum haemorrhage), not the baby's."""
    result = assess("had my baby 5 days ago and suddenly I'm soaking through a pad every hour with big clots, "
                    "feeling dizzy")
    assert result.urgency == "emergency"


@pytest.mark.parametrize("text, fast", [
    ("3 yo F, HR 130, T 38.2, playing, drinking well", False),      # NICE NG143: amber over 140 at 2-5 years
    ("14 mo M, HR 145, drinking less", False),                       # over 150 at 12-24 months
    ("14 mo M, HR 165, drinking less", True),
    ("8 yo boy pulse 135", True),                                    # APLS: 80-120 at 5-11
    ("45 M HR 125, T 38.9", True),                                   # an adult's limit is 100
])
def test_a_childs_heart_rate_is_read_by_age(text, fast):
    assert affirmed(assess(text), "tachycardic") is fast


def test_the_unit_of_an_age_is_not_a_duration():
    """"45 yo F c/o blocked nose x3d": the "year" of the age does not satisfy "blocked ~ nose ~ years"."""
    result = assess("45 yo F c/o blocked nose, rhinorrhoea, sneezing + mild sore throat x3d. T 37.4.")
    assert not affirmed(result, "nasal polyps")
    assert result.urgency == "self_care"
    assert affirmed(assess("my nose has been blocked for years and I can't smell"), "nasal polyps")


def test_a_siblings_illness_is_not_the_patients():
    result = assess("3 yo M, runny nose, dry cough x3d, T 37.9, drinking well, playing. Mum worried as older "
                    "sibling had pneumonia last winter.")
    assert not affirmed(result, "pneumonia")


def test_no_other_injury_does_not_deny_the_injury_told():
    result = assess("34 M, missed step off bus 1h ago, R ankle. Cant WB, tender posterior edge lat malleolus, "
                    "marked swelling. No other injury.")
    assert affirmed(result, "injury")
    assert result.urgency == "urgent"


def test_a_labourer_is_not_in_labour():
    result = assess("26 M labourer, dizzy, headache, sweaty after working outdoors in the heat, resting, drinking")
    assert not affirmed(result, "labour")


@pytest.mark.parametrize("text, finding", [
    ("my 6 week old has yellow greasy scaly crusts all over his scalp, not itchy, no red weepy skin. my mother in "
     "law says I don't wash his hair enough and I feel terrible. is it something serious?", "cradle cap"),
    ("My 6 year old has bright red cheeks like she's been slapped and a lacy rash on her arms. she's fine in "
     "herself, no temp now. do I have to keep her off school?", "slapped cheek"),
])
def test_a_carers_feelings_and_duties_do_not_make_the_writer_the_patient(text, finding):
    """"I feel terrible", "do I have to keep her off school": the carer speaks of themselves, the child is the
    patient."""
    assert affirmed(assess(text), finding)
    assert affirmed(assess("my son has a rash. I feel sick too"), "nausea")


def test_another_relatives_admission_is_theirs():
    """"Cousin was admitted w/ pneumonia" in a note about a 4-year-old: the cousin's illness; "dad was admitted
    yesterday with chest pain" in a note about dad stays his."""
    assert not affirmed(assess("4 yo M, runny nose, mild cough x3d, playing. Mum anxious as cousin was admitted "
                               "w/ pneumonia last month."), "pneumonia")
    assert affirmed(assess("dad was admitted yesterday with chest pain and now he is confused"), "chest pain")
    assert affirmed(assess("hi, grandma was admitted with a fall last week, now she has a fever"), "fever")


@pytest.mark.parametrize("text", ["my heart skips a beat sometimes, nobody in my family has heart problems",
                                  "no one in our family has heart disease, I get the odd skipped beat"])
def test_nobody_in_my_family_negates_over_the_possessive(text):
    # "nobody in MY family": the possessive names nobody's group, it does not open a new subject
    assert not affirmed(assess(text), "heart disease")
    assert affirmed(assess("nobody at home is ill, my heart races and I have heart disease"), "heart disease")


@pytest.mark.parametrize("text", ["the spots fade when I press a glass on them",
                                  "a rash on her tummy which blanches under a glass",
                                  "I pressed a glass on the rash and it disappeared"])
def test_a_rash_that_fades_under_a_glass_is_not_non_blanching(text):
    # NICE NG143 glass test: fading is a negative test
    assert not affirmed(assess(f"my 2 year old has a fever, {text}"), "non-blanching rash")


@pytest.mark.parametrize("text", ["the spots don't fade when I press a glass on them",
                                  "I did the glass test on the rash",
                                  "the rash doesn't go away under a glass",
                                  # only some spots fade: any spot that stays is a positive test (NICE NG143)
                                  "some spots faded under the glass but a few stayed",
                                  "most of the rash fades under a glass, some purple spots do not"])
def test_a_rash_that_does_not_fade_stays_non_blanching(text):
    assert affirmed(assess(f"my 2 year old has a fever, {text}"), "non-blanching rash")


@pytest.mark.parametrize("text,name", [
    ("She has no fever, loin pain, vaginal discharge or visible blood in the urine", "blood in urine"),
    ("denies cp, sob, palpitations or syncope", "fainting"),
])
def test_the_item_after_a_denied_lists_or_is_denied(text, name):
    assert negated(assess(text), name)


def test_an_item_after_or_that_opens_a_clause_is_not_denied():
    assert affirmed(assess("no fever, cough or vomiting, crushing chest pain now"), "chest pain")
    assert affirmed(assess("no fever, chills or rash but has blood in the urine"), "blood in urine")


@pytest.mark.parametrize("text", ["dad's oxygen is 85% on the finger thing", "abbar oxygen 85%",
                                  "my oxygen level is 89", "the oximeter says 86 and she is breathless",
                                  "her o2 dropped to 88%"])
def test_a_home_oximeter_reading_in_everyday_words_is_read(text):
    # NEWS2 (RCP 2017): SpO2 91% or less scores 3 on scale 1
    assert affirmed(assess(text), "red flag observation")
    assert assess(text).urgency == "emergency"


@pytest.mark.parametrize("text", ["oxygen 97%, feels fine", "on 2 litres oxygen, target 88-92%",
                                  "oxygen 15l via mask", "o2 reading was 94%"])
def test_oxygen_given_a_target_range_or_a_normal_reading_is_not_low_oxygen(text):
    assert not affirmed(assess(text), "red flag observation")


@pytest.mark.parametrize("text", ["prob nothing but ive had indigestion since lunch",
                                  "nothing but indigestion for a week"])
def test_nothing_but_means_only_and_denies_nothing(text):
    assert affirmed(assess(text), "indigestion")


@pytest.mark.parametrize("text,name", [("2 days no stool no flatus, vomiting", "not passing wind"),
                                       ("baby no fever no wet nappies since morning", "reduced urine")])
def test_a_finding_of_absence_after_another_denial_is_affirmed(text, name):
    # each denial opens its own scope; the second one's own words ("no flatus") are the finding
    assert affirmed(assess(text), name)


def test_the_first_denial_before_a_finding_of_absence_still_denies():
    assert negated(assess("baby no fever no wet nappies since morning"), "fever")


def test_a_denied_manner_is_denied_not_a_symptom_kept_going():
    assert negated(assess("dad's hearing is muffled on one side, it didn't go suddenly"), "sudden")
    assert affirmed(assess("my chest pain didnt go away with rest"), "chest pain")


@pytest.mark.parametrize("text,name", [("A 4-year-old girl has had a swollen eyelid since yesterday", "swollen eyelid"),
                                       ("An 8 month old baby has had a fever of 39 since this morning", "fever"),
                                       ("A 6-year-old boy has a barking cough", "cough")])
def test_a_vignette_opens_with_its_patient(text, name):
    # "A 4-year-old girl has...": the girl is the patient, not another child the writer mentions
    assert affirmed(assess(text), name)


def test_a_relative_who_reports_on_the_patient_is_not_the_patient():
    text = "A 74-year-old man has sudden back pain. His wife says he felt faint and looks pale."
    assert affirmed(assess(text), "fainting") and affirmed(assess(text), "pale")
    # the wife's own symptom stays hers
    assert not affirmed(assess("my dad has back pain, his wife says she has a headache"), "headache")


def test_pain_free_is_without_pain():
    assert not affirmed(assess("eye movements are full and pain-free"), "eye pain")


def test_without_warning_denies_only_the_warning():
    # ESC 2018 syncope: a collapse during exercise without warning is high risk; "without" must not deny the match
    result = assess("19 year old collapsed without warning during a match, lost consciousness for 30 seconds")
    assert affirmed(result, "collapse during exercise") and affirmed(result, "no warning")


@pytest.mark.parametrize("text", ["I have never had a headache like this, it came on suddenly",
                                  "never had pain this bad in my head, came on suddenly",
                                  "my dad says he's never had a headache like it, started when lifting"])
def test_never_had_a_headache_like_this_is_the_worst_ever_not_a_denial(text):
    # NICE CKS Headache: a sudden headache unlike any before (thunderclap) needs emergency care
    result = assess(text)
    assert affirmed(result, "worst headache") and result.urgency == "emergency"


def test_never_having_headaches_is_still_a_denial():
    assert negated(assess("I never get headaches, my knee hurts"), "headache")


def test_a_mother_who_tells_of_her_birth_is_the_patient():
    # "I had my baby 6 days ago": the baby names the birth; the mother is the patient, an adult woman
    facts = assess("I had my baby 6 days ago and now have a fever and my wound is red").facts
    assert facts["age_years"] is None and facts["sex"] == "female"
    assert assess("gave birth last week, now heavy bleeding with big clots").facts["sex"] == "female"


def test_a_relative_named_by_the_writer_does_not_give_the_writer_a_sex():
    # "im 15 and my mum says...": the mum is female, the writer with a testicle is not
    assert assess("im 15 and my mum says i should ask, my left testicle hurts").facts["sex"] is None
    assert assess("my mum has a bad headache").facts["sex"] == "female"
    assert assess("I'm a 25 year old woman with a cough").facts["sex"] == "female"


def test_a_carer_who_keeps_an_eye_on_the_child_is_not_the_patient():
    text = ("I think my 2 year old might have swallowed a button battery. He seems fine. "
            "Do I just keep an eye on his nappies?")
    result = assess(text)
    assert affirmed(result, "swallowed battery or magnet") and result.urgency == "emergency"


@pytest.mark.parametrize("text, celsius", [
    ("She felt warm so I checked and it's 38.1 under her arm", 38.1),
    ("37.9 in his ear this morning", 37.9),
    ("38.4 axillary", 38.4),
    ("measured it, 38.6", 38.6),
])
def test_a_temperature_reading_with_where_it_was_taken(text, celsius):
    assert reader.read_temperature_c(reader.expanded_text(text)) == celsius


@pytest.mark.parametrize("text", ["checked her sugar and it's 35.2", "checked his weight, 38.5 kg"])
def test_other_measurements_are_not_temperatures(text):
    assert reader.read_temperature_c(reader.expanded_text(text)) is None


def test_a_young_baby_with_a_temperature_read_under_the_arm_is_an_emergency():
    # NICE NG143: a baby under 3 months with a temperature of 38 or more
    result = assess("My daughter is 7 weeks old. She felt warm so I checked and it's 38.1 under her arm.")
    assert result.urgency == "emergency"


def test_a_fear_of_what_might_happen_is_not_a_finding():
    # "I panic that I'm going to choke": globus with a fear of choking, not choking
    row = finding(assess("lump feeling in my throat for months, i panic that i'm going to choke"), "choking")
    assert row is not None and row["uncertain"]
    # a presyncope told as "I feel like I'm going to faint" is still a symptom
    assert affirmed(assess("i feel like im going to faint, chest pain"), "fainting")


@pytest.mark.parametrize("text", ["feel like i've been hit by a bus, shivering and aching all over",
                                  "everything hurts, like my whole body's been run over",
                                  "feels like a truck hit me, fever and aches"])
def test_a_simile_of_feeling_ill_is_not_an_injury(text):
    result = assess(text)
    assert not affirmed(result, "high energy injury") and result.urgency != "emergency"


def test_being_hit_by_a_bus_is_still_an_injury():
    assert affirmed(assess("I was hit by a bus an hour ago, my leg is bent"), "high energy injury")


def test_the_writers_own_reaction_is_not_the_patients_symptom():
    # a toddler's bump on the head: "I nearly passed out" is the parent's fright
    text = "Toddler (2) fell off the sofa, big lump on her forehead, I honestly nearly passed out. She cried at once."
    result = assess(text)
    assert not affirmed(result, "fainting") and result.urgency != "emergency"
    # the child's own faint stays the child's
    assert affirmed(assess("my son fainted at school and I panicked"), "fainting")


def test_a_birth_told_with_our_baby_is_a_birth():
    facts = assess("my wife had our baby 7 weeks ago and she cries most days").facts
    assert facts["age_years"] is None and facts["sex"] == "female"


def test_an_ear_that_sounds_like_under_water_is_not_a_drowning():
    result = assess("my right ear sounds muffled, like under water, since the flight")
    assert not affirmed(result, "near drowning") and result.urgency != "emergency"
    assert affirmed(assess("my son was under water for about 30 seconds at the pool"), "near drowning")


def test_a_fear_of_a_diagnosis_now_is_not_that_diagnosis():
    # a young man with chest-wall pain after the gym, "frightened that he is having a heart attack"
    text = ("A 24-year-old man is frightened that he is having a heart attack. Sharp pain at the edge of his "
            "breastbone since a heavy bench press, worse when he twists or presses on it.")
    row = finding(assess(text), "cardiac pain features")  # what "heart attack" is read as
    assert row is not None and row["uncertain"]
    assert assess("my dad is 60, crushing chest pain and sweating, I'm scared he's having a heart attack").urgency \
        == "emergency"


def test_a_last_sentence_without_its_question_mark_is_a_question():
    row = finding(assess("bright red blood on the paper after straining, itchy lump at my bum. is this bowel cancer"),
                  "bowel cancer")
    assert row is not None and row["uncertain"]


def test_what_an_earlier_time_names_is_over():
    # "had a tetanus booster 2 yrs ago after a dog scratch" is not a bite today
    result = assess("stood on a drawing pin an hour ago. had a tetanus booster 2 yrs ago after a dog scratch")
    assert not any(row["name"] == "animal bite" and not row["historical"] for row in result.findings)
    assert affirmed(assess("my dog bit me 2 hours ago, deep puncture on my hand"), "animal bite")


@pytest.mark.parametrize("text, days", [("I have not had one for a year, headache for 2 days", 2.0),
                                        ("havent had a migraine in 5 years, now one for 3 days", 3.0),
                                        ("hasnt had a wee for 12 hours", 0.5),
                                        ("not eaten for 2 days", 2.0)])
def test_the_time_since_the_last_episode_is_not_this_ones_length(text, days):
    assert reader.read_duration_days(reader.expanded_text(text)) == days


def test_a_baby_moving_in_a_pregnancy_is_not_the_patient():
    text = "31 weeks. bright red bleeding, soaked a pad in an hour. baby is moving. low lying placenta at the scan"
    facts = assess(text).facts
    assert facts["age_years"] is None


@pytest.mark.parametrize("text, words", [("readings all about 185/115", "very high blood pressure"),
                                         ("its 152/100 at the chemist", "raised blood pressure"),
                                         ("bp 88/50 and dizzy", "hypotension")])
def test_a_blood_pressure_reading_however_it_is_written(text, words):
    assert words in reader.expanded_text(text)


@pytest.mark.parametrize("text", ["on 18/11 I fell", "sertraline 100/50 mg", "took it 2/7 ago", "120/80, fine"])
def test_dates_doses_and_normal_readings_are_not_high_blood_pressure(text):
    assert "blood pressure" not in reader.expanded_text(text).replace("bp", "")


@pytest.mark.parametrize("text", ["running a temp and a cough", "temp since this afternoon and grizzly"])
def test_a_temp_told_in_everyday_words_is_a_fever(text):
    result = assess(text)
    assert affirmed(result, "fever") and finding(result, "the runs") is None


def test_a_new_headache_late_in_pregnancy_is_checked_today():
    # NICE NG133: pre-eclampsia is checked for in a new headache after 20 weeks
    assert assess("I'm 30 weeks pregnant with a headache").urgency == "urgent"
    assert assess("I have a headache after a long day at work").urgency == "self_care"


def test_lice_seen_in_a_childs_hair_are_not_psychosis():
    assert assess("found bugs crawling in my daughter's hair, she's itchy").urgency == "self_care"


def test_one_of_his_friends_named_as_the_patient_is_the_patient():
    # a child at a party with a peanut allergy, throat feels funny and voice hoarse: anaphylaxis (NICE CG134)
    text = ("at my son's birthday party, one of his friends (8, peanut allergy) ate a cookie and now he's got a "
            "blotchy rash, says his throat feels funny and his voice has gone hoarse")
    result = assess(text)
    assert affirmed(result, "hoarse voice") and result.urgency == "emergency"
    # a friend's illness told as a contact stays the friend's
    assert not affirmed(assess("my son has a fever, one of his friends had chickenpox last week"), "chickenpox")
    # a relative's school is still the relative
    assert affirmed(assess("my daughter's school rang, she has a rash and a fever"), "rash")


def test_a_fraction_of_weeks_with_a_decimal():
    assert reader.read_duration_days(reader.expanded_text("dry cough lingering 2.5/52 after a cold")) == 17.5


def test_a_carer_asking_what_to_do_is_not_the_patient():
    text = "my 8 year old has a round red patch on his arm, scaly ring edge, bit itchy. what cream do i get?"
    result = assess(text)
    assert affirmed(result, "itch") and affirmed(result, "ringworm")


def test_a_newborns_age_in_hours_and_since_birth():
    assert reader.read_age_years(reader.expanded_text("my son is 36 hours old and looks yellow")) == pytest.approx(36 / 8760, abs=0.001)
    assert reader.read_age_years(reader.expanded_text("baby born 10 hours ago, looks yellow")) < 1 / 365
    assert reader.read_age_years(reader.expanded_text("born 3 days ago, jaundiced")) == pytest.approx(3 / 365, abs=0.001)
    # NICE CG98: jaundice in the first 24 hours needs a bilirubin check within 2 hours; later, the same day
    assert assess("baby born 10 hours ago and looks yellow").urgency == "emergency"
    assert assess("my son is 36 hours old and looks yellow").urgency == "urgent"


def test_years_of_a_known_illness_are_not_an_age():
    assert reader.read_age_years(reader.expanded_text("amar 10 bochor sugar, ajke matha ghurche"), guess=False) is None
    assert reader.read_age_years(reader.expanded_text("nanar 68 bochor, buke betha")) == 68


def test_a_change_after_a_past_history_is_the_present():
    # "h/o COPD, increased SOB and purulent sputum": only the COPD is history (ConText's list scope)
    result = assess("67M h/o COPD, increased SOB and purulent sputum x3d, sats 93% RA")
    assert not finding(result, "shortness of breath")["historical"]
    assert finding(result, "copd")["historical"]
    assert result.urgency == "urgent"
    # a denial does not run over a worsening: "no fever, worsening cough"
    assert affirmed(assess("no fever, worsening cough and green phlegm"), "cough")


def test_breathlessness_on_effort_in_known_heart_disease_is_seen_today():
    # NICE CG95: exertional breathlessness can be an angina equivalent
    assert assess("54 yo M, h/o CAD, c/o SOB on exertion x2/52, worse over last few days").urgency == "urgent"


@pytest.mark.parametrize("text, level", [
    # a stroke named as the past ("post-stroke", "since his stroke") is history, not a new stroke (ConText)
    ("86M, bed-bound post-stroke. Sacral pressure ulcer now smelly with spreading redness. T 38.0, alert", "urgent"),
    # ... and a new one after it is still an emergency (NICE NG128)
    ("post stroke weakness left arm unchanged, now sudden slurred speech", "emergency"),
    # a high-voltage shock with entry and exit burns and a fast irregular pulse (RCEM electrical injury)
    ("35M electrician, contact with 415V industrial supply, thrown back. Entry burn R hand, exit burn L foot. "
     "HR 130 irregular", "emergency"),
    # a blocked long-term catheter with a swollen bladder: the nurse within hours (NICE CG139)
    ("mum has a long-term catheter, nothing has drained into the bag for 5 hours and her lower tummy is swollen",
     "urgent"),
    # diarrhoea for months after milk in a thriving child is not a stomach bug (NICE CG84; CKS lactose intolerance)
    ("my son is 12, every time he has milk he gets bloated and has diarrhoea, it's been like this for months, "
     "no blood, growing normally", "routine"),
    # a rigid belly after a sudden worsening: peritonitis (NICE NG147)
    ("known diverticulitis, pain low on the left suddenly got much worse, now my whole belly is hard, temp 39",
     "emergency"),
    # tired eyes that blur by evening after screen work and are fine by morning: eye strain (NHS)
    ("staring at spreadsheets all week, eyes tired and achy by the evening and a bit blurry, fine in the morning",
     "self_care"),
])
def test_words_for_known_conditions(text, level):
    assert assess(text).urgency == level


@pytest.mark.parametrize("text, level", [
    # NICE NG143: a floppy baby who barely responds ("limp" as in floppy, not walking with a limp)
    ("my 6 month old is limp and barely responding", "emergency"),
    # NICE CG95: effort chest pain that does not stop with rest; pain going into the neck
    ("heavy feeling in my chest that came on while gardening and hasn't gone after resting", "emergency"),
    ("bad chest pain after shovelling snow, pain goes into my neck", "emergency"),
    # "the same ache in my chest I had back then": chest pain (not the back), at rest, GTN not helping
    ("had a stent 2 years ago. getting the same ache in my chest I had back then, started at rest 20 min ago, "
     "my GTN spray hasn't helped", "emergency"),
    # NICE NG28 / NHS: a hypo with confusion after too much insulin
    ("my insulin dose was too high, I'm shaky, sweaty and getting confused", "emergency"),
    # NICE NG126: a late period with one-sided pain and nearly fainting (ectopic pregnancy)
    ("my period is three weeks late, sudden stabbing pain low on the right and I nearly fainted", "emergency"),
    # NICE NG232: a knock to the forehead on a blood thinner
    ("tripped and knocked my forehead on the table, I take rivaroxaban for my heart", "emergency"),
    # a scald from just-boiled tea over a large area in a child (NICE CKS Burns and scalds)
    ("my 3 year old pulled a cup of just boiled tea over herself, her chest and arm are blistering, big area",
     "emergency"),
    # BOAST: pain on passive stretch in a cast, pain "not touched by" painkillers is still there
    ("22M, tibial fracture in above-knee cast since yesterday. c/o escalating pain not touched by co-codamol, "
     "pain on passive toe extension, toes tingling", "emergency"),
])
def test_emergencies_in_everyday_and_clinical_words(text, level):
    assert assess(text).urgency == level


def test_a_walking_limp_and_a_pushed_back_foreskin_keep_their_meaning():
    # guards for the two rewrites above: a limp in walking is not floppiness; "pushed back when" is the foreskin
    assert not affirmed(assess("he is limping on his left leg since football"), "floppy baby")
    result = assess("my dad's foreskin was pushed back when the nurse put his catheter in and now the head of his "
                    "penis is swollen")
    assert result.urgency == "emergency"


def test_treatment_not_controlling_a_symptom_is_treatment_failing():
    result = assess("the antihistamine tablets are not controlling my hay fever any more")
    assert affirmed(result, "hay fever") and result.urgency == "routine"


@pytest.mark.parametrize("text, level", [
    # "not breathing fast" denies fast breathing; it is not a baby who is not breathing (NICE NG9 mild bronchiolitis)
    ("baby is 7 months, snuffly cold for 3 days, a bit wheezy, still finishing bottles, plenty of wet nappies, "
     "no pauses in his breathing and he's not breathing fast", "self_care"),
    # "had my bp done": the writer's own reading, so "my dad had a stroke" is the father's history (NICE NG136)
    ("had my bp done at the pharmacy, 152/94 then 148/92. feel fine, no headaches. 55m, my dad had a stroke",
     "routine"),
    # guard: a relative who owns the machine is not the patient (NICE NG133: raised blood pressure at 30 weeks);
    # it held before by another route, and the writer's "my bp" reading above must not break it
    ("im 30 weeks pregnant, checked my blood pressure with my mums machine and its 152/100, no headache",
     "urgent"),
    # a febrile child who will not bear weight and screams when the hip is moved (NICE CKS Septic arthritis)
    ("my 6 year old has had a temperature of 39 since last night and won't put any weight on his right leg, "
     "he screams if I try to move his hip", "emergency"),
    # a zap off a cable with burns on a palm and a sole, and a fluttering heart (RCEM electrical injury)
    ("got a zap off a dodgy cable at work 2 hrs ago, now my heart keeps fluttering and skipping", "emergency"),
    # slumped mid-sentence and not answering, snoring breaths (Resuscitation Council UK)
    ("my dad (78) just slumped in his chair mid sentence and i cant get him to answer me, breathing sounds like "
     "snoring", "emergency"),
    # acute urinary retention (NICE CKS LUTS in men)
    ("my dad is 75 and hasn't been able to pass any urine since last night, his lower tummy is swollen", "emergency"),
    # pain on passive stretch in a strained hamstring is not compartment syndrome without a cast or a crush
    ("34F, posterior thigh pain during a sprint yesterday, tender mid-hamstring, small bruise, pain on passive "
     "stretch, walking unaided", "self_care"),
    # guard: with a cast it stays an emergency (BOAST compartment syndrome)
    ("19F, forearm fracture yesterday, below-elbow cast, severe pain overnight, pain on passive finger extension",
     "emergency"),
    # a child's swollen wrist after a fall on the hand: a same-day X-ray (NICE NG38)
    ("my 8 year old fell off the trampoline onto her hand, her wrist is swollen and sore to move", "urgent"),
])
def test_readings_from_new_writers(text, level):
    assert assess(text).urgency == level


def test_or_before_a_describing_word_goes_on_denying():
    result = assess("32M, 3/52 heartburn after meals. No dysphagia, wt loss, haematemesis, melaena or persistent "
                    "vomiting.")
    assert negated(result, "vomiting")
    # after "and" it is a symptom that is there
    assert affirmed(assess("no fever, and persistent cough for 3 weeks"), "cough")


def test_minutes_make_a_seizure_prolonged_only_when_they_are_the_seizures():
    # NICE NG217: a fit of 5 minutes or more is an emergency; sleeping 20 minutes after a usual seizure is not
    assert assess("my friend is having a fit and it won't stop, it's been going on for 10 minutes").urgency == "emergency"
    assert assess("known epilepsy, had her usual seizure, lasted 1 minute, then slept for 20 minutes and is back "
                  "to normal").urgency == "self_care"


def test_back_ache_with_period_pain_is_period_pain():
    # NICE CKS Dysmenorrhoea: a teenager's low back ache with her period pain is not a child's back pain to see
    result = assess("my daughter is 14, she gets cramping period pain every month with an ache in her lower back")
    assert result.urgency == "self_care"


@pytest.mark.parametrize("text, level", [
    # NICE CG16/NG225: suicidal thoughts with the means at hand and dwelling on them is a crisis
    ("since the baby came I feel empty, tonight I keep thinking they'd be better off without me, I have a box of "
     "old tablets in the drawer and I keep looking at them", "emergency"),
    # NICE NG39: a pedestrian struck by a car with tummy and shoulder-tip pain
    ("40M pedestrian struck by a car 2h ago, walked away, now LUQ pain and L shoulder tip pain, lightheaded",
     "emergency"),
    # BSG food bolus: food stuck and unable to swallow saliva
    ("ate some steak an hour ago, it feels stuck down my chest, I can't even swallow my own spit, breathing ok",
     "emergency"),
    # NICE CG178: command hallucinations to harm someone, with a weapon
    ("28M, schizophrenia off meds, hearing voices commanding him to harm his father, has bought a knife",
     "emergency"),
    # NHS Guillain-Barre: weakness after a stomach bug getting worse by the hour
    ("had diarrhoea 2 weeks ago, now my feet tingle and my legs are weak, getting worse by the hour", "emergency"),
    # NHS Heatstroke: an older person in a hot flat, confused, hot and not sweating
    ("my nan is 90 and it's been so hot in her flat all week, she's hot to touch but not sweating and very sleepy",
     "emergency"),
    # NHS Burns and scalds: fresh tea over a toddler, bigger than my hand (the writer's hand is a measure)
    ("my 2 year old pulled a mug of fresh tea over himself, the red area is bigger than my hand and blistering",
     "emergency"),
    # NICE NG111: a kidney infection in pregnancy
    ("I'm 28 weeks pregnant with pain in my right side and back, shivering, temp 39 and being sick", "emergency"),
    # NHS Glandular fever: sudden pain under the left ribs and feeling faint (a torn spleen)
    ("my son has glandular fever, after football he has sudden pain under his left ribs and feels faint",
     "emergency"),
    # a toddler's heat rash on the chest is not a heart attack (NICE CG95 is for adults)
    ("my 2 year old has tiny itchy red spots on his neck and chest where his top rubs, sweaty, happy, no fever",
     "self_care"),
])
def test_emergencies_from_writers_aq_and_ar(text, level):
    assert assess(text).urgency == level


@pytest.mark.parametrize("text, level", [
    # AVPU "responding to voice" after a usual seizure in known epilepsy is not hallucinations (NICE NG217)
    ("school nurse: 15M known epilepsy, usual tonic-clonic seizure lasting 1 min, now drowsy but responding to "
     "voice, no injury", "self_care"),
    # a dead mother's voice heard in early grief is a normal grief experience (NHS Grief after bereavement)
    ("my mum died last month, I cry a lot and sometimes I think I hear her voice, no thoughts of harming myself",
     "self_care"),
    # sticky yellow discharge from a child's eyes is conjunctivitis, not jaundice (NICE CKS)
    ("my 4 year old woke up with both eyes stuck together with yellow gunk and the whites are pink. The light "
     "doesn't bother him and his eyes aren't painful", "self_care"),
    # BTS/SIGN: reliever needed every few hours in an asthma flare
    ("30F asthmatic, cold for 3 days, using salbutamol every 3-4 hours, PEF 70% of best, full sentences", "urgent"),
    # RCOG: unable to keep down food or fluids in early pregnancy with less urine (hyperemesis)
    ("I'm 8 weeks pregnant and for 2 days I haven't kept down any food, only a few sips of water, weeing much "
     "less", "urgent"),
    # NICE CKS: sudden hearing loss is seen within 24 hours
    ("woke up this morning and couldn't hear out of my right ear, just like that, ringing, no pain", "urgent"),
])
def test_readings_from_writers_aq_and_ar(text, level):
    assert assess(text).urgency == level


def test_a_well_child_full_of_energy_is_not_manic():
    # bipolar disorder is very rare before puberty (NICE CG185)
    result = assess("my 8 year old has small tender lumps in her neck after a cold, no fever now, eating and full "
                    "of energy")
    assert not any(row["id"] == "mania" and row["plausible"] for row in result.conditions)


@pytest.mark.parametrize("text, level", [
    # Canadian C-spine rule: a low-speed rear-end collision is a low-risk mechanism, not a dangerous one
    ("40M, low-speed rear-end RTC this morning, walked away, stiff neck now, full rotation, no midline "
     "tenderness, no numbness", "self_care"),
    # NICE NG143: a newborn who dozes at the breast but is alert when awake, feeding less: seen today
    ("my 2 week old is feeding about half her usual and keeps falling asleep at the breast, alert when awake, "
     "wet nappies", "urgent"),
    # NHS Burns and scalds: a scald the size of several of the child's hands
    ("my 3 year old pulled a cup of tea onto herself, her chest is red and blistering, about the size of 2 of her "
     "hands", "emergency"),
])
def test_readings_from_writers_as_and_at(text, level):
    assert assess(text).urgency == level


@pytest.mark.parametrize("text, level", [
    # a denial does not run over the clauses that follow it ("her eyes look sunken, she's sleepy and ..."),
    # and a baby with no wet nappy for many hours who is hard to rouse is an emergency (NICE CG84)
    ("My 1 year old has had diarrhoea for 2 days. She hasn't had a wet nappy for about 15 hours, her eyes look "
     "sunken, she's very sleepy and hard to rouse and her hands are cold.", "emergency"),
    # NICE CKS Headache: a headache that goes from nothing to the worst ever in seconds (subarachnoid haemorrhage)
    ("at the gym an hour ago I got a sudden headache, from nothing to the worst I've ever had in a second or two, "
     "feel sick", "emergency"),
    # RCOG GTG73: waters gone at 33 weeks, greenish-brown
    ("I'm 32 weeks and my waters just went on the floor, it's a greenish-brown colour, baby moving", "emergency"),
    # Resuscitation Council UK: slumped and not answering when shouted at
    ("grandad slumped in his chair and he's not answering when I shout at him", "emergency"),
    # BSG: food stuck on the way down and unable to swallow saliva
    ("a bit of chicken got stuck going down an hour ago, can't even swallow my own spit", "emergency"),
    # NICE CKS Giant cell arteritis: transient blurring of one eye
    ("76F, new temporal headache, scalp tender, jaw ache on chewing, two episodes of transient blurring of the "
     "left eye today", "emergency"),
    # NICE CG185: mania with reckless, dangerous acts
    ("30F known bipolar, not slept for 4 nights, pressured speech, walked into traffic believing cars can't "
     "hurt her", "emergency"),
    # NICE NG215 (priapism): an erection lasting hours
    ("24M, HbSS. Painful non-sexual erection 4 h, not settling with cold packs. No trauma.", "emergency"),
    # Resuscitation Council UK / NHS: drowning, under water, then coughing and drowsy
    ("we pulled our 5 year old out of the pool, he was under for about 20 seconds, now coughing and drowsy",
     "emergency"),
    # a stridor after choking on food (NICE NG143; Resuscitation Council UK)
    ("my 2 yr old choked on a grape, we did back slaps and a bit came out. she's breathing but since then a "
     "whistly noise when she breathes in, keeps coughing", "emergency"),
])
def test_emergencies_from_writers_au_and_av(text, level):
    assert assess(text).urgency == level


def test_the_ball_of_the_foot_is_not_a_testicle():
    # NHS Corns and calluses: a corn under the ball of the foot in someone with diabetes is for a GP or podiatrist
    result = assess("I have a painful hard corn on the ball of my foot, I'm diabetic")
    assert result.urgency == "routine"
    assert "epididymo_orchitis" not in {row["id"] for row in result.conditions if row["plausible"]}
    # the testicle's own words still read
    assert assess("my left ball hurts and is swollen, came on over 2 days, no injury").urgency == "urgent"


@pytest.mark.parametrize("text, celsius", [
    ("my 6 week old has been hot and grizzly, worse - 38.4 this morning", 38.4),
    ("shivery and hot, 102.2 last night", 39.0),
    ("he weighs 38.4 kg and is hot", None),          # a weight
    ("38.5 weeks pregnant, feeling hot", None),      # weeks of pregnancy
    ("sugar 38.2 and feeling hot", None),            # another measurement
    ("knee swollen since the fall, 38.4 on the scales?", None),  # no word for a fever or a hot body
])
def test_a_bare_reading_is_a_temperature_only_where_a_fever_is_spoken_of(text, celsius):
    # NICE NG143 reads the temperature as measured; a number with no word before it still counts when the text
    # speaks of a fever or a hot body and nothing else names the number
    assert reader.read_temperature_c(text.lower()) == celsius


def test_a_bare_reading_in_a_young_baby_is_an_emergency():
    # NICE NG143: 38 °C or more under 3 months is a red feature
    assert assess("my 6 week old has been hot and grizzly, worse - 38.4 this morning, feeding less").urgency == \
        "emergency"


def test_chattering_teeth_are_not_teething_and_twinging_teeth_are_sensitive_teeth():
    # rigors in an adult with flu (NHS Flu: self-care in a healthy adult), not a teething baby with a fever
    result = assess("shivering so hard my teeth chattered, 39.4, every muscle aches, 33 and healthy, breathing fine")
    assert "teething" not in {row["id"] for row in result.conditions if row["plausible"]}
    # NHS Sensitive teeth: a twinge from cold drinks is managed with sensitive toothpaste
    assert assess("teeth twinge when i have cold drinks, no swelling, no pain otherwise").urgency == "self_care"


_FROM_WRITER_AX = [
    # NICE CKS Knee pain: a knee stuck bent that cannot be straightened after a twist (locking) needs same-day care
    ("twisted my knee playing football last night, felt something go with a pop. this morning it's stuck bent and I "
     "can't straighten it, can put a bit of weight on it", "urgent"),
    # NICE NG18: thirst, night-time weeing, new bedwetting and looser clothes in a child: same-day referral
    ("my daughter is 9 and for 3 weeks she's been so thirsty, drinking loads and has wet the bed twice which she "
     "never does. her clothes are looser. not being sick, no tummy pain", "urgent"),
    # NICE CKS Scleritis: a deep boring ache with a red eye, in someone with rheumatoid arthritis
    ("my right eye is red and sore, there's a deep boring ache that wakes me at night. i have rheumatoid "
     "arthritis", "urgent"),
    # NHS Dislocated shoulder: a shoulder that "has gone" after a fall, with a dip at the top
    ("fell on my arm at rugby and my shoulder has gone, there's a dip at the top and i can't move it", "emergency"),
    # NICE NG196: an irregular pulse with palpitations in an older person is suspected new AF, seen the same day
    ("my dad is 72 and for a week his heart has been fluttering, I checked his pulse and it was all over the place",
     "urgent"),
    # NICE CKS Insomnia: short-term trouble getting off to sleep is managed with sleep hygiene
    ("can't switch my brain off at night since starting a new job 3 weeks ago, takes me a couple of hours to drop "
     "off. mood is fine", "self_care"),
    # NHS Pityriasis rosea: one oval patch first, then smaller oval patches on the trunk, in a well adult
    ("22yo M, single oval scaly pink patch on chest 10/7 ago, now multiple smaller oval patches over trunk. mild "
     "itch, well", "self_care"),
    # NICE CKS Fungal skin infection - foot: cracks between the toes are athlete's foot, not an anal fissure
    ("itchy white peeling skin between my 4th and 5th toes with small fissures, I wear trainers all day", "self_care"),
]


def test_a_named_glue_ear_sign_and_a_denied_low_mood():
    # NICE CKS Otitis media with effusion: a child who turns the telly up and mishears: routine review
    assert assess("my son is 4 and nursery say he's not hearing them, he has the telly up really loud, no earache, "
                  "well in himself").urgency == "routine"
    # "I wouldn't say I'm depressed" denies low mood (ConText pseudo-negation list)
    result = assess("work is stressful, shoulders tight, a few headaches. i wouldn't say i'm depressed, no thoughts "
                    "of hurting myself. any tips?")
    assert "depression" not in {row["id"] for row in result.conditions if row["plausible"]}


@pytest.mark.parametrize("text, days", [
    ("type 1 for 12 yrs, went low at the gym, had jelly babies, fine now", None),
    ("had asthma for 10 years, wheezy today", None),
    ("on warfarin for 5 years, nosebleed since this morning", 0.3),
    ("asthma for 2 days worse, inhaler not helping", 2.0),   # guard: days after a condition are the flare's
    ("depressed for 2 years", 730.0),                       # guard: a symptom's own years
])
def test_years_with_a_long_term_condition_are_not_the_complaints_length(text, days):
    assert assess(text).facts.get("days") == days


def test_the_carers_own_condition_told_for_a_test_does_not_make_the_text_theirs():
    # NICE NG18: the child's thirst, bedwetting and weight loss; the parent's type 2 explains the meter
    result = assess("My 9 year old has been drinking loads, getting up at night to wee and has wet the bed twice, "
                    "which he never does. His clothes look looser. I have type 2 so I tested him on my meter - it "
                    "said 19.8.")
    assert result.urgency == "urgent"
    assert result.facts.get("age_years") == 9.0


_FROM_WRITERS_AW_AZ = [
    # NICE CG109: a blackout without warning while seated, with palpitations, in someone with heart disease
    ("my husband is 70 and had a heart attack years ago. he went down in his chair with no warning, out for about "
     "30 seconds, said his heart was pounding first. he's awake now", "emergency"),
    # NICE CKS Leg cramps: a calf that goes rock hard at night for a minute, no swelling
    ("my calf keeps going rock hard and painful at night for a minute then it eases, no swelling", "self_care"),
    # NICE NG109: a urine infection in a man always needs same-day assessment
    ("stinging when i pee and going all the time for 3 days, i'm a 45 year old bloke, no fever", "urgent"),
    # NICE CKS PMS: cyclical symptoms that upset work and relationships are moderate to severe
    ("the week before my period I'm tearful, irritable and bloated every month and it's affecting my relationship "
     "and work", "routine"),
]


def test_a_faint_rash_is_not_fainting():
    result = assess("25yo M back from Bali 4 days ago, fever 3 days, headache behind the eyes, aching all over, faint "
                    "blanching rash on trunk, drinking well, no bleeding, no abdo pain")
    assert "fainting" not in {row["name"] for row in result.findings}
    assert result.urgency == "urgent"   # UKHSA dengue without warning signs: same-day bloods


def test_pinprick_spots_that_fade_under_a_glass_are_not_petechiae():
    # NICE NG143: petechiae do not blanch; a well baby's pinprick heat rash that fades under a glass is heat rash
    result = assess("our 8 month old has tiny red pinprick spots on his neck and back where he was sweaty. no "
                    "temperature, feeding well. the spots fade when i press a glass on them")
    assert result.urgency == "self_care"
    # guard: pinprick spots that do not fade stay an emergency
    assert assess("our 8 month old has tiny red pinprick spots on his tummy and a temperature. they don't fade when "
                  "i press a glass on them").urgency == "emergency"


def test_gallbladder_pain_with_fever_and_a_fast_heart_rate_is_an_emergency():
    # NICE NG51 / CG188: acute cholecystitis with a heart rate over 100 and fever suggests spreading infection
    assert assess("50F, known gallstones, constant RUQ pain 16h radiating to the R shoulder, T 38.4, HR 110, BP "
                  "126/80, Murphy's +ve, not jaundiced").urgency == "emergency"
    # guard: the same with a heart rate under 100 stays a same-day referral
    assert assess("50F, known gallstones, constant RUQ pain 16h radiating to the R shoulder, T 38.2, HR 92, BP "
                  "126/80, Murphy's +ve, not jaundiced").urgency == "urgent"


_FROM_WRITER_CA = [
    # NHS Burns and scalds: a scald down a toddler's chest and arm with white skin is large and deep: A&E
    ("my 3 year old pulled a cup of hot tea over himself, it's all down his chest and arm and the skin has gone "
     "white in places", "emergency"),
    # NICE NG220: someone known to have MS with a new deficit over days, told in separate sentences
    ("44F, RRMS on ocrelizumab. New R arm numbness and clumsiness x2/7. Afebrile, urine dip negative", "urgent"),
    # NICE CKS Mastitis: a breastfeeding mother's red, sore lump in the breast, well in herself
    ("breastfeeding my 6 week old, yesterday noticed a red sore lumpy area on my left boob, no temperature, I feel "
     "well", "self_care"),
    # NHS Whiplash: neck and shoulders stiff after a car was hit from behind, no arm symptoms
    ("someone drove into the back of my car yesterday at low speed, today my neck is stiff and my shoulders ache, no "
     "pins and needles", "self_care"),
]


def test_a_denied_spread_of_a_dental_swelling_is_denied():
    # NHS Dental abscess: facial swelling not reaching the eye or neck is urgent dental care, not A&E
    assert assess("31M, toothache lower left molar 5 days, now cheek swelling for a day, T 37.8, mouth opens fine, "
                  "swelling not extending to the neck or eye").urgency == "urgent"


def test_tingling_round_the_mouth_while_breathing_fast_is_not_a_trapped_nerve():
    # NICE CKS Hyperventilation: tingling fingers and lips while over-breathing
    result = assess("when I'm stressed I breathe really fast and my fingers and lips go tingly, it settles when I "
                    "slow my breathing")
    assert "carpal_tunnel_syndrome" not in {row["id"] for row in result.conditions if row["plausible"]}


def test_itch_for_a_couple_of_weeks_is_not_more_than_two_weeks():
    # NHS Itchy skin: see a GP if itching has lasted MORE than 2 weeks (guard below: three weeks)
    assert assess("my dad is 80 and has been scratching all over for a couple of weeks since the heating went on, "
                  "his skin is dry, no rash").urgency == "self_care"
    assert assess("my dad is 80 and has been scratching all over for three weeks since the heating went on, his skin "
                  "is dry, no rash").urgency == "routine"


def test_known_ms_keeps_the_stroke_signs_that_need_999():
    # NICE NG220 / NG128: in MS a deficit over days is a relapse (urgent); slurred speech or a face that drops
    # still needs 999, read by the relapse entry once the stroke entry gives way to it
    assert assess("I have MS, since this morning my speech is slurred").urgency == "emergency"
    assert assess("I have MS and my left arm suddenly went weak 20 minutes ago").urgency == "emergency"
    assert assess("I have MS and over 3 days my left leg has gone weak and numb, much worse than usual, no "
                  "fever").urgency == "urgent"


_FROM_WRITER_CB = [
    # NICE NG249: an older man found on the floor who has "been there all night"
    ("found my mum (84) on the bathroom floor this morning, she fell in the evening and has been there all night, "
     "she's cold and sore", "emergency"),
    # NICE CKS catheter problems: nothing draining into the bag for hours with lower tummy discomfort (a guard:
    # this wording was read before; the writer's longer one was not)
    ("my husband has a long term catheter and nothing has gone into the bag for 6 hours, his lower tummy is sore",
     "urgent"),
    # UKHSA tetanus-prone wounds: a nail through a shoe into the foot with a piece left in
    ("my son trod on a nail at the building site, it went through his shoe into his foot and the tip snapped off, "
     "I think a bit is still in there", "urgent"),
    # NICE CG61: swapping between constipation and loose stools, eased by opening the bowels, for months (a guard)
    ("for a year my tummy has been bloated every evening, swapping between constipated and loose, going to the loo "
     "eases it, no blood, no weight loss", "routine"),
    # NHS Sunburn: a red, sore back after a day in the sun is sunburn, not back pain
    ("my 14 year old fell asleep on the beach, her shoulders and back are red, hot and sore, a couple of small "
     "blisters, she's well", "self_care"),
]


@pytest.mark.parametrize("text, denied, kept", [
    # a denied doing ends at its comma (ConText: the scope of "didn't sleep" is the verb's clause)
    ("she didn't sleep last night, fever and cough since yesterday", {"sleep"}, {"fever", "cough"}),
    ("my jeans don't fit, swapping between constipated and loose", {"fit"}, {"constipated", "loose"}),
    # guards: a denied "have" and a list of doings still deny every item
    ("he doesn't have fever, cough or rash", {"fever", "cough", "rash"}, set()),
    ("she isn't eating, drinking or weeing", {"eating", "drinking", "weeing"}, set()),
])
def test_a_denied_doing_ends_at_its_comma(text, denied, kept):
    stream = reader.tokens(text)
    mods = reader.context_modifiers(stream, set())
    negated = {t.raw for t, n in zip(stream, mods.negated) if n}
    assert denied <= negated and not kept & negated


def test_jelly_babies_are_sweets_not_a_baby():
    # NHS Low blood sugar: a self-treated hypo with sweets in an adult; the sweets do not make the patient a baby
    result = assess("type 1 for 12 yrs, went low at the gym, meter said 3.1, had jelly babies, 15 mins later 6.4 and "
                    "I feel fine now")
    assert result.facts.get("age_years") is None
    assert result.urgency == "self_care" and result.specialization != "Pediatrics"


_SOMETHING_WASHED_OUT_OF_THE_EYE = [
    # NHS Something in your eye: a speck washed out of an eye that has settled is managed at home
    ("some dust blew in my eye on my bike, I rinsed it out with water and the scratchy feeling has gone, I can see "
     "fine", "self_care"),
    # guards: still feeling something after rinsing, or a high-speed particle, keep their levels
    ("there's something in my eye, I've rinsed it but it still feels like grit", "urgent"),
    ("I rinsed it out but there is still something in my eye, it's sore", "urgent"),
    ("got a bit of metal in my eye while grinding, washed it out", "emergency"),
]


def test_water_that_rinsed_an_eye_is_not_waters_breaking():
    # NICE NG235: "my waters have gone" is labour; rinsing with water and a feeling that has gone is not
    result = assess("I rinsed my eye with water and the gritty feeling has gone")
    assert "waters_breaking_and_labour" not in {row["id"] for row in result.conditions if row["plausible"]}
    assert assess("I'm 39 weeks and my waters have gone, clear fluid").urgency == "urgent"   # guard


# ---------------------------------------------------------------------------------------------------------------
# Twelfth pass (writers CD and CE): readings found missing, each in words of our own
# ---------------------------------------------------------------------------------------------------------------
_FROM_WRITERS_CD_CE = [
    # Resuscitation Council UK choking algorithm: a caller already giving back blows, or an object in the throat
    # with no sound, is a blocked airway
    ("my daughter is 2, a piece of apple is stuck in her throat and she can't make a sound", "emergency"),
    ("a sweet went down the wrong way, she's 3 and I'm doing back blows on her now", "emergency"),
    # guard: choking that cleared with back blows is a routine check
    ("he choked on a crisp, two back blows and it came out, he's talking and breathing normally now", "routine"),
    # NEWS2: a systolic of 90 or less on a reading the text calls a blood pressure, whatever lies between
    ("my mum has her own blood pressure cuff and tonight it keeps showing 78/45, she looks grey", "emergency"),
    # Resuscitation Council UK: someone who dropped to the floor and does not respond
    ("my brother just went down in the garden and isn't responding, he's breathing", "emergency"),
    # RCOG GTG57: "FM" is fetal movements in a midwife's note
    ("33F, 36/40, reports fewer FM than usual today. No pain, no bleeding.", "emergency"),
    # NICE NG151: a child with leukaemia in treatment with a fever, the highest reading counting
    ("my daughter (9) has leukaemia and is having treatment, her temp was 37.6 at lunch and now it's 38.4.",
     "emergency"),
    # NICE CG98: jaundice in a baby born the same day
    ("our son was born this morning and his face already looks yellow", "emergency"),
    # NICE CKS Scrotal pain: sudden testicle pain said after a pain somewhere else
    ("my boy is 13, he has pain down in his belly and in his left testicle, it came on suddenly an hour ago",
     "emergency"),
    # NICE NG106: known heart failure with kilos gained over days and more pillows to sleep
    ("my mum has heart failure, she's put on 2 kilos in 3 days and needs 4 pillows to sleep now", "urgent"),
    # BTS / NICE CG187: breathless walking but "fine at rest" is not breathlessness at rest...
    ("I have heart failure and need extra pillows, puffed out on the stairs but fine sitting still", "urgent"),
    # ...and breathless at rest still is (a guard)
    ("I have heart failure and need extra pillows, I'm breathless at rest now", "emergency"),
    # NICE NG98: one ear's hearing gone on waking
    ("woke this morning unable to hear anything in my left ear, no pain, no cold", "urgent"),
    # NICE CKS Psychosis: beliefs of being filmed or talked about through the walls
    ("my sister is 24 and is sure someone has put cameras in her flat, she hears them talking about her through "
     "the walls", "urgent"),
    # NICE CG98: a midwife's "D3" newborn with visible yellowing
    ("Community midwife: D3 term girl, breastfed, visible yellowing to chest, feeding well", "urgent"),
    # NHS Teething: a health visitor's "10/12" after a three-word label is the baby's age
    ("HV phone call: 9/12, grizzly, red swollen gums at the front, drooling, feeding fine, no temperature",
     "self_care"),
    # NHS What to do if someone has a seizure: a usual seizure in known epilepsy, briefly muddled after, now
    # recovered, needs no ambulance...
    ("my wife has epilepsy, she had one of her normal fits, a bit muddled and sleepy for 10 minutes after, now fine",
     "self_care"),
    # ...but still confused hours later does
    ("my son has epilepsy and had a seizure this morning, he is still confused 3 hours later", "emergency"),
    # NICE CKS Anal fissure: a tearing pain on opening the bowels is not a torn aorta
    ("tearing pain every time I poo for a month, bit of bright red blood on the tissue, no other symptoms", "routine"),
    # NICE CKS Insomnia: a short spell of trouble getting to sleep is self-care; months of it despite sleep
    # hygiene is for the GP
    ("difficulty getting to sleep for 10 days since my exams started, otherwise fine", "self_care"),
]

_ENTRIES_FROM_WRITERS_CD_CE = [
    # NICE CKS Insomnia; NHS Corns and calluses; NICE CKS Contact dermatitis; NHS Balanitis: everyday words for each
    # reach their own entry (the level alone was already reached through other entries)
    ("trouble staying asleep for 5 months now despite sleep hygiene, exhausted at work", "routine", "insomnia"),
    ("hard painful bump on my little toe where my new boots rub, I'm not diabetic", "self_care", "corns_calluses"),
    ("itchy red patch under my new watch strap for 4 days, nowhere else", "self_care", "contact_dermatitis"),
    ("my son is 5, the end of his willy is red and sore after bubble baths, weeing fine", "routine", "balanitis"),
    # NICE CKS Rosacea: flushing with red cheeks and small visible veins is rosacea, not an inflamed vein
    ("my dad (60) flushes easily and has red cheeks with thread veins, worse with wine", "routine", "rosacea"),
    # NICE CKS Dermatitis - contact: an itchy patch exactly where a jeans button sits
    ("itchy red patch on my tummy exactly where my jeans button sits, for 3 days", "self_care", "contact_dermatitis"),
]


_FROM_WRITERS_CG_CH = [
    # NEWS2: "responds to voice only" is V on ACVPU (3 points) beside the other observations
    ("ED triage: 17M after a night drinking, responds to voice only, RR 10, SpO2 92%, HR 55, temp 35.6",
     "emergency"),
    # NICE CKS Intussusception: bouts of inconsolable crying in a toddler, sleepy in between, vomiting
    ("OOH: 11/12 M, intermittent inconsolable crying for 6 hours, sleepy in between, vomited twice", "emergency"),
    # NHS Guillain-Barré syndrome: tingling from the toes, legs weak up to the knees, after a tummy bug (same day;
    # an emergency once breathing or swallowing is affected)
    ("had food poisoning a fortnight ago, now my toes are tingling and my legs up to my knees feel weak", "urgent"),
    # NHS COVID-19: a home oximeter reading of 92% or less
    ("I have covid, cough and aches, and my pulse oximeter keeps saying 91%", "emergency"),
    # RCOG GTG57: only a couple of small movements today from a usually active baby at 34 weeks
    ("34 weeks, usually kicky but since breakfast I've felt maybe 2 tiny movements", "emergency"),
    # NICE NG232: a note's "GCS now 13", and clear watery fluid from a nostril after a blow to the head
    ("22F fell off a bike, GCS now 13, no other injuries", "emergency"),
    ("31M struck with a bottle in a fight, clear watery fluid from the R nostril since", "emergency"),
    # NICE CKS / NHS Bowel obstruction: unable to pass wind, sick that smells of poo
    ("haven't been able to pass wind since yesterday, tummy bloated and I keep throwing up, it smells like poo",
     "emergency"),
    # NICE CKS Croup: a harsh sound breathing in even when sitting still, the neck sucking in
    ("my 18 month old has a barking cough and a noisy sound breathing in even when sitting still, neck sucking in",
     "emergency"),
    # NICE CKS Retinal artery occlusion: the sight of one eye gone as if switched off, only light seen
    ("the sight in my right eye went like a switch was flicked off, now I can only see light", "emergency"),
    # guards: "switched off" from friends, sight that "just went blurry" at the screen
    ("I feel like I've switched off from everyone lately, low mood", "routine"),
    ("my vision just went blurry after hours at the screen, fine after a rest", "routine"),
]


_MORE_FROM_WRITERS_CG_CH = [
    # NICE NG98: an ear gone deaf on waking, said a few words apart
    ("woke up yesterday and my left ear is basically deaf now, with ringing", "urgent"),
    # NICE NG158: a note's one leg swollen with a calf measured bigger, and active cancer
    ("65F, L leg swelling to the knee for 2 days, calf 3cm bigger than the other, on chemo for breast ca", "urgent"),
    # NICE CKS Foreign body in the nose: a child's one-sided smelly discharge from one nostril
    ("5yo M, 1 week unilateral foul smelling discharge from the L nostril, otherwise well", "urgent"),
    # FSRH: "3 and a half days" after unprotected sex is past 72 hours (a single number, not "a half")
    ("the condom split about 3 and a half days ago, can I still get the morning after pill", "urgent"),
    # NICE CKS Conjunctivitis: a sticky red eye "spreading" to the other eye is not a spreading skin infection
    ("Pharmacist: 28M, 3 days red sore L eye now spreading to R, crusting on waking, no pain, vision normal",
     "self_care"),
    # NICE CKS Herpes simplex - oral; NHS Blisters; NICE CKS Aphthous ulcer: a note's own words for each
    ("Pharmacy: 25M, tingling then small vesicles on the upper lip since last night, gets them twice a year",
     "self_care"),
    ("Pharmacy: 40F, 1 cm fluid filled swelling on the back of the heel after hiking in new boots, intact",
     "self_care"),
    ("Pharmacist: 23F, recurrent small round shallow painful oral lesions, current episode 4 days", "self_care"),
    # NHS Low blood sugar: the grams of a hypo treatment are not a sugar reading of 15
    ("School nurse: 14M, T1DM, shaky, CBG 3.0, given 15g fast acting glucose, repeat CBG at 15 min 5.9, well",
     "self_care"),
    # NICE CKS Haemorrhoids: a lump by the bottom that comes out on straining is a pile, not a hernia
    ("bit of bright red blood when I wipe and a lump by my bum that pops out when I strain", "self_care"),
    # NHS Tiredness: "knackered" after short nights
    ("completely knackered this week after night shifts, sleeping 5 hours, otherwise well", "self_care"),
    # guards: a mother's note where the baby is gaining weight is not about her weight; a shattered vase is not
    # tiredness
    ("day 10 postnatal, tender lumpy area in one breast since this morning, well, baby gaining weight", "self_care"),
    ("I cut my hand on a shattered vase, small cut, stopped bleeding", "self_care"),
    # NICE NG50: a swelling tummy in cirrhosis may be ascites, seen the same day...
    ("I have liver cirrhosis and my tummy has been getting more and more swollen this week, no pain", "urgent"),
    # ...while bloating with a fatty liver is not (a guard)
    ("I have a fatty liver and get bloated after big meals", "self_care"),
    # NHS Genital warts: small bumpy lumps around the back passage after a new partner
    ("noticed some small bumpy lumps around my back passage, not sore, new partner last year", "routine"),
    # NICE CKS Blepharitis: a note's red lid margins with scaling at the lashes
    ("Pharmacist: 64M, lid margins red with scaling at the lash bases both eyes, gritty, vision normal",
     "self_care"),
    # NICE CG57: eczema not controlled by emollients and a mild steroid is for the GP; "since I was a kid" is the
    # writer's own history, not a child's complaint
    ("I've had eczema since I was a kid, it's much worse this month, the emollients and steroid cream aren't working",
     "routine"),
    # NICE CG57: a note's "2y M" with itchy flexural patches is mild eczema for emollients
    ("HV: 3y F, dry itchy patches in the antecubital fossae, not weeping, sleeping ok", "self_care"),
]


def test_a_note_age_with_y_before_the_sex_is_read():
    assert reader.read_age_years(reader.expanded_text("HV: 2y M, dry patches")) == 2.0
    assert reader.read_age_years(reader.expanded_text("Nurse: 70 yrs F, fall")) == 70.0
    assert reader.read_age_years(reader.expanded_text("cough for 2 years. F")) is None   # guard: a duration


@pytest.mark.parametrize("text, level, entry", _ENTRIES_FROM_WRITERS_CD_CE)
def test_words_from_the_twelfth_pass_reach_their_entry(text, level, entry):
    result = assess(text)
    assert result.urgency == level
    assert entry in {row["id"] for row in result.conditions if row["plausible"]}


def test_the_highest_temperature_counts_when_a_bare_reading_ends_a_sentence():
    # a reading at the end of a sentence ("... now it's 38.3.") is a reading; the highest one is kept
    assert reader.read_temperature_c("temperature 37.8 this morning, tonight it is 38.6.") == 38.6
    assert reader.read_temperature_c("fever, now 39.1.") == 39.1
    assert reader.read_temperature_c("temp 38.2, weight 39.5kg") == 38.2   # guard: a weight is not a temperature


def test_a_pain_in_two_places_is_read_in_both():
    text = reader.expanded_text("sharp pain low in her tummy and in her right shoulder")
    assert text.count("pain") == 2


_FROM_WRITERS_CJ_CK = [
    # NICE NG217: a second seizure without coming round between is status epilepticus
    ("Nurse: 30F, known epilepsy, 2 seizures in half an hour without regaining consciousness between them",
     "emergency"),
    # NHS Bleeding from the bottom: passing blood and clots over and over on a blood thinner
    ("I'm 70 and on apixaban, I've passed blood and clots twice this morning and feel faint when I stand", "emergency"),
    # NICE CKS Renal colic: side pain going down into the groin with a fever is an infected, blocked kidney
    ("the pain in my right side is horrendous, going down to my groin, and I'm shivery with 38.6", "emergency"),
    # NHS Priapism; BAUS: a persistent erection unrelated to sex for hours
    ("19M sickle cell, persistent erection since 3am unrelated to sexual activity", "emergency"),
    # NHS COVID-19 and NICE NG191: a home finger monitor's reading in everyday words
    ("the finger pulse thing says 86% oxygen and I'm breathless walking across the room", "emergency"),
    # NICE NG225: looking up a lethal dose of one's own medicine
    ("my husband told me he'd looked up how much of his tablets it would take, he's gone out and won't answer",
     "emergency"),
    # NICE CG98: jaundice in a baby born at a clock time this morning
    ("she was born at 4am this morning and by tonight her face looks yellow", "emergency"),
    # RCUK Drowning: a child who slipped under in a pool and still coughs
    ("my 5 year old slipped under in the pool for a few seconds, he's out now but keeps coughing", "emergency"),
    # guards: an erection that lasted after sex and went down, an apology for being late
    ("my erection lasted a long time after sex last night but it went down, is that normal", "routine"),
    ("my friend texted sorry for everything about being late, I'm a bit low", "routine"),
    # NICE NG28 / Diabetes UK: a diabetic's own "readings" in the 20s with thirst and peeing loads
    ("type 2 on metformin, my readings have been 21-24 all week, so thirsty and peeing loads", "urgent"),
    # a blood pressure reading is not a sugar (a guard)
    ("type 2 diabetic, my blood pressure readings have been 128/80 at home", "routine"),
    # NICE NG17: "without trying" does not deny the thirst and peeing that follow
    ("I'm 20, lost a stone without trying, always thirsty, up all night peeing", "urgent"),
    # NICE NG217: fits for years and tablets for them is known epilepsy; a usual short fit with recovery is
    # managed at home
    ("my wife has had fits since she was 15 and takes tablets for them, she just had one of her usual ones for a "
     "minute and came round fine", "self_care"),
    # NICE CKS Periorbital cellulitis: a note's lid swelling and erythema after a bite
    ("39M, L upper lid swelling and erythema for 2 days after an insect bite, vision normal", "urgent"),
    # NICE CG147: a foot that hurts at night and eases hanging out of bed, a black spot on a toe
    ("my mum is 81 and diabetic, her foot hurts at night so she hangs it out of bed, and there's a black spot on "
     "her toe", "urgent"),
    # NICE NG143 / NHS Healthier Together: a young baby feeding shorter and less interested
    ("HV call: 2-week-old, feeding shorter and less interested since yesterday, afebrile", "urgent"),
    # MEED 2022: an eating disorder with a slow pulse
    ("my daughter is 17 and has anorexia, her pulse is 44 and she's cold all the time", "urgent"),
]


def test_a_notes_stated_age_under_16_is_a_child():
    # NHS Intussusception: bouts of colicky pain in a "14mo" toddler, lethargic between, green vomit
    result = assess("HV note: 13mo M, 8h intermittent colicky pain, lethargic between episodes, vomiting")
    assert result.urgency == "emergency"
    assert "intussusception_suspected" in {row["id"] for row in result.conditions if row["plausible"]}


_FROM_WRITER_CN = [
    # NHS Dislocated kneecap: gone out and popped back in still needs the urgent treatment centre today
    ("my kneecap slipped out at football then clicked back in by itself, it's swollen but I can walk", "urgent"),
    # NHS Snake bites: a child who picked up a snake and was bitten
    ("my 9 year old picked up a snake by the river and it got him on the wrist, two little marks", "emergency"),
    # RCOG GTG57: nothing felt since last night at term
    ("38 weeks and I haven't felt anything since bedtime last night, tried a cold drink", "emergency"),
    # NICE NG225: fresh cuts on a teenager's thigh "to feel something"
    ("I found fresh cuts on my 14 year old's thigh, she said she just wanted to feel something", "urgent"),
    # NICE CKS Bartholin's abscess: a painful hot swollen lump on one side down below
    ("a hot painful swollen lump on one side down below, came up over 2 days, hard to sit", "urgent"),
]


_FROM_WRITERS_CO_CP_CQ = [
    # NHS Act FAST: a mouth gone crooked and a hand that stopped working
    ("my mouth looks crooked in the mirror and my left hand stopped working, I'm 70", "emergency"),
    # NHS Act FAST: speech "coming out all wrong"
    ("for the last half hour my words are coming out all wrong, I'm 58", "emergency"),
    # NICE CG150 thunderclap headache, told as "something burst in his head"
    ("my husband suddenly said it felt like something burst in his head, then he was sick", "emergency"),
    # NICE NG232: a child after a head injury getting harder to keep awake
    ("my son banged his head on the swing an hour ago and he's getting harder to keep awake", "emergency"),
    # NICE NG232: knocked out for seconds is a head injury with loss of consciousness
    ("my daughter slipped at the pool and was knocked out for about 10 seconds", "emergency"),
    # UKHSA carbon monoxide: unsteadiness in a household by a gas fire
    ("the gas fire has been on all day, my parents both have headaches and dad nearly fell over", "emergency"),
    # Encephalitis: fever, then acting oddly and saying strange things
    ("my brother has had a fever for 3 days and today he's acting really odd and saying strange things", "emergency"),
    # NICE NG37: a limb caught in rollers, cold and numb beyond it
    ("my arm got caught in the rollers of a printing press and my fingers are cold and numb", "emergency"),
    # NICE CKS Septic arthritis: a replaced joint, swollen, with a fever
    ("had my knee replaced 3 years ago, now it's swollen and I can't put weight on it, temp 38.5", "emergency"),
    # NHS Guillain-Barre syndrome: tingling feet, legs weak on the stairs, breathless
    ("tingling in my toes for 4 days, now my legs are weak on the stairs and I'm a bit breathless", "emergency"),
    # NICE CG109: coming round on the ground mid-exercise, heart pounding first
    ("I was out jogging and woke up on the ground, my heart was pounding just before", "emergency"),
    # WHO cholera: rice-water stools and very little urine
    ("my uncle's diarrhoea looks like cloudy rice water and he's passing very little urine", "emergency"),
    # WHO leptospirosis: a dairy farm worker with fever, calf pain and jaundice
    ("I work on a dairy farm, fever and bad calf pains for 5 days and now my eyes are yellow", "emergency"),
    # NHS Burns and scalds: smoke breathed in and a hoarse voice
    ("got out of a kitchen fire but I breathed in smoke and my voice has gone hoarse", "emergency"),
    # BOAST compartment syndrome: after a kick, pain out of proportion and a numb foot
    ("took a kick to the calf in the match, the pain is far worse than it should be and my foot has gone numb",
     "emergency"),
    # NHS Burns and scalds: a scald bigger than the hand on a toddler (boiling water is not a boil)
    ("My 3 year old pulled a pan of boiling water onto her legs, blisters bigger than my hand, I've got her under "
     "the shower now", "emergency"),
    ("my 2 year old spilt hot tea on her arm, a big blister bigger than my hand, I've got it under the cold tap",
     "emergency"),
    # the carer's first aid ("I've got it under the cold tap") does not make the scald the writer's
    ("My 2 year old pulled a mug of tea over herself, blisters bigger than my hand. I've got it under the cold tap",
     "emergency"),
    # NICE CKS Cellulitis (periorbital): a note that opens "5yo son had ..." is about the child, not family history
    ("5yo son had chickenpox last week, since today his right eyelid is puffy and red and he has a temp of 38.4",
     "urgent"),
    # UKHSA: fever in a traveller home from a gap year abroad is assessed the same day
    ("my daughter came home from a gap year in Peru on Sunday, fever 39.5 and aching all over", "urgent"),
    # NICE CG115: morning shakes that only a drink settles are withdrawal
    ("I get a bit shaky in the morning until I have my first drink, I drink 8 cans a day", "urgent"),
    # a tetanus jab's date is not how long the complaint has lasted
    ("came off my bike and grazed my knee, washed it out. had all my jabs incl tetanus in the last few years",
     "self_care"),
    ("twisted my knee slightly at football yesterday, walking fine; tetanus booster within the last 2 years",
     "self_care"),
    # NICE NG143: a fever "for 6 days" after a child's jabs is the fever's length (5 days or more is amber)
    ("after her jabs she's had a fever for 6 days, she's 2", "urgent"),
    # NHS Genital warts: small fleshy bumps around the genitals
    ("a few small fleshy bumps around the opening of my vagina, painless, new partner recently", "routine"),
    # NICE NG12 skin: a shiny pink bump on the face (basal cell carcinoma) is a routine referral
    ("small shiny pink bump on the side of my nose, been there a few months", "routine"),
    # NICE CKS Nappy rash, in a health visitor's words
    ("HV: 7/12 infant, erythema across the nappy area, skin folds spared, feeding well, afebrile", "self_care"),
    # NICE CKS Warts and verrucae: a plantar lesion with black dots
    ("plantar lesion with black dots x3/12, mildly sore walking, no DM", "self_care"),
    # NICE NG79: frontal pressure and congestion after a cold
    ("29M, 4/7 nasal congestion and frontal pressure following a URTI, no fever", "self_care"),
    # NICE CKS Lacerations: a measured laceration in a note needs closing the same day
    ("22F, 3 cm lac to palm from broken glass, bleeding controlled, sensation intact", "urgent"),
    # NICE NG141: a laceration with purulent discharge and erythema spreading from its edges
    ("64M, lac to shin 4d ago, now purulent discharge and erythema spreading from the edges, afebrile", "urgent"),
    # NICE NG225: cuts a teenager says they have done when stressed
    ("saw cuts on my 16 year old son's arm, shallow and healing, he said he's done it when stressed at school",
     "urgent"),
    # NICE CKS Scrotal pain and swelling: a boy's sudden "tummy" pain that turns out to be his testicle
    ("13 year old pale and doubled over with tummy pain since an hour ago, admits it's really his testicle, he threw up",
     "emergency"),
]

_FROM_WRITERS_CT_CU = [
    # NHS Alcohol poisoning: someone who can't be properly woken and only groans
    ("my friend drank a whole bottle of rum, she's on the floor and I can't properly wake her, she just groans",
     "emergency"),
    # NICE CG178: voices telling him to "deal with" people, and a knife in his room
    ("my son hears voices telling him to deal with the neighbours and he keeps a knife in his room", "emergency"),
    # NHS Act FAST: "R-sided weakness" in a note
    ("70M R-sided weakness since 30 minutes ago", "emergency"),
    # NICE CKS Cellulitis: pain far worse than a scratch looks, skin going purple
    ("grazed my hand on a fence yesterday, now the pain is far worse than the scratch looks and the skin is going "
     "purple", "emergency"),
    # RCPsych MEED: restricting, fainting and an odd heartbeat
    ("I've been restricting to about 500 calories a day, fainted this morning and my heart is doing weird fluttery "
     "things", "emergency"),
    # NICE CKS Knee pain: a knee locked after a twist ("lacks 15 deg extension")
    ("31F, twisting injury R knee at netball, locked, lacks 15 deg extension, effusion", "urgent"),
    # NICE CKS Fungal skin infection: a ring, scaly at the edge
    ("itchy red circle on my arm, scaly round the edge and paler in the middle", "self_care"),
    # NICE NG98: hearing gone from one ear on waking
    ("woke up and my left ear is just gone, totally muffled", "urgent"),
    # NICE NG141: erythema spreading beyond the marked border with a temperature
    ("spreading erythema from a bite on her forearm, 3 cm beyond the marked border overnight, T 37.9", "urgent"),
    # NICE NG226: a flare of known knee arthritis after overdoing it
    ("dad's got arthritis in his knees and they've flared up after a long walk at the weekend, stiff but walking "
     "fine", "self_care"),
    # NICE CKS Herpes simplex - oral: "HSL" in a pharmacist's note
    ("Pharmacy: 35M, recurrent HSL upper lip, tingling since this morning, otherwise well", "self_care"),
    # NICE CKS PCOS: periods "3 or 4 times a year"
    ("my periods only come 3 or 4 times a year and I get spots along my jaw, I'm 23", "routine"),
]

_FROM_WRITERS_CV_CW = [
    # NICE NG37: a thigh tense and swollen after being pinned, the foot cool
    ("leg trapped under a pallet for 10 minutes, now freed, thigh tense and swollen and the foot is cool to touch",
     "emergency"),
    # NHS Urinary retention: unable to "pass any water" since last night
    ("70M, haven't been able to pass any water since last night, lower belly swollen and agony", "emergency"),
    # NICE NG249: a fall and a long lie on the floor until someone came
    ("my nan (91) fell and was on the kitchen floor until the carer came at 7am, she's cold and weak", "emergency"),
    ("my nan (91) fell and was on the kitchen floor for 5 hours, she's cold and weak", "emergency"),
    # NHS Burns and scalds: a small burn from the oven shelf, no blisters
    ("caught my wrist on the oven shelf, red patch the size of a coin, stinging, no blisters", "self_care"),
    # NICE CKS Boils: a tender lump coming to a head
    ("Pharmacist: 24F, tender red lump on the forearm coming to a head x2d, no fever, not diabetic", "self_care"),
    # NICE CKS Ingrowing toenail, in a pharmacist's words
    ("Pharmacist: 22M, redness at the edge of R great toenail x2d, no pus, not diabetic", "self_care"),
    # guard: an ingrown toenail back a third time is a routine referral, not self-care (NHS Ingrown toenail)
    ("my toenail keeps growing into the side of my toe, third time this year, not infected now", "routine"),
    # NICE CG99: a toddler who "hasn't done a poo" for 3 days, well
    ("my 3 year old hasn't done a poo for 3 days, eating and playing normally, tummy soft", "self_care"),
    # NICE CKS Fungal skin infection: an itchy ring, and a pet's bald patch is not the child's hair loss
    ("my son (9) has an itchy red ring on his leg, clear in the middle, our puppy has a bald patch", "self_care"),
    # NICE NG225: "I have no idea what to do" is the parent's helplessness, not the parent's symptom
    ("I found out my 14 yr old daughter has been cutting her thighs, shallow and healing. She says she doesn't want "
     "to die but I have no idea what to do.", "urgent"),
]

_FROM_WRITERS_CY_DA = [
    # NHS Bowel obstruction: "haven't had a poo or even passed wind" with a swollen tummy and vomiting
    ("Tummy is swollen and tight, I keep being sick. Haven't had a poo or even passed wind since Saturday.",
     "emergency"),
    # NICE CKS Infantile colic: a baby who "pulls up his legs and goes red in the face" is crying, not a spreading redness
    ("My 6 week old cries for hours every evening, pulls up his legs and goes red in the face. Feeding well, no fever, "
     "gaining weight.", "self_care"),
    # NICE NG12: bruises "he can't explain" in a child, with pallor, need a blood count within 48 hours
    ("My 7 year old has big bruises on his shins and back that he can't explain, and he's pale.", "urgent"),
    # NICE CKS Mastitis: a midwife's "3/52 pp" is the mother three weeks after the birth, not a three-week-old baby
    ("Midwife: 2/52 pp, tender wedge R breast since this morning, afebrile, well, feeding OK.", "self_care"),
    # NICE CG61: when IBS was diagnosed is not how long this flare has lasted
    ("I was diagnosed with IBS 4 years ago. Stressful few days and my usual cramps and bloating are back, same as "
     "always. No blood, weight steady.", "self_care"),
    # NICE CKS Herpes simplex - genital: a known person's usual mild recurrence
    ("known recurrent genital HSV, usual tingling and 2 small sores since yesterday, well, passing urine fine",
     "self_care"),
    # NICE CKS Knee pain: a knee still giving way weeks after the injury is booked, not seen today
    ("Hurt my knee playing rugby 2 months ago, the swelling went but my knee keeps giving way when I turn.",
     "routine"),
    # NICE CKS Impetigo: a third bout in a few months needs a GP review
    ("Third bout of impetigo in 3 months for my son, crusty golden patches by his mouth again, he's well.", "routine"),
    # NICE CKS Bell's palsy: weeks on, treated and improving, a routine follow-up
    ("Bell's palsy dx 5/52 ago, completed prednisolone, improving, eye closes. Wants follow-up.", "routine"),
    # NHS Broken finger or thumb: a crushed fingertip whose nail has gone black underneath and throbs is drained today
    ("Trapped my finger in a door an hour ago, the nail has gone black underneath and it's throbbing badly.", "urgent"),
    # UKHSA rabies guidance: any bare-handed contact with a bat is assessed for post-exposure treatment
    ("I picked up an injured bat in the garden with my bare hands yesterday, maybe a tiny scratch.", "urgent"),
    # NHS Pressure ulcers: a bed-bound person's heel that stays red when pressed
    ("Dad is bed bound after his hip op, his left heel stays red when I press on it and there's a small blister.",
     "routine"),
    # NHS Lactose intolerance: a known intolerance after some dairy by mistake
    ("I'm lactose intolerant and had a milkshake by mistake, the usual bloating and loose poo, getting better now.",
     "self_care"),
]

_FROM_WRITERS_DB_DC = [
    # NHS Dislocated kneecap: a kneecap displaced to the side after a twist is A&E
    ("School nurse: 14F twisted knee at PE, kneecap displaced laterally, knee held bent. Foot warm.", "emergency"),
    # guard: a kneecap that went out and clicked back in by itself is urgent, not an emergency
    ("Twisted my knee at football, kneecap went out to the side then clicked back in, swollen, I can walk. 16m",
     "urgent"),
    # NHS Guillain-Barre syndrome: weakness climbing from the feet, with breathing now harder, is 999
    ("Had a stomach bug 2 weeks ago, now my feet tingle, my legs are weak, I can't get up the stairs and it feels "
     "harder to take a deep breath.", "emergency"),
    # NICE NG51 / NEWS2: a clip oximeter's reading of 88 told a few words after the device
    ("the oxygen clip on my finger is saying 88 and I feel a bit puffed, 58", "emergency"),
    # NICE NG136: BP over 180/120 with headache and visual blurring is a hypertensive emergency
    ("Pharmacist BP check: 52F, 232/134 on repeat, headache, visual blurring.", "emergency"),
    # NHS Vision loss: the sight of one eye gone black suddenly is 999
    ("My dad is 74, an hour ago everything went black in his right eye and it hasn't come back. No pain.",
     "emergency"),
    # NHS Coughing up blood: mouthfuls of blood, told with a hedge in between
    ("Just coughed up what looked like a good few mouthfuls of bright red blood, and I'm a bit short of breath now.",
     "emergency"),
    # NHS Paracetamol for adults / TOXBASE: a staggered overdose written as tablets times strength
    ("Pharmacist: 40M admits taking ~20 x 500mg paracetamol over the last day for a bad tooth, feels sick.",
     "emergency"),
    # NICE NG37: a foot a forklift rolled over, the toes cold and numb
    ("a forklift rolled over my foot 20 mins ago, toes going cold and numb, pain is unreal", "emergency"),
    # NICE CKS Hepatitis A: "pale stools" is the stool's colour, not a pale person (no anaphylaxis after shellfish)
    ("Jaundiced for 2 days after a week of feeling rough, dark urine, pale stools, ate shellfish abroad. Alert.",
     "urgent"),
    # NHS Cradle cap: greasy yellow flakes on a well baby's head are not impetigo
    ("my 2 month old has yellow greasy crusty flakes on his scalp, feeding well, not bothered", "self_care"),
    # NICE CKS Cellulitis (periorbital): a note's "lid erythema/oedema" with fever in a child
    ("PN: 4M, R upper lid erythema/oedema since yesterday after a cold, T 38.2, eye moves normally.", "urgent"),
    # NICE CG153: a mild flare of known psoriasis in the usual places
    ("Pharmacist: 50F known plaque psoriasis, mild flare on knees after stress, no joint pain.", "self_care"),
    # NHS Bacterial vaginosis: the same fishy discharge as before, not pregnant, is treated from a pharmacy
    ("Fishy smelling thin discharge again, I've had BV before and it's the same as last time, not pregnant.",
     "self_care"),
    # NICE CG61: a normal coeliac screen rules coeliac out; a flare of established IBS
    ("PN: 29F, established IBS (normal coeliac screen 2023), flare of bloating and loose stools with exams, no "
     "bleeding, no weight loss.", "self_care"),
    # NHS Tinnitus: ringing in both ears the morning after a gig
    ("Went to a concert last night and my ears are still ringing this morning, hearing is fine.", "self_care"),
    # NHS Gallstones: gallstone pain for more than 8 hours, written "9h"
    ("Pharmacist: 47F known gallstones, RUQ pain 10h, not settling with paracetamol, no fever.", "urgent"),
    # NHS Costochondritis: "twisting makes it worse" is what brings the pain on, not a worsening course
    ("sharp pain beside my breastbone after a chesty cold, pressing the spot hurts exactly there and twisting makes "
     "it worse. breathing fine. 25m", "self_care"),
    # NICE CKS Dermatitis - contact: hands sore where a cleaning spray gets on them
    ("Started a new cleaning job and my hands are red, dry and cracked, only where the spray gets on them.",
     "self_care"),
    # NICE CKS Haemorrhoids: piles that keep coming back despite creams and fibre need a GP
    ("My piles keep coming back every few weeks even with the creams and more fibre, a little bright red blood. "
     "I'm 41.", "routine"),
    # NICE CG168: varicose veins with skin changes are referred
    ("PN: 66M, varicose veins R leg with varicose eczema and brown staining at the ankle, no ulcer.", "routine"),
    # NHS Genital warts: "perianal warts", "small fleshy lumps around my genitals" need a clinic
    ("PN: 25M, several perianal warts, requests treatment.", "routine"),
    ("noticed a few small fleshy lumps around my genitals, they don't itch, started seeing someone new a few months "
     "ago", "routine"),
    # NICE CKS Styes: a note's "tender pustule lower lid margin"
    ("Pharmacist: 23M small tender pustule upper lid margin since yesterday, vision fine.", "self_care"),
    # NICE CKS Meibomian cyst: "~2 months" is about two months, so a cyst past six weeks is booked
    ("Pharmacist: 40F firm painless lump lower eyelid ~2 months, warm compresses daily, vision normal.", "routine"),
    # NICE NG226: known knee arthritis aching after gardening is a flare managed at home
    ("Pharmacist: 70M known knee OA, ache after gardening, no swelling or heat, well.", "self_care"),
    # NHS Chest infection: at 65 a cold with a dry cough is self-care
    ("My dad is 67, he's had a cold for 3 days, sneezing, runny nose and a slight dry cough. No fever, breathing fine.",
     "self_care"),
    # guard: a cough bringing up phlegm at 65 or over is a chest infection, seen the same day
    ("My dad is 67, coughing up green phlegm for 4 days, no fever, breathing ok.", "urgent"),
    # NICE NG126: early pregnancy with a mild one-sided pain and a little discharge, no dizziness, no shoulder-tip
    # pain, is a same-day early pregnancy assessment (ectopic_pregnancy), not PID's emergency
    ("6 weeks pregnant, mild pain in my lower tummy on the left since yesterday and a little brown discharge. No "
     "dizziness, no shoulder pain.", "urgent"),
]

_FROM_WRITERS_DE_DF = [
    # Resuscitation Council UK, Drowning: pulled out by a lifeguard after being underwater, still coughing
    ("School nurse: 9yo pulled from pool by lifeguard after ~1 min underwater, had rescue breaths, now coughing, RR 28.",
     "emergency"),
    ("I got pulled out of the sea by a lifeguard this morning, swallowed loads of water, now coughing and breathing "
     "fast.", "emergency"),
    # NHS Cold sores: "nowhere near her eye" denies the eye
    ("My 9 year old has a cold sore on her lip since yesterday, she's well and it's nowhere near her eye.",
     "self_care"),
    # NHS Fungal nail infection: a toenail "gone yellow and thick" is not jaundice
    ("my big toenail has gone yellow and thick and crumbly, doesn't hurt, not diabetic", "self_care"),
    # NICE CKS Cellulitis (periorbital): a note's "upper lid erythema and swelling" in a child
    ("PN: 6yo, R upper lid erythema and swelling since yesterday after a bite, T 37.8, eye movements full.",
     "urgent"),
    # NHS Seizures: woke on the floor with a bitten tongue, wet, a witness saw shaking all over: a first fit
    ("Woke up on the bathroom floor, bitten my tongue and I'd wet myself, my partner says I was shaking all over. "
     "Never happened before, I'm 30.", "emergency"),
    # NICE CG150: "not waking with headache" is the pain not waking the person, not someone who can't be woken
    ("Pharmacist: 44F daily headache for 4 months, painkillers on most days. No red flags, not waking with "
     "headache, no vomiting.", "routine"),
    # a stomach bug "going round work" is not a belief about being bugged
    ("been sick and had the runs since last night, think it was the bug going round work, keeping water down, 30M",
     "self_care"),
    # NHS SVT: "she doesn't faint or get chest pain" denies both
    ("Every few weeks my 17 year old's heart suddenly races, then stops just as suddenly after a few minutes. She "
     "doesn't faint or get chest pain and is fine in between.", "routine"),
    # NICE CG150: years of migraine with aura are not how long this headache has lasted; a usual attack is self-care
    ("I've had migraines with aura for years. The usual zigzags came first, now the usual one-sided throbbing "
     "headache, exactly like normal. Took my usual tablets.", "self_care"),
    # NHS Bursitis: a soft fluctuant swelling over a kneeler's kneecap, not red or warm, is not an abscess
    ("Pharmacist: 48M tiler, soft fluctuant swelling over R kneecap for a week, no redness or warmth, afebrile.",
     "self_care"),
    # NHS Cough: a tickly cough getting less, two weeks after flu
    ("My wife had flu about two weeks ago, she's better now but still has a dry tickly cough at night, getting less. "
     "No fever, not breathless.", "self_care"),
]

_FROM_WRITERS_DG_DH = [
    # NICE CG192, NICE NG225: a new mother with suicidal thoughts and a plan; "feel nothing for her" is a feeling told
    ("I had my baby six weeks ago and I feel nothing for her, everyone would be better off without me and I've "
     "thought about how I'd do it.", "emergency"),
    # RCOG GTG57: no movements since the morning at 36 weeks ("at all" belongs to a denial)
    ("I'm 36 weeks and I don't think I've felt the baby move at all since this morning.", "emergency"),
    # NICE NG9: a snuffly baby feeding well with no increased work of breathing
    ("my 5 month old has had a snuffly nose and a cough for 2 days, feeding well, lots of wet nappies, not "
     "working hard to breathe", "self_care"),
    # NICE NG133: severe pre-eclampsia in a midwife's "34+5"
    ("Midwife: 34+5 G1, BP 166/112, protein 2+, frontal headache and epigastric pain since this morning.",
     "emergency"),
    # NICE CG147: a pale cold leg with toes that won't move
    ("my husband's leg has gone pale and cold since lunchtime and he can't wiggle his toes", "emergency"),
    # NICE NG39, NG37: legs trapped under a car, now dead and numb
    ("the jack slipped and his legs were trapped under the car, we got him out but his legs feel dead", "emergency"),
    # NICE NG104: agony high in the tummy going through to the back with vomiting
    ("agony at the top of my tummy going through to my back since last night, vomiting, big drinking weekend",
     "emergency"),
    # NICE CG61: a usual flare of IBS diagnosed by a GP
    ("GP diagnosed IBS last year, usual flare of cramps and bloating after a stressful week, no blood, no weight "
     "loss", "self_care"),
    # NHS Whiplash; Canadian C-spine rule: a low-velocity collision, full movement, no neurology
    ("Paramedic: low velocity RTC, ambulant at scene, no midline tenderness, neck rotation 45 degrees both ways.",
     "self_care"),
    # NICE NG232: a bump from walking into a door, no red flags
    ("Nurse: 40F walked into an open cupboard door, no LOC, GCS 15, no vomiting, small lump.", "self_care"),
    # NICE NG38: tender near the thumb after a fall on the hand (and "til monday" is "until", not a Bangla mole)
    ("fell on my outstretched hand yesterday, wrist swollen and tender near the thumb, fingers move fine. can it wait "
     "til monday?", "urgent"),
    # NHS Chickenpox: itchy spotty blisters in a well child with a temperature
    ("my 5 year old came out in itchy spotty blisters this morning with a temp of 38, still eating and drinking",
     "self_care"),
    # NICE CG150: years of the usual attacks are not this migraine's length
    ("my normal migraine today, flashing lights then a one-sided headache, same as my usual ones for 15 years, took "
     "my triptan", "self_care"),
    # NHS Knee pain: a Bangla knee twist ("হাঁটু মচকে গেছে") with full movement is a minor sprain
    ("ছেলে খেলতে গিয়ে হাঁটু মচকে গেছে, হালকা ফোলা, হাঁটতে পারছে, পুরো ভাঁজ করতে পারছে", "self_care"),
    # Ottawa ankle rules: "rickshaw theke" (from the rickshaw) is no duration of a week
    ("rickshaw theke neme pa mochke gese, halka fula, hatte parchi, har e chaple betha nai. aj shokale hoise",
     "self_care"),
    # NICE NG126: one-sided low pain after a missed period, no danger signs: a possible ectopic, seen the same day
    ("I'm pregnant, period is 2 weeks late and the test was positive. Mild pain in my right lower abdomen since "
     "yesterday and a little brown spotting, not dizzy, no shoulder pain", "urgent"),
]

_FROM_WRITERS_DJ_DK = [
    # NICE NG106: breathless lying flat told as "can't lie down without feeling like I'm drowning" (a double negative)
    ("I can't lie down without feeling like I'm drowning, ankles swollen, had a heart attack last year", "emergency"),
    # NHS Vision loss: the sight in one eye "just went"
    ("the sight in my left eye just went an hour ago, no pain, I'm 70", "emergency"),
    # NICE CG185: mania with a belief of flying and a height to prove it from
    ("my brother has bipolar and stopped his lithium, hasn't slept for 4 nights, spending thousands, says he can fly "
     "and wants to prove it from the balcony", "emergency"),
    # NICE CG100: alcohol withdrawal with hallucinations told by a partner, or a fit a partner saw
    ("he drinks a bottle of whisky a day, stopped 3 days ago, shaking and sweating and now says there are bugs on the "
     "walls", "emergency"),
    ("he stopped drinking yesterday after years of heavy drinking and just had what looked like a fit", "emergency"),
    # NHS Ovarian cyst; RCOG GTG62: sudden one-sided low pain with vomiting ("period was 2 weeks ago" is a date)
    ("I'm 22, sudden pain low down on my left side 2 hours ago, comes in waves, been sick twice. My period was 2 weeks "
     "ago.", "emergency"),
    # NHS Seizures: a first fit seen by a partner
    ("my husband collapsed and shook all over for about a minute, he is awake now but can't remember it", "emergency"),
    # NHS Whooping cough; NICE NG143: a young baby going blue round the mouth
    ("my 6 week old goes blue round the mouth when she coughs", "emergency"),
    # UK first aid; NICE NG39: a limb crushed for half an hour
    ("his arm was pinned under a fallen wardrobe for about 30 minutes before we freed it", "emergency"),
    # NHS Guillain-Barre syndrome: spreading weakness with a change in swallowing
    ("feet and hands tingling for 3 days after a stomach bug, now my legs are so weak I can't climb stairs and "
     "swallowing feels strange", "emergency"),
    # guard (passes before and after): "can't finish a sentence without stopping" keeps its inability (BTS/SIGN 158)
    ("can't finish a sentence without stopping, blue inhaler not helping", "emergency"),
    # NHS Febrile seizures: a short fit with full recovery in a child who has had febrile seizures before is a call
    # to the GP or 111 the same day; a first fit, a long one or a child hard to wake is an ambulance (guards)
    ("my 3 year old has had febrile fits before, today a 1 minute fit with a temperature of 39, now back to normal "
     "and playing", "urgent"),
    ("meyer age ekbar jor er khichuni hoisilo, aj abar jor 39, 1 minute er moto khichuni, ekhon khelche", "urgent"),
    ("my 18 month old had a fit with a high temperature, first time ever, back to normal now", "emergency"),
    ("2yo known febrile seizures, today a fit lasting more than 5 minutes with a temperature of 39", "emergency"),
    ("my son has had febrile seizures before, he had a fit with his fever and is still very drowsy and hard to wake",
     "emergency"),
    # NHS Cuts and grazes: "does it need stitches?" and "how do I stop it getting infected?" are questions asked
    ("my daughter cut her thumb on a knife, about 1cm and shallow, bleeding stopped with pressure. does it need "
     "stitches?", "self_care"),
    ("grazed my elbow falling off my bike, cleaned it and the bleeding stopped, how do I stop it getting infected?",
     "self_care"),
    # UKHSA Rabies post-exposure treatment: waking to find a bat in the room
    ("woke up to find a bat in the bedroom, not sure if it touched me, no rabies jabs", "urgent"),
    # NICE NG225: "collecting his citalopram" at a pharmacy is a prescription picked up, not medicines gathered
    # (guard: "been collecting" them still is)
    ("Pharmacist: 40M collecting his citalopram, mentions passive SI for a week, no plan or intent, good support at "
     "home", "urgent"),
    ("I've been collecting my sertraline for weeks, I want to die", "emergency"),
]

# Readings found missing by the writers of the sixteenth pass (DM, DN): every text written for this test
_FROM_WRITERS_DM_DN = [
    # NHS Piles: bright red blood on the paper after straining with an itchy bottom (guard: at 72, NICE NG12 asks
    # for a GP)
    ("itchy bottom and bright red blood on the paper after straining, I'm 31 and otherwise fine", "self_care"),
    ("72M BRPR after straining x2/52", "routine"),
    # "heartburn worse" is no hearing loss: GORD in pregnancy with a normal blood pressure (NICE CKS Dyspepsia -
    # pregnancy)
    ("28 weeks pregnant, heartburn worse after dinner and lying down, BP normal, no headache", "self_care"),
    # NICE CG60 glue ear: a child who keeps saying "what?" and turns the television right up
    ("my 4 year old keeps saying what and turns the tv right up, no earache", "routine"),
    # NHS Pyloric stenosis: forceful vomiting after feeds in a young baby
    ("my 5 week old is throwing up forcefully after feeds and seems hungry after, still wet nappies", "urgent"),
    # NICE CG178: persecutory beliefs with a kitchen knife in hand is a risk to others
    ("my son thinks the neighbours are poisoning his food and has a kitchen knife in his hand, won't put it down",
     "emergency"),
    # NICE CKS Herpes simplex - oral: the tingle on the lip before the blister
    ("tingling spot on my lip again, it always turns into a blister", "self_care"),
    # NHS Hand, foot and mouth disease: spots on the hands, feet and in the mouth
    ("my 2 year old has spots on her hands, feet and in her mouth, drinking fine, slight temperature", "self_care"),
    # NICE CKS Vestibular neuronitis: vertigo with no water kept down
    ("room spinning since Monday after a virus, haven't kept any water down today", "urgent"),
    # Royal College of Ophthalmologists: double vision of days is examined the same day (guard: months, comes and goes)
    ("62F diabetic, seeing double for 3 days, no headache, no weakness", "urgent"),
    ("seeing double when tired in the evening for a few months, it comes and goes", "routine"),
    # NICE CKS Headache - cluster: "orbital" pain is pain around the eye
    ("40M, nightly attacks of severe L orbital pain for 1 hr with watering eye and blocked nostril, restless",
     "routine"),
    # NHS Ingrown toenail: "ingrowing nail", and a pharmacist's advice is not a finding
    ("Pharmacist: 19F, mild ingrowing nail R big toe, slight redness, no pus. Advised soaks and cutting straight",
     "self_care"),
    # NICE CKS Warts - anogenital: perianal warts and bumps around the private parts go to a sexual health clinic
    ("23F, perianal warts noted, asymptomatic", "routine"),
    ("I have some small painless bumps around my private parts", "routine"),
    # NICE NG219: a gout flare with the medicine kept at home for it
    ("my gout has flared in my big toe again, my GP gave me colchicine to keep for this, no temperature", "self_care"),
    # BTS/SIGN 158: a pulse of 110 or more is acute severe asthma, 100-109 is not (guard: 118)
    ("29M asthma, wheeze x2/7, PEF 65% best, HR 106, speaking in sentences, sats 97%", "urgent"),
    ("29M asthma, wheeze, PEF 60% best, HR 118", "emergency"),
    # NICE CKS Allergic rhinitis: the same months every year, high pollen days
    ("sneezing, streaming eyes and runny nose every June, worse on high pollen days", "self_care"),
    # NICE CKS Polycystic ovary syndrome: cycles longer than 35 days are infrequent periods
    ("24F, cycles 45-70 days, acne and chin hair", "routine"),
    # a raised BMI in a note is a measurement beside the complaint, not a weight complaint (NICE CKS Plantar fasciitis)
    ("Physio: 51F plantar heel pain x4/52, worse first steps in the morning, BMI 33", "self_care"),
    # "x1 yr" is a year (NHS Knee pain: over 2 weeks needs a GP)
    ("Physio note: 70M knee pain x1 yr, worse on stairs, no swelling", "routine"),
    # a pharmacist's safety-netting ("return if drooling") is not a finding (guards: a plan of doing ends at its
    # comma; a suicide plan is no clinical plan)
    ("Pharmacist: 25F sore throat 2/7, no fever, eating and drinking. Advised fluids, salt water gargles, paracetamol, "
     "return if drooling or difficulty breathing.", "self_care"),
    ("Advised to see GP, chest pain and sweating since this morning", "emergency"),
    ("Suicidal thoughts. Plan: overdose on her pills", "emergency"),
]

# Readings found missing by the writers of the sixteenth pass, second round (DP, DQ): every text written for
# this test
_FROM_WRITERS_DP_DQ = [
    # RCOG Green-top 50: after the waters break, something felt in the vagina like a cord is a prolapsed cord
    ("my partner's waters have just broken at 37 weeks and she can feel something in her vagina like a cord",
     "emergency"),
    # NICE CKS Seborrhoeic dermatitis: flakes and an itchy scalp are dandruff, not a generalised itch
    ("flakes all over my jumper and my scalp is itchy, been months", "self_care"),
    # NICE NG20: iron deficiency and gut symptoms with a first-degree relative with coeliac disease; "bloods" are tests
    ("Practice nurse: 34F, IDA on bloods, loose stools and bloating, FH coeliac", "routine"),
    # (guard: a sodium on "bloods" is still read)
    ("bloods: Na 118, confused", "emergency"),
    # BASHH: six or more recurrences a year, or a request for suppressive treatment, is an appointment's business
    ("29F known genital herpes, 9 outbreaks in the past year, asks about suppressive aciclovir", "routine"),
    # NHS Broken or bruised ribs: pain on a deep breath after a blow to the ribs is the rib, not pleurisy
    ("bruised my ribs falling against the edge of a table yesterday, hurts to breathe in deeply, breathing fine",
     "self_care"),
    ("Nurse: 50M struck R chest on a shelf 2/7 ago, pleuritic pain, sats 98%, no SOB", "self_care"),
    # NHS Head lice and nits: eggs close to the scalp, something crawling in the hair
    ("found tiny eggs stuck in my daughter's hair close to the scalp and something crawling in her hair", "self_care"),
    # NICE CKS Otitis media - acute: ear infections that keep coming back need a GP review
    ("my 5 year old has had 4 ear infections since September and doesn't seem to hear well", "routine"),
    # NICE NG69 and MEED: weight loss with hours of exercise and a near faint in a teenager
    ("my daughter is 16, lost 6kg in 2 months, exercises for hours every night and nearly fainted today", "urgent"),
    # NICE NG225: fresh cuts beside older scars are self-harm, assessed the same day
    ("Pharmacist: 16F, fresh superficial cuts R forearm, older scars, no suicidal intent", "urgent"),
    # NHS Heat rash: prickly red dots after the beach
    ("itchy prickly red dots all over my back after a day at the beach", "self_care"),
    # NICE NG91: a child with a fever ("still hitting 39") and a discharging ear is seen the same day
    ("my 2 yr old has had earache 3 days, still hitting 39 on calpol and now gunk coming out of his ear", "urgent"),
    # NICE CKS Allergic rhinitis: hay fever that pharmacy treatment "isn't controlling" needs a GP
    ("my son's hay fever isn't controlled by the antihistamines from the pharmacy", "routine"),
    # NICE NG225: "thinking about not waking up" is a wish to die, not an unconscious person (guard below)
    ("my sister says she keeps thinking about not waking up, no plan, she's stopped eating much", "urgent"),
    ("my dad collapsed and he's not waking up", "emergency"),
    # ConText: a clinician's "torsion thought unlikely" is a probable absence (guard: sudden pain at 15)
    ("GP: 30M L scrotal pain and swelling x2/7, dysuria, T 37.9, torsion thought unlikely", "urgent"),
    ("sudden severe pain in my left testicle an hour ago, I'm 15", "emergency"),
]

# Readings found missing by the writers of the sixteenth pass, third round (DR, DS): every text written for this
# test
_FROM_WRITERS_DR_DS = [
    # NICE NG217: a second fit before coming round, then shaking again, is status epilepticus
    ("my wife has epilepsy, had a seizure then another before she came round and now she's started fitting again",
     "emergency"),
    # NICE CKS Corneal superficial injury: something flew into the eye while grinding ("without goggles" negates the
    # goggles only)
    ("was grinding without goggles and something flew into my eye, now blurry", "emergency"),
    # RCPsych MEED: fainting with a fluttery chest in anorexia
    ("my daughter has anorexia, fainted this morning and says her chest feels fluttery", "emergency"),
    # WHO: cholera with sunken eyes in a child too weak to drink is severe dehydration
    ("cholera outbreak in our village, my son has rice water diarrhoea, eyes sunken and too weak to drink",
     "emergency"),
    # "same as I've had for 15 years" is how long the migraines have come, not this headache's length
    ("my usual migraine with aura, same as I've had for 15 years, taken my triptan", "self_care"),
    # NHS Pityriasis rosea: one oval patch, then smaller ones in a tree pattern
    ("it started with one big oval pink patch on my chest, now smaller ones in a tree pattern on my back", "self_care"),
    # NICE CKS Herpes simplex - genital: diagnosed before, the usual tingling and sores again (guard: a first episode)
    ("I was diagnosed with herpes last year, now the usual tingling and two small sores down there again", "self_care"),
    ("I've got painful sores down there for the first time, never had this before", "routine"),
]

# Readings found missing by the writer DR of the sixteenth pass: every text written for this test
_FROM_WRITER_DR = [
    # a note's "?20" is about twenty, not a query of the whole clause (NICE CKS Poisoning or overdose)
    ("Pharmacist: 22F says she took ?20 x citalopram 20mg an hour ago, drowsy", "emergency"),
    # (guard: a question mark at the end of a question, then an age, is no "about 30 years")
    ("Office e jabo naki? antibiotic lagbe? 30 yrs. 2 din dhore sordi, jor 99", "self_care"),
    # "LOV" is loss of vision (RCOphth: sudden painless loss of vision in one eye)
    ("GP: 68F sudden painless LOV L eye 1h ago, AF not anticoagulated", "emergency"),
    # NHS Sunburn: red, hot shoulders after falling asleep in the garden, pink after the beach despite suncream
    ("fell asleep in the garden, back and shoulders bright red and hot to touch, no blisters", "self_care"),
    ("my 6 year old's back went pink after the beach despite suncream, no blisters, drinking well", "self_care"),
    # NHS Pyloric stenosis: milk back up like a fountain, starving again straight away
    ("6 week old, milk comes back up like a fountain after feeds and he's starving again straight away", "urgent"),
    # NICE CKS BPPV: torsional nystagmus on Dix-Hallpike is no testicular torsion
    ("GP: 60M brief vertigo on turning in bed, Dix-Hallpike positive R, torsional nystagmus, neuro exam normal",
     "routine"),
    # NICE CKS Allergic rhinitis: "seasonal rhinorrhoea" is hay fever, not a cold of four weeks
    ("Pharmacy: 30F seasonal rhinorrhoea, itchy eyes x4/52, no wheeze", "self_care"),
    # NICE NG158: a carer's note that opens with "dad had his knee replaced" and goes on about him now is about
    # him (guard: "Mum had breast cancer" before the writer's own lump stays a family history)
    ("dad had his knee replaced 2 weeks ago, now his calf is swollen, hot and painful, no chest pain", "urgent"),
    ("Mum had breast cancer at 45, I've found a lump in my breast", "routine"),
    # NHS Falls: a fall and then not able to get up
    ("mum had a fall this morning and now she can't get up, she's 90", "emergency"),
    # UKHSA rabies: a bat flapping around a child's room and a scratch no one can explain
    ("found a bat flapping around my son's room this morning, he has a small scratch he can't explain", "urgent"),
]

# Readings found missing by the writer DT of the sixteenth pass: every text written for this test
_FROM_WRITER_DT = [
    # RCOG Green-top 52: a midwife's heavy PV bleeding after the birth
    ("MW: day 2 postnatal, ongoing heavy PV bleeding, est 700ml", "emergency"),
    # NICE CKS Bleeding: blood pumping out through tea towels (the glass is broken, not the hand)
    ("sliced my thumb on a broken glass, it's pumping out, soaked 2 tea towels, feel faint", "emergency"),
    # NICE CKS Insect bites and stings: a bite's local wheals are no hives over the body
    ("Pharmacist: 30F several mosquito bites, localised wheals only, no systemic symptoms", "self_care"),
    # NICE NG220: optic neuritis in known MS (pain on eye movement, colours washed out)
    ("MS nurse: 30F RRMS, 2/7 pain on eye movement and reduced colour vision R eye, afebrile", "urgent"),
    # NICE NG193: aching everywhere for most of the year with exhaustion
    ("aching everywhere for most of this year, exhausted, brain fog, bloods normal", "routine"),
    # NICE CKS Dysmenorrhoea: ibuprofen "barely helps" (guard: only paracetamol tried)
    ("my 14 year old's period pain keeps her off school, ibuprofen barely helps", "routine"),
    ("my 13 year old gets bad period pain, paracetamol barely helps and she hasn't tried anything else", "self_care"),
    # NICE NG232: a lump on the forehead after running into a table, then playing
    ("my 6 year old ran into the edge of the table, lump on his forehead, cried straight away, now playing normally",
     "self_care"),
    # NHS Confusion: "more muddled than usual" is new confusion
    ("Mum (80) has been more muddled than usual for 3 days, eating fine", "emergency"),
]

_FROM_WRITERS_DV_DW = [
    # NICE NG143: a heart rate of 150 is amber only over 160 under a year; a measles contact is seen the same day
    ('Practice nurse: 9/12 old, fever 38.9, coryza, rash, HR 150, feeding well, wet nappies, measles '
     'contact', 'urgent'),
    # NICE CKS Shingles: 'had chickenpox as a child' is the past, not a new chickenpox (guard: read before)
    ("painful blistering band on the left side of my back, had chickenpox as a child, I'm 70", 'urgent'),
    # UKHSA varicella PEP: 'never had chickenpox as a kid' is not being immune, and the pregnancy stays current (guard)
    ("I'm 30 weeks pregnant and never had chickenpox as a kid, my niece has it now and I held her yesterday", 'urgent'),
    # NICE CG109: a sudden collapse on exertion with palpitations and a young relative's death in sleep
    ("he's 24, went down like a sack of potatoes running for the bus, no warning, his heart was racing "
     'just before, his brother died in his sleep at 28', 'emergency'),
    # WHO SEARO snakebite: a bite with a snake seen
    ('something bit me on the ankle walking through long grass and I saw a snake slither away, the leg is '
     'swelling', 'emergency'),
    # TOXBASE: ten or more of someone's tablets is an overdose (guard: read before)
    ('my son (14) admitted he swallowed 12 of my sleeping tablets an hour ago, he says he feels fine', 'emergency'),
    # RCOG Green-top 57: no kicks felt since last night at 38 weeks
    ("she's 38 weeks and hasn't felt the baby kick since last night", 'emergency'),
    # NICE NG51: fever, rigors and confusion in a diabetic with a boil
    ('my boyfriend is type 1 with a boil on his back, temp 39.5, shaking uncontrollably and not making '
     'much sense', 'emergency'),
    # NICE CKS Boils: a fluctuant swelling is an abscess needing drainage
    ('Pharmacist: 40F painful swelling R axilla x3/7, 3cm fluctuant, no fever, well', 'urgent'),
    # NICE CKS Bartholin's abscess: too painful to sit (guard: read before)
    ("painful lump at the entrance of my vagina for 3 days, so sore I can't sit down", 'urgent'),
    # NICE NG38: a child who won't use the arm after a fall needs an X-ray (guard: read before)
    ("my 7 year old fell off the climbing frame, his wrist is swollen and he won't use it", 'urgent'),
    # NICE NG225: self-harm to cope with feeling overwhelmed (guard: read before)
    ("found fresh cuts on my daughter's arm, she says she does it when she's overwhelmed, no thoughts of "
     'suicide', 'urgent'),
    # NICE CKS Psychosis: a note's 'increasing paranoia' and a belief of being monitored
    ('GP: 19M, 1/52 increasing paranoia, believes neighbours are monitoring his phone, denies self-harm', 'urgent'),
    # RCEM shoulder dislocation: squared-off contour and a palpable humeral head
    ('22M FOOSH, severe L shoulder pain, squared-off contour, humeral head palpable anteriorly', 'emergency'),
    # NHS Dislocated shoulder: a shoulder that keeps dislocating and went back in is a GP referral
    ('my shoulder has dislocated 4 times playing football, it popped back in by itself and moves fine now', 'routine'),
    # NHS Fainting: fainting again and again with a clear trigger needs a GP
    ('my 16 year old has fainted twice this month in hot assemblies, felt sick and went pale first, fine '
     'after', 'routine'),
    # NICE CKS Trigeminal neuralgia: seconds-long stabbing pains are not giant cell arteritis
    ('70F, 3/12 brief stabbing pains in the R cheek and jaw when chewing, seconds each, no visual symptoms', 'routine'),
    # NICE NG12: tests a note has requested are a plan, not findings
    ('45F, unintentional wt loss 6kg over 4/12, no GI sx. FBC, U&E, TFT, HbA1c requested.', 'routine'),
    # NICE CKS Eczema: eczema in the creases; 'forget to put the cream on' is not memory loss
    ('dry itchy patches inside my elbows and behind my knees, had eczema as a kid, I forget to put the '
     'cream on', 'self_care'),
    # NICE CG137: missed doses with more seizures than usual (guard: read before)
    ('Ive had fits for years, sometimes forget my evening dose and have had 3 this month', 'routine'),
    # NICE CKS Bowel obstruction: no stool or wind with a swollen tummy and vomiting (guard: read before)
    ("I haven't had a poo or even passed wind for 2 days, my tummy is swollen and I keep vomiting", 'emergency'),
    # NICE CKS Whooping cough: "I also have a 3 month old baby at home" is another child, not the writer's symptom
    ('my 6 year old has had a cough for 3 weeks with whooping fits and vomiting after, I also have a 3 month old '
     'baby at home', 'urgent'),
    # NICE CKS Candida - female genital: four or more episodes a year is recurrent thrush, for the GP
    ('29F 4 episodes of vaginal thrush in past 12/12, itch and curdy discharge, asking for fluconazole', 'routine'),
    # a count of its own noun ("5 episodes ~ this year") is not a reading that a later number ("12 months") takes
    ('itchy curdy discharge, vaginal thrush 5 episodes this year, 12 months since starting the pill', 'routine'),
]

_FROM_WRITERS_DZ_EA_EB = [
    # NICE NG19: a sore on a diabetic's foot that went unnoticed ("didn't even notice" denies nothing)
    ("my grandad is diabetic and didn't even notice a sore on the ball of his foot until he saw blood on his sock",
     'urgent'),
    # FSRH Emergency contraception: after 72 hours a copper IUD or ulipristal is needed today
    ("had sex without protection 4 days ago and the pharmacist said it's too late for the morning after pill", 'urgent'),
    # NICE CKS Red eye: a contact lens wearer's pink, gritty eye is seen the same day
    ('I wear contact lenses and my right eye has gone pink and gritty since yesterday', 'urgent'),
    # NHS Bleeding from the bottom: a lot of blood with clots is 999 even with piles before (guard: read before)
    ("had piles for years but today I've passed loads of blood from my back passage with clots, feel "
     'shaky', 'emergency'),
    # NHS Guillain-Barre syndrome: spreading weakness and feeling unable to take a proper deep breath (guard: read before)
    ("my tingling feet spread to weak legs over a week after a stomach bug, now I feel like I can't take "
     'a proper deep breath', 'emergency'),
    # NICE CG192: a new mother's beliefs that the baby isn't hers and the TV sends her messages
    ("my partner had our baby a week ago, she hasn't slept for 2 nights and says the baby isn't ours and "
     'the tv is sending her messages', 'emergency'),
    # NICE CG183: a tight throat after a new medicine
    ('started penicillin this morning, now itchy all over and my throat feels tight', 'emergency'),
    # NICE CG183: hives and wheeze after a new antibiotic (guard: read before)
    ('started co-amoxiclav at lunchtime, now covered in itchy hives and a bit wheezy', 'emergency'),
    # NICE CG98: jaundice in a baby born yesterday evening, under 24 hours old
    ('our son was born yesterday evening and his face already looks yellow', 'emergency'),
    # BSSH: paint forced into a finger by a spray gun
    ("got a jet of paint from the spray gun into my finger an hour ago, tiny hole but it's swelling", 'emergency'),
    # NICE NG156: sudden low back pain with going grey and sweaty at 73
    ("I'm 73, sudden pain in my lower back out of nowhere, went grey and sweaty and had to lie down on "
     'the floor', 'emergency'),
    # NICE CG95: exertional arm pain now lasting at rest with sweating and nausea (guard: read before)
    ('58M, R arm ache when walking uphill eased by rest for 3/52, today 25 min at rest with sweating and '
     'nausea', 'emergency'),
    # NICE CKS Chickenpox: fever back, spreading redness and pain at a light touch (necrotising fasciitis)
    ('my 6 year old has chickenpox, fever back up to 39.4 and the skin round one spot is red, hot, '
     'spreading and he screams if I even touch it lightly', 'emergency'),
    # NICE CKS Parvovirus B19: a pregnant woman in contact with slapped cheek (guard: read before)
    ("I'm 12 weeks pregnant and my nephew has slapped cheek, I was with him all weekend", 'urgent'),
    # NICE CKS Mallet finger: a drooping fingertip that can't be straightened (guard: read before)
    ("caught my finger on a ball yesterday, the tip droops and I can't straighten it", 'urgent'),
    # NHS Tinnitus: ringing and muffled hearing since a gig is a temporary threshold shift
    ('ears ringing and hearing muffled since a gig last night, no pain, no dizziness', 'self_care'),
    # NICE CKS Shingles: blisters on one side of the chest in someone on chemotherapy
    ('my mum is 78 and on chemo for lymphoma, she has painful little blisters on the left side of her chest', 'urgent'),
    # NICE NG147: left lower tummy pain with a temperature in diverticular disease
    ('pain low down on the left of my tummy since yesterday, temp 37.9, I have diverticular disease', 'urgent'),
    # NICE CKS Shingles: the burning felt before the spots is not a burn injury (guard: read before)
    ('painful rash with little blisters on the left side of my forehead and now on the tip of my nose, it '
     'burned for 2 days before the spots came', 'urgent'),
    # NICE CKS Migraine: the nausea of a usual migraine attack (guard: read before)
    ('usual migraine with the zigzag lights, throbbing and feeling sick, same as always, left my tablets '
     'at home', 'self_care'),
    # NHS Bleeding from the bottom: 'filling the toilet bowl with clots' with piles before
    ("had piles before so maybe it's them, but I've passed loads of dark red blood from my bum 3 times "
     'today, filling the toilet bowl with clots', 'emergency'),
    # NICE CKS Mallet finger: a note's 'unable to actively extend DIPJ'
    ('Pharmacist: 30M ball struck fingertip yesterday, unable to actively extend DIPJ, no wound', 'urgent'),
    # NICE CKS Migraine: a usual attack after 15 years of them, away from the tablets
    ('usual migraine, had them for 15 years, zigzag lights then throbbing and feeling sick, my tablets '
     'are at home', 'self_care'),
]

_FROM_WRITERS_EC_ED = [
    # NHS Hay fever: a pharmacist advises which medicines are safe in pregnancy
    ("I'm 20 weeks pregnant and my usual hay fever is back, sneezing and itchy eyes, what can I take", 'self_care'),
    # NICE CKS LUTS in men: not able to pass any urine for hours with a painful swollen lower tummy
    ("slow peeing for years, but I haven't been able to pass any since teatime, my lower tummy is swollen "
     'and agony', 'emergency'),
    # BOAST compartment syndrome: escalating pain and pain on passive toe movement after a kick (guard: read before)
    ('17M kicked in the shin 5h ago, escalating pain despite codeine, tense swollen calf, pain on passive '
     'movement of the toes', 'emergency'),
    # NICE NG225: a message that she is 'going to make it all stop', out of contact, a pet given away
    ("my brother texted saying he's going to make it all stop and now he won't answer, he gave his dog to "
     'our mum yesterday', 'emergency'),
    # NICE CKS Pyloric stenosis: forceful vomiting after feeds at 3 weeks
    ('my 3 week old has been sick after feeds for 2 days, quite forceful, still hungry after', 'urgent'),
    # NICE NG143: 'no rash that doesn't fade' denies a non-blanching rash
    ("my 5yo has chickenpox, temp 38 yesterday, playing and drinking, no rash that doesn't fade when I "
     'press a glass', 'self_care'),
    # NICE NG51/NG151: fever with shivering on methotrexate
    ('on methotrexate for psoriasis, sore throat and mouth ulcers, now temp 38.8 and shivering', 'emergency'),
    # RCOG GTG69: hyperemesis with a fast pulse alone is same-day care, not an ambulance
    ('Midwife: 26F 9/40, vomiting x7/7, unable to keep fluids down 24h, ketones 3+, HR 106, BP 112/70', 'urgent'),
    # NICE CKS Candida: a '4th lot' this year that 'clears then comes back' is recurrent
    ('4th lot of thrush this year, it clears then comes back', 'routine'),
]

_FROM_WRITERS_EG_EH = [
    # NICE CG185: mania with a dangerous act; 'hasn't slept for 4 nights' denies only the sleep
    ("my brother has bipolar, he hasn't slept for 4 nights, spent all his money, and tonight climbed onto "
     'the roof saying he can fly', 'emergency'),
    # NICE CKS Giant cell arteritis: the sight in one eye going grey for minutes
    ("I'm 71, new headache at my temples for 2 weeks, jaw aches when I chew, and this morning the sight "
     'in my left eye went grey for a few minutes', 'emergency'),
    # NICE NG111: pyelonephritis with rigors, vomiting and not keeping water down
    ("thought it was cystitis, but now it's gone into my back on the left, shaking uncontrollably, sick 3 "
     "times and can't keep water down, temp 39.6", 'emergency'),
    # NICE CKS Haemoptysis: half a mug of blood
    ('I have bronchiectasis and just coughed up what must be half a mug of bright red blood', 'emergency'),
    # NICE CKS Septic arthritis: a note's 'knee hot swollen' with fever on a biologic
    ('62F on tocilizumab, L knee hot swollen x2/7, T 38.4', 'emergency'),
    # NHS Hair dye reactions: face and throat swelling after dyeing hair
    ('dyed my hair last night, now my face has swollen up and my throat feels tight', 'emergency'),
    # NICE CKS Diarrhoea: an older person passing little, dark urine and wobbly on standing
    ("my mum is 84, diarrhoea for 2 days, her wee is dark and she's only been a couple of times today, a "
     'bit wobbly standing up', 'urgent'),
    # NICE NG220: a leg that has got weaker over days in known MS
    ("my husband has MS, over 3 days his left leg has got weaker and he's dragging it", 'urgent'),
    # NHS Healthier Together: a coin swallowed by a well child who coughed for a second only
    ('my 4 year old swallowed a 5p coin an hour ago, coughed for a second and then was fine, eating and '
     'playing', 'self_care'),
    # NICE NG33: 'more than 3 weeks' of cough ('৩ সপ্তাহের বেশি') is how long, not an age of 3 weeks
    ('আমার ৩ সপ্তাহের বেশি কাশি, রাতে ঘাম হয়, ওজন কমছে', 'routine'),
]

_FROM_WRITERS_EI_EJ_EK = [
    # RCOG Green-top 50: a loop of something soft felt in the vagina after the waters break (cord prolapse)
    ("she's 39 weeks, her waters just went and she can feel something in her vagina, like a loop of "
     'something soft', 'emergency'),
    # Resuscitation Council UK: hives with lips swelling and difficulty swallowing after a meal
    ("ate at a new restaurant, came up in itchy lumps all over, now my lips feel massive and it's hard to "
     'swallow', 'emergency'),
    # NICE NG126: low one-sided pain, spotting and shoulder tip pain when a pregnancy is not yet known
    ('took the morning after pill a month ago, now sharp pain low down on the right, a bit of spotting, '
     'and my shoulder tip hurts', 'emergency'),
    # NICE CKS Red eye: sudden loss of sight in one eye 'like a blind came down'
    ("my wife, 70, suddenly couldn't see out of her right eye, like a blind came down, about an hour ago", 'emergency'),
    # NICE CKS Bowel obstruction: a note's 'no stool or flatus' with distension and vomiting
    ('70F 2/12 change in bowel habit, now abdo distension, vomiting x2, no stool or flatus x3/7', 'emergency'),
    # NICE CG141: black stool 'sticky like tar' with near-fainting, on iron tablets (guard: read before)
    ('on iron tablets but the last 2 days my poo has been black and sticky like tar and I nearly fainted', 'emergency'),
    # NICE CKS Scrotal pain: a boy whose 'privates' hurt on one side, with vomiting
    ("my son is 14, woke with tummy ache and was sick, now says it's actually his privates that hurt, on "
     'one side', 'emergency'),
    # NICE CG185: mania, with the car keys grabbed to drive off ('hasn't slept for days' denies only the sleep)
    ("my brother is manic, hasn't slept for days and tonight grabbed the car keys saying he's driving to "
     'the coast', 'emergency'),
    # NICE CKS Glaucoma: a red painful eye with 'rainbow rings round the lights' and vomiting (guard: read before)
    ("right eye suddenly really painful and red tonight, blurry with rainbow rings round the lights, I've "
     'been sick', 'emergency'),
]

# Emergencies as writers EL and EM put them (played down, in passing, in shorthand); rows marked
# "(guard: read before)" were already read right and keep it so.
_FROM_WRITERS_EL_EM = [
    # NICE CKS Headache: a sudden headache described as an explosion is thunderclap until proven otherwise
    ("out of nowhere my head felt like an explosion went off inside it, hours later still pounding", "emergency"),
    # NICE CKS Headache: sudden severe headache during sexual activity needs same-day exclusion of a bleed
    # (guard: read before)
    ("38 year old man, bad headache came on during sex last night, still there this morning", "emergency"),
    # Resuscitation Council UK: facial swelling and a strange feeling in the throat after a food trigger
    ("my girl had some peanut sauce and her face has blown up, she says her throat feels weird", "emergency"),
    # NICE CKS Angio-oedema: tongue swelling on an ACE inhibitor, no lip swelling
    ("on ramipril for years, woke with my tongue swollen on one side and it's getting harder to talk", "emergency"),
    # NHS Poisoning: a large number of tablets swallowed
    # (guard: read before)
    ("my brother took about 40 of his co-codamol this evening and is very drowsy", "emergency"),
    # Resuscitation Council UK bradycardia: a collapse with a very slow pulse
    ("grandad blacked out in the kitchen, his pulse feels so slow, maybe 30 a minute", "emergency"),
    # BAUS / NHS Priapism: an erection lasting hours
    ("erection persisting since 4am after taking something from a friend, now it's really sore", "emergency"),
    ("my 10 year old with sickle cell says his willy is stiff and hurts and has been for hours", "emergency"),
    # TOXBASE opioid toxicity: pinpoint pupils and drowsiness
    ("found my flatmate on the sofa barely breathing, pupils like pinpricks, there was a needle", "emergency"),
    # NHS Burns and scalds: every electrical burn goes to A&E
    # (guard: read before)
    ("my toddler poked a key into the socket and got a shock, there's a small burn mark on her thumb", "emergency"),
    ("apprentice got a shock from a 240v cable at work, there's an exit wound on his heel", "emergency"),
    # NICE NG232: vomiting and drowsiness after a fall from height in a child
    # (guard: read before)
    ("my 5 year old fell off the bunk bed, been sick twice and keeps wanting to nod off", "emergency"),
    # NICE hypothermia: a low core temperature in an older person at home
    ("district nurse visit: 88F, heating off for days, tympanic 34.2, drowsy and muddled", "emergency"),
    # NICE NG118: renal colic not controlled by an anti-inflammatory
    ("kidney stone pain again, ibuprofen has done nothing for 2 hours and I keep being sick", "emergency"),
    # NICE CKS PID: fever with vomiting
    ("23F pain low down on both sides, fever 38.9, vomited this morning, recent new partner", "emergency"),
    # NICE NG51: fever with a racing heart after childbirth
    ("gave birth a week ago, now shivering and burning up, my heart is pounding", "emergency"),
    # NICE CG185: mania with reckless acts that put life at risk
    ("my sister has been up for days, says she was chosen by god for a mission and stepped out into traffic "
     "laughing", "emergency"),
    # BOAST open fractures: the bone has broken through the skin
    # (guard: read before)
    ("fell off the wall, my shin is bent and the bone came through, lots of blood", "emergency"),
    # NICE CKS Subconjunctival haemorrhage: painless, vision normal, self-care
    ("Pharm: 52F subconj haemorrhage L eye noticed this morning, painless, vision fine, no injury", "self_care"),
    # NICE CKS Fungal skin infection: an itchy round patch, clearer in the middle, pharmacy antifungal
    # (guard: read before)
    ("itchy round red patch on my thigh that's clearer in the middle, our new kitten has bald patches", "self_care"),
    # NICE CG109: a collapse in the middle of exercise needs a same-day heart assessment
    ("17M went down mid sprint at rugby training, came round straight away, feels fine now", "urgent"),
    # NICE CKS Blepharitis: lid hygiene tried for months with little effect, for GP review
    ("62M blepharitis both eyes, warm compresses and lid cleaning since summer, little effect, eyes still crusty",
     "routine"),
    # NICE CKS Earwax: drops used for the recommended time and still blocked, for GP or nurse review
    ("been putting olive oil in my ear every night for 3 weeks and it's still blocked and muffled", "routine"),
]


# Emergencies as writers EP and EQ put them; "(guard: read before)" rows were already read right.
_FROM_WRITERS_EP_EQ = [
    # Resuscitation Council UK: a reaction to a food with wheeze and floppiness in a child is anaphylaxis; a
    # friend's snack is what the child ate, not the friend's illness
    ("my 3 year old ate some of her cousin's sesame biscuit and now she's wheezy and floppy", "emergency"),
    # Resuscitation Council UK: hives with swollen lips and a croaky voice
    ("come out in hives after a curry, my lips feel swollen and my voice has gone croaky", "emergency"),
    # NHS Burns and scalds: a mains shock with palpitations afterwards needs an ECG
    ("got a belt off the mains fixing a lamp, an hour later my heart keeps skipping and fluttering", "emergency"),
    # NHS Burns and scalds: a small burn after a shock from a socket is an electrical burn
    ("toddler got a shock from the socket, there's a little white burn on his finger, seems fine", "emergency"),
    # WHO Leptospirosis: jaundice after a flu-like illness that followed fresh-water exposure
    ("fell in the river 10 days ago, had a flu thing since, now my skin looks yellow", "emergency"),
    # NICE NG18: thirst and passing lots of urine with ketotic breathing is diabetic ketoacidosis
    ("drinking litres of water a day for weeks, now vomiting and breathing fast and deep", "emergency"),
    # NICE CKS Retinal detachment: a field loss with flashes in a short-sighted person
    ("Optom: 58F myope, flashes for 3 days, now inferior field loss R eye", "emergency"),
    # BSR 2020: giant cell arteritis with vision greying out
    # (guard: read before)
    ("75M tender temples, pain chewing, and the vision in his left eye keeps greying out", "emergency"),
    # NHS Nosebleed: bleeding not stopped by pressure on blood thinners
    ("70F epistaxis 1 hr, pressure ineffective, on apixaban", "emergency"),
    # NICE NG225: a plan admitted, and hints of not being around
    ("pharmacist: young man buying lots of paracetamol, admits a plan to take them tonight", "emergency"),
    ("my son texted saying sorry and that he loves me, now he's locked in the bathroom not answering",
     "emergency"),
    # RCOG GTG63: heavy bleeding in the second half of pregnancy
    ("30 weeks, soaked a pad with bright red blood in 20 minutes, tummy tightening", "emergency"),
    # NICE CKS LUTS: acute retention, no urine passed and only a dribble
    ("72M can't pass anything since this morning, only a dribble, belly swollen and painful", "emergency"),
    # NHS Low blood sugar: a hypo that does not come up with treatment
    # (guard: read before)
    ("type 1, had glucose tablets twice, meter still says 2.5 after 30 minutes, shaky and confused", "emergency"),
    # NICE NG217: a seizure in known epilepsy going on past 5 minutes without rescue medicine
    ("my daughter has epilepsy and her fit has been going for 6 minutes, we left her midazolam at home",
     "emergency"),
    # NHS Varicose veins: a bleeding varicose vein that pressure does not stop
    ("82M varicose vein on his ankle burst, bleeding through the dressings even with us pressing on it",
     "emergency"),
    # NICE CKS Foreign body in the ear: a bead in the canal, same-day removal
    ("PN: 6F bead in R ext auditory canal, visible, no pain", "urgent"),
    # BTS/SIGN 158: a moderate asthma attack, peak flow 50 to 75% of best
    ("Pharm: 40M asthma, salbutamol 4-hrly for 3 days, PEF 60% of best, talking in sentences", "urgent"),
    # WHO rabies: any bat bite or scratch needs post-exposure treatment
    ("a bat got into the kitchen and nipped my hand when I caught it, tiny mark", "urgent"),
]

# As writers ER and ES put them; the "(guard: read before)" row was already read right.
_FROM_WRITERS_ER_ES = [
    # Resuscitation Council UK paediatric choking: eating, then silent and unable to cough
    ("my 2 year old was eating popcorn and suddenly she's not making any sound and going red in the face",
     "emergency"),
    # NICE CKS Multiple sclerosis: a relapse with optic neuritis (washed-out sight, pain moving the eye)
    ("I have MS, for 4 days my right eye sees everything washed out and it hurts when I look sideways", "urgent"),
    # NICE CKS Headache: a sudden headache like being kicked in the head, with vomiting and a stiff neck
    # (guard: read before)
    ("52M sudden headache at the gym, like being kicked in the head, sick twice, neck stiff", "emergency"),
    # EAU / NHS Paraphimosis: a foreskin pulled back that won't go forward, with swelling
    ("my 7 year old pulled his foreskin back and it won't go forward, the end is swollen and dark", "emergency"),
    # BSR 2020: sight lost for minutes in giant cell arteritis
    ("68F aching temples and her jaw aches when she chews, 2 weeks, this morning the sight in her right eye went for a "
     "few minutes and came back", "emergency"),
]

# Emergencies as writers ET and EU put them; "(guard: read before)" rows were already read right.
_FROM_WRITERS_ET_EU = [
    # NICE CG84: green (bile-stained) vomit in a baby is a surgical emergency
    # (guard: read before)
    ("my 4 week old daughter brought up dark green sick twice this morning and is very quiet", "emergency"),
    # NICE NG225: tablets saved up and a time chosen
    # (guard: read before)
    ("I've been saving up my tablets and I have enough now, I think tonight is the right time", "emergency"),
    # NICE NG59: saddle numbness noticed when wiping, with back pain
    ("bad back since the weekend, and when I wiped today I couldn't feel it at all down there", "emergency"),
    # NICE CKS Bowel obstruction: vomiting, a swollen belly and no wind passed
    # (guard: read before)
    ("vomiting all day, tummy swollen and tight, haven't pooed or passed wind since Monday", "emergency"),
    # NHS Electric shock: a jolt with palpitations afterwards
    ("got a proper jolt from the cooker switch, now my heart keeps fluttering", "emergency"),
    # NHS Poisoning: a toddler into someone's medicines
    ("my 18 month old found a blister pack open in grandad's coat, two of his heart tablets missing", "emergency"),
    # NICE CKS LUTS: acute retention
    ("66M haven't been able to pass anything since midnight, belly hard and sore", "emergency"),
    # BOAST compartment syndrome: a limb trapped for hours, tense and numb
    ("his arm was trapped under the machine for 3 hours, now it's tense, swollen and tingling", "emergency"),
    # NICE NG19: an infected diabetic foot with shivering fits or a blackened toe
    ("diabetic, my foot ulcer is red and hot up to the ankle and I've been having shivering fits", "emergency"),
    ("type 2 diabetes, sore on my foot for weeks and now my little toe has gone black", "emergency"),
    # NICE CG84: dehydration with cold hands and feet in a child is shock
    ("my 2 year old has had diarrhoea for 3 days, sunken eyes, and her hands and feet are cold", "emergency"),
    # NICE NG126: a last period 2 weeks ago is not a late period; migrating pain with guarding is appendicitis
    ("Nurse: 22F central pain moved to RIF overnight, vomited, T 38.1, guarding, LMP 2/52", "emergency"),
]

# Readings found missing by the writers of the eleventh pass (AX, AW, AZ, CA, CB) the twelfth (CD, CE, CG, CH,
# CJ, CK, CN), the thirteenth (CO, CP, CQ, CT, CU, CV, CW), the fourteenth (CY, DA, DB, DC, DE, DF) and the
# fifteenth (DG, DH, DJ, DK), the sixteenth (DM, DN, DP, DQ, DR, DS), the seventeenth (DV, DW, DZ, EA, EB, EC,
# ED, EG, EH, EI, EJ, EK) and the eighteenth (EL, EM, EP, EQ, ER, ES, ET, EU): one test over every case list above
@pytest.mark.parametrize("text, level", _FROM_WRITER_AX + _FROM_WRITERS_AW_AZ + _FROM_WRITER_CA + _FROM_WRITER_CB
                         + _SOMETHING_WASHED_OUT_OF_THE_EYE + _FROM_WRITERS_CD_CE + _FROM_WRITERS_CG_CH
                         + _MORE_FROM_WRITERS_CG_CH + _FROM_WRITERS_CJ_CK + _FROM_WRITER_CN
                         + _FROM_WRITERS_CO_CP_CQ + _FROM_WRITERS_CT_CU
                         + _FROM_WRITERS_CV_CW + _FROM_WRITERS_CY_DA + _FROM_WRITERS_DB_DC + _FROM_WRITERS_DE_DF
                         + _FROM_WRITERS_DG_DH + _FROM_WRITERS_DJ_DK + _FROM_WRITERS_DM_DN
                         + _FROM_WRITERS_DP_DQ + _FROM_WRITERS_DR_DS + _FROM_WRITER_DR + _FROM_WRITER_DT
                         + _FROM_WRITERS_DV_DW + _FROM_WRITERS_DZ_EA_EB + _FROM_WRITERS_EC_ED
                         + _FROM_WRITERS_EG_EH + _FROM_WRITERS_EI_EJ_EK
                         + _FROM_WRITERS_EL_EM + _FROM_WRITERS_EP_EQ
                         + _FROM_WRITERS_ER_ES + _FROM_WRITERS_ET_EU)
def test_readings_found_missing_by_new_writers(text, level):
    assert assess(text).urgency == level


# Words that are not the finding they look like, and wordings of a known finding (writers DG, DH)
@pytest.mark.parametrize("text, finding, present", [
    ("it hurts more when I lie back in bed", "back pain", False),              # the position, not the back
    ("I had a cold drink and sat down for a bit", "common cold", False),       # a chilled drink, not a cold
    ("Mum is 79, repeats questions over and over and forgot our names at Christmas", "memory loss", True),
    ("she put her purse in the fridge and can't find her keys", "burn injury", False),   # English "purse"
    ("sui diye kapor shelai korte giye angul e fute gese", "stress leakage", False),      # "sui" is a needle
    ("fora gulo bar bar ashen, ekhon abar ekta uthse", "pale", False),   # romanised "ashen" is "(they) come"
    ("he looks ashen and clammy", "pale", True),                           # guard: the colour told stays read
    # guard (passes before and after): a vision going grey before a faint is no loss of sight (NICE CG109)
    ("she felt hot and her vision went grey before she fainted", "sudden vision loss", False),
    ("heartburn worse lying flat", "hearing loss", False),                  # "hear*" is not "heartburn" (DM)
    ("my hearing is worse in the left ear", "hearing loss", True),          # guard
    ("BMI 34, heel pain", "weight gain words", False),                       # a measurement, not a complaint (DN)
    ("I'm obese and want to lose weight", "weight gain words", True),        # guard
    # wordings of a known finding from the sixteenth pass's writers (DM, DN), each written for this test
    ("my 4 year old keeps saying what and turns the tv right up, no earache", "glue ear", True),        # NICE CG60
    ("tingling spot on my lip again, it always turns into a blister", "cold sore", True),   # NICE CKS Herpes simplex
    ("my 2 year old has spots on her hands, feet and in her mouth, drinking fine", "hand foot and mouth", True),
    ("40M, nightly attacks of severe L orbital pain for 1 hr, watering eye", "behind the eye", True),  # NICE CG150
    ("Pharmacist: 19F, mildly ingrowing R hallux nail, no pus", "ingrown toenail", True),   # NHS Ingrown toenail
    ("teen with the edge of his toenail growing in, a bit red", "ingrown toenail", True),
    ("28M, perianal papules c/w warts, nil else", "genital warts", True),                   # NICE CKS Warts
    ("runny nose and sneezing every May, I'm fine otherwise", "seasonal hay fever", True),  # NICE CKS Allergic rhinitis
    ("itchy eyes and a blocked nose on high pollen days", "seasonal hay fever", True),
    ("72M BRPR after straining x2/52", "piles", True),                                      # NHS Piles
    ("low iron on bloods and loose stools for weeks", "blood in stool", False),             # "bloods" are tests (DQ)
    ("her waters broke and she can feel something in her vagina like a cord", "cord prolapse", True),  # RCOG
    ("no fever and something flew into my eye", "foreign body in eye", True),   # NICE CKS Corneal injury (DS)
    ("a fly flew into my eye while I was cycling", "high velocity injury", False),   # guard: no tool, no metal
    ("my wife is withdrawn, not sleeping, lost interest in the kids", "low mood", True),   # NICE NG222 (DR)
    ("Dix-Hallpike positive, torsional nystagmus", "torsion", False),                      # NICE CKS BPPV (DR)
    ("cut my hand on a broken glass", "broken bone", False),                # the glass is broken (DT)
    ("small soft lumps around my bits", "genital warts", True),             # NICE CKS Warts - anogenital (DT)
])
def test_writer_wordings_read_as_they_are_meant(text, finding, present):
    names = {row["name"] for row in assess(text).findings if not row["negated"]}
    assert (finding in names) == present, assess(text).findings


@pytest.mark.parametrize("text, late", [
    ("৮ মাস ধরে মাঝে মাঝে পেটে ব্যথা", False),            # eight months of tummy pain: a duration
    ("7 mas dhore pet e betha hoy majhe majhe", False),
    ("ami 8 maser pregnant, pet tight lagche", True),      # eight months pregnant
    ("আমি ৮ মাসের গর্ভবতী, হাত মুখ ফুলে গেছে", True),
])
def test_seven_to_nine_months_is_late_pregnancy_only_with_the_pregnancy_named(text, late):
    names = {row["name"] for row in assess(text).findings if not row["negated"]}
    assert ("from 24 weeks pregnant" in names) is late


def _present(text):
    return {row["name"] for row in assess(text).findings if not (row["negated"] or row["uncertain"])}


def test_a_notes_list_of_tests_sent_is_a_plan_and_a_finding_beside_it_stays():
    assert "new diabetes words" not in _present("45F, wt loss 6kg over 4/12. FBC, U&E, TFT, HbA1c requested.")
    assert "new diabetes words" in _present("45F, wt loss 6kg over 4/12, HbA1c 74")
    assert "chest pain" in _present("central chest pain, review requested")


def test_a_heart_rate_over_130_with_fever_is_sepsis_from_five_years_old_not_in_a_baby():
    # NICE NG51 high-risk heart rate; NICE NG143: a baby's resting rate is up to 160
    assert assess("67F pyrexial 38.7, rigors, HR 142").urgency == "emergency"
    assert assess("9 year old, fever 39, HR 145, shivering").urgency == "emergency"
    assert assess("10/12 old, fever 38.6, HR 145, feeding well, wet nappies").urgency != "emergency"


def test_running_for_a_train_is_not_the_runs():
    # "the runs" (diarrhoea) read its "the" as a skipped word and matched any "running"
    assert not any(row["text"] == "running" for row in assess("collapsed running for the train this morning").findings)
    # (guard) "runs since yesterday" after a kebab is still food poisoning's diarrhoea
    assert any(row["id"] == "food_poisoning" and row["plausible"]
               for row in assess("runs since yesterday after a dodgy kebab").conditions)
