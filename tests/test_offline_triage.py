"""The offline symptom check: rules generated from the knowledge base, the browser's checker (run
under node, the same module the app loads), Bangla red flags, and a client key that makes a retried
offline entry one assessment."""
from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import TriageAssessment
from backend.services.triage import assessments as triage_service
from backend.triage import engine, knowledge, offline
from tests.conftest import ROOT

NODE = shutil.which("node")
CHECKER = Path(ROOT) / "frontend" / "offline" / "redflags.js"
RUN_CHECKER = """
import { checkOffline } from %s
import fs from 'fs'
const rules = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const texts = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
process.stdout.write(JSON.stringify(texts.map((text) => checkOffline(text, rules))))
"""

BANGLA_EMERGENCIES = [
    "বুকে প্রচণ্ড ব্যথা, ঘাম হচ্ছে",            # crushing chest pain, sweating
    "শ্বাস নিতে পারছি না",                      # I cannot breathe
    "shash nite parchi na",                    # the same, romanised
    "বাচ্চার জ্বর আর ঘাড় শক্ত",                 # the child has fever and a stiff neck
    "হঠাৎ মুখ বেঁকে গেছে, কথা জড়িয়ে যাচ্ছে",      # sudden face droop, slurred speech
]
BANGLA_NOT_EMERGENCIES = [
    "মাথা ব্যথা দুই দিন ধরে",                    # a headache for two days
    "হালকা সর্দি",                              # a mild cold
    "amar matha betha",                        # my head hurts (romanised)
]


def run_checker(tmp_path, rules: dict, texts: list[str]) -> list[dict]:
    if NODE is None:
        pytest.fail("node is needed to run the browser's checker (installed with the front-end tools)")
    rules_file, texts_file, script = tmp_path / "rules.json", tmp_path / "texts.json", tmp_path / "run.mjs"
    rules_file.write_text(json.dumps(rules), "utf-8")
    texts_file.write_text(json.dumps(texts), "utf-8")
    script.write_text(RUN_CHECKER % json.dumps(CHECKER.as_uri()), "utf-8")
    done = subprocess.run([NODE, str(script), str(rules_file), str(texts_file)], capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def test_the_export_route_serves_the_knowledge_bases_rules(app, client):
    answer = client.get("/api/triage/red-flags")
    assert answer.status_code == 200
    rules = answer.get_json()
    kb = knowledge.load()
    assert rules["version"] == kb.version and rules["emergency_number"] == app.config["EMERGENCY_NUMBER"]
    emergency_ids = {c.id for c in kb.conditions if c.level == "emergency"}
    assert emergency_ids <= {rule["id"] for rule in rules["rules"]}
    assert set(kb.findings["chest pain"]) <= set(rules["phrases"]["chest pain"])
    again = client.get("/api/triage/red-flags", headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304


def test_the_rules_follow_the_knowledge_files(tmp_path):
    """Change a file and the export changes: there is no second copy to keep in step."""
    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, copy)
    # A file may add synonyms to a finding named in another.
    (copy / "zz_extra.yaml").write_text("system: Extra\nfindings:\n  chest pain: [zorbly chest]\n", "utf-8")
    before = offline.red_flag_rules(knowledge.build(knowledge.KNOWLEDGE_DIR))
    after = offline.red_flag_rules(knowledge.build(copy))
    assert "zorbly chest" in after["phrases"]["chest pain"] and "zorbly chest" not in before["phrases"]["chest pain"]
    assert after["version"] != before["version"]


def test_the_browser_check_agrees_with_the_engine_on_the_knowledge_examples(tmp_path):
    """Every example of every condition, offline versus the engine: emergencies caught, few false alarms."""
    kb = knowledge.load()
    texts = [ex["text"] for c in kb.conditions for ex in c.examples
             if not (ex.get("age_years") or ex.get("history") or ex.get("answers"))]
    server = [engine.assess(text).urgency == "emergency" for text in texts]
    browser = [row["emergency"] for row in run_checker(tmp_path, offline.red_flag_rules(kb), texts)]
    emergencies = sum(server)
    caught = sum(1 for s, b in zip(server, browser) if s and b)
    false_alarms = sum(1 for s, b in zip(server, browser) if b and not s)
    print(f"offline check: {caught}/{emergencies} engine emergencies caught, "
          f"{false_alarms}/{len(texts) - emergencies} false alarms")
    # Measured 249/265 (221/228 before the knowledge base's examples grew with harder cases): the misses are
    # emergencies that only a number makes (a blood pressure, an oxygen level, a ketone reading, an age), which
    # the browser does not read, and a few atypical presentations (jaw and arm ache with sweating, a
    # chemical in the eye, a brief stroke-like spell). The server assesses every offline entry once the
    # connection is back.
    assert caught / emergencies >= 0.93
    assert false_alarms / (len(texts) - emergencies) <= 0.02


def test_bangla_red_flags_are_read_by_the_engine_and_offline(tmp_path):
    for text in BANGLA_EMERGENCIES:
        assert engine.assess(text, language="bn").urgency == "emergency", text
    for text in BANGLA_NOT_EMERGENCIES:
        assert engine.assess(text, language="bn").urgency != "emergency", text
    results = run_checker(tmp_path, offline.export(), BANGLA_EMERGENCIES[:3] + BANGLA_NOT_EMERGENCIES
                          + ["no chest pain, just a runny nose", "বুকে ব্যথা নেই"])
    assert [r["emergency"] for r in results] == [True] * 3 + [False] * (len(BANGLA_NOT_EMERGENCIES) + 2)


def test_the_engine_answers_advice_in_the_patients_language():
    bangla = engine.assess("হালকা সর্দি", language="bn").advice
    english = engine.assess("a mild cold", language="en").advice
    assert any("\u0980" <= ch <= "\u09ff" for ch in bangla)
    assert not any("\u0980" <= ch <= "\u09ff" for ch in english)


# ---- the client key ------------------------------------------------------------

@pytest.fixture
def patient(client, factory):
    who = factory.patient()
    client.login(who.user.email)
    return who


def assessments() -> int:
    return db.session.execute(sa.select(sa.func.count(TriageAssessment.id))).scalar_one()


def test_a_retry_with_the_same_client_id_is_the_same_assessment(app, client, patient):
    body = {"symptoms": "itchy rash on my arm for a week", "client_id": "offline-0b1f9c2e-7d4a"}
    first = client.post("/patient/triage", json=body)
    second = client.post("/patient/triage", json=body)
    assert first.status_code == second.status_code == 202
    assert first.get_json()["id"] == second.get_json()["id"]
    assert assessments() == 1
    other = client.post("/patient/triage", json={**body, "client_id": "offline-another-key"})
    assert other.get_json()["id"] != first.get_json()["id"] and assessments() == 2


def test_two_patients_may_use_the_same_client_id(app, client, patient, factory, new_client):
    body = {"symptoms": "itchy rash on my arm for a week", "client_id": "same-key-123456"}
    client.post("/patient/triage", json=body)
    someone = new_client()
    someone.login(factory.patient().user.email)
    answer = someone.post("/patient/triage", json=body)
    assert answer.status_code == 202 and assessments() == 2


@pytest.mark.parametrize("client_id", ["short", "has spaces in it", "x" * 65, "semi;colon-key"])
def test_a_malformed_client_id_is_a_400(app, client, patient, client_id):
    answer = client.post("/patient/triage", json={"symptoms": "a cough", "client_id": client_id})
    assert answer.status_code == 400 and "client_id" in answer.get_json()["error"]["fields"]


def test_simultaneous_retries_make_one_assessment(app, patient, factory):
    """Eight copies of one offline entry sent at once (a flaky connection): one row."""
    from tests.conftest import ApiClient

    body = {"symptoms": "sore throat for three days", "client_id": "burst-4c8e21aa"}
    callers = []
    for _ in range(8):
        caller = ApiClient(app.test_client())
        caller.login(patient.user.email)
        callers.append(caller)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda caller: caller.post("/patient/triage", json=body), callers))
    assert {a.status_code for a in answers} == {202}
    assert len({a.get_json()["id"] for a in answers}) == 1
    assert assessments() == 1


# ---- the patient's language ------------------------------------------------------

def test_a_patient_who_chose_bangla_gets_advice_in_bangla(app, client, patient):
    chosen = client.put("/auth/language", json={"language": "bn"})
    assert chosen.status_code == 200 and chosen.get_json()["user"]["language"] == "bn"
    assert client.get("/auth/me").get_json()["user"]["language"] == "bn"
    created = client.post("/patient/triage", json={"symptoms": "a mild cold with a runny nose"}).get_json()
    triage_service.answer_assessment(created["id"])
    advice = client.get(f"/patient/triage/{created['id']}").get_json()["advice"]
    assert any("\u0980" <= ch <= "\u09ff" for ch in advice), advice
    client.put("/auth/language", json={"language": "en"})
    created = client.post("/patient/triage", json={"symptoms": "a mild cold with a runny nose"}).get_json()
    triage_service.answer_assessment(created["id"])
    advice = client.get(f"/patient/triage/{created['id']}").get_json()["advice"]
    assert not any("\u0980" <= ch <= "\u09ff" for ch in advice), advice


@pytest.mark.parametrize("language", ["fr", "", "BN", None])
def test_only_english_or_bangla_can_be_chosen(app, client, patient, language):
    assert client.put("/auth/language", json={"language": language}).status_code == 400
