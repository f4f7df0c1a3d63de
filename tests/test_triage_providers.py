"""Providers against a real local HTTP server speaking the Ollama and OpenAI wire formats.

Every failure must end in the rule engine's answer with its reason, through decide().
"""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from backend.triage import advice_safety, engine
from backend.triage.decide import decide
from backend.triage.providers import (
    Provider,
    ProviderError,
    get_provider,
    map_specialization,
)
from backend.triage.schema import TriageAnswer, triage_json_schema

CLINIC = ["Cardiology", "Dermatology", "ENT", "General Medicine", "Gastroenterology", "Orthopedics"]
COLD = "sore throat and runny nose for two days"
HEART_ATTACK = "crushing chest pain spreading to my left arm and I'm sweating"
SHORT_TIMEOUT = 0.3


def answer_json(**overrides) -> str:
    answer = {"urgency": "routine", "specialization": "cardiologist", "red_flags": [],
              "advice": "Book an appointment this week.", "rationale": ["Needs a check."]}
    answer.update(overrides)
    return json.dumps(answer)


def ollama_reply(content: str, done_reason: str = "stop") -> dict:
    return {"model": "m", "message": {"role": "assistant", "content": content}, "done": True, "done_reason": done_reason}


def openai_reply(content: str | None, finish_reason: str = "stop", refusal: str | None = None) -> dict:
    return {"id": "c1", "object": "chat.completion", "model": "m", "choices": [{
        "index": 0, "finish_reason": finish_reason,
        "message": {"role": "assistant", "content": content, "refusal": refusal}}]}


def reply_for(kind: str, content: str, stop: str = "stop") -> dict:
    return ollama_reply(content, stop) if kind == "ollama" else openai_reply(content, stop)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Timeout tests hang up before the reply is written; that broken pipe is expected.
        pass


class FakeAIServer:
    """A real HTTP server on 127.0.0.1; each test sets what the next answers look like."""

    def __init__(self):
        self.status = 200
        self.body: dict | str = {}
        self.headers: dict[str, str] = {}
        self.delay = 0.0
        self.requests: list[dict] = []
        self.httpd = QuietServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def reply(self, body, *, status: int = 200, delay: float = 0.0, headers: dict | None = None) -> None:
        self.body, self.status, self.delay, self.headers = body, status, delay, headers or {}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                fake.requests.append({"path": self.path, "json": json.loads(raw), "headers": dict(self.headers)})
                if fake.delay:
                    time.sleep(fake.delay)
                payload = fake.body if isinstance(fake.body, str) else json.dumps(fake.body)
                data = payload.encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in fake.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # keep test output quiet
                pass

        return Handler


@pytest.fixture
def fake_ai():
    server = FakeAIServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def provider_for(kind: str, url: str, timeout: float = 5.0, api_key: str | None = None):
    return get_provider(kind, url=url, model="test-model", timeout=timeout, api_key=api_key)


KINDS = ["ollama", "openai"]


# --------------------------------------------------------------------------- good answers


@pytest.mark.parametrize("kind", KINDS)
def test_good_answer_is_used_and_specialty_mapped(fake_ai, kind):
    fake_ai.reply(reply_for(kind, answer_json(urgency="self_care", specialization="otolaryngology")))

    decision = decide(COLD, age_years=30, history=None, specializations=CLINIC,
                      provider=provider_for(kind, fake_ai.url))

    assert decision.provider == kind
    assert decision.model == "test-model"
    assert decision.fallback_reason is None
    assert decision.urgency == "self_care"
    assert decision.specialization == "ENT"
    assert decision.rationale == ["Needs a check."]
    assert decision.latency_ms >= 0


def test_ollama_request_follows_the_wire_format(fake_ai):
    fake_ai.reply(ollama_reply(answer_json()))

    provider_for("ollama", fake_ai.url).assess(COLD, age_years=41, history={"conditions": "asthma"},
                                               specializations=CLINIC)

    request = fake_ai.requests[-1]
    assert request["path"] == "/api/chat"
    body = request["json"]
    assert body["model"] == "test-model"
    assert body["stream"] is False
    assert body["format"] == triage_json_schema()
    assert body["options"]["temperature"] == 0
    prompt = "\n".join(message["content"] for message in body["messages"])
    assert all(name in prompt for name in CLINIC)
    assert all(level in prompt for level in ("emergency", "urgent", "routine", "self_care"))
    assert COLD in prompt and "asthma" in prompt and "41" in prompt


def test_openai_request_is_strict_json_schema_with_bearer_key(fake_ai):
    fake_ai.reply(openai_reply(answer_json()))

    provider_for("openai", fake_ai.url + "/v1", api_key="sk-test").assess(COLD, specializations=CLINIC)

    request = fake_ai.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer sk-test"
    response_format = request["json"]["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["strict"] is True
    schema = response_format["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert sorted(schema["required"]) == sorted(TriageAnswer.model_fields)
    assert request["json"]["temperature"] == 0


def test_openai_without_key_sends_no_authorization(fake_ai):
    fake_ai.reply(openai_reply(answer_json()))

    provider_for("openai", fake_ai.url).assess(COLD, specializations=CLINIC)

    assert "Authorization" not in fake_ai.requests[-1]["headers"]


# --------------------------------------------------------------------------- failures fall back to the rules

OLLAMA_404 = {"error": "model 'test-model' not found, try pulling it first"}
OPENAI_404 = {"error": {"message": "The model `test-model` does not exist", "type": "invalid_request_error",
                        "code": "model_not_found"}}
ERROR_BODY = {"error": {"message": "boom", "type": "server_error", "code": None}}

FAILURES = [
    # (case id, kind, status, body, expected reason code)
    ("ollama-404", "ollama", 404, OLLAMA_404, "model_not_found"),
    ("openai-404", "openai", 404, OPENAI_404, "model_not_found"),
    ("ollama-429", "ollama", 429, ERROR_BODY, "rate_limited"),
    ("openai-429", "openai", 429, ERROR_BODY, "rate_limited"),
    ("ollama-500", "ollama", 500, ERROR_BODY, "server_error"),
    ("openai-503", "openai", 503, ERROR_BODY, "server_error"),
    ("ollama-401", "ollama", 401, ERROR_BODY, "http_error"),
    ("ollama-truncated", "ollama", 200, ollama_reply('{"urgency": "rout', "length"), "truncated"),
    ("openai-truncated", "openai", 200, openai_reply('{"urgency": "rout', "length"), "truncated"),
    ("ollama-invalid-json", "ollama", 200, ollama_reply('{"urgency": "routine", "specialization": '), "invalid_json"),
    ("openai-invalid-json", "openai", 200, openai_reply("{urgency: routine}"), "invalid_json"),
    ("ollama-prose", "ollama", 200, ollama_reply("This sounds like a common cold; rest and drink fluids."), "invalid_json"),
    ("openai-prose", "openai", 200, openai_reply("You probably have a cold."), "invalid_json"),
    ("ollama-envelope-not-json", "ollama", 200, "<html>gateway</html>", "invalid_json"),
    ("ollama-schema", "ollama", 200, ollama_reply(answer_json(urgency="soonish")), "schema_mismatch"),
    ("openai-extra-field", "openai", 200, openai_reply(answer_json(confidence=0.9)), "schema_mismatch"),
    ("openai-long-advice", "openai", 200, openai_reply(answer_json(advice="x" * 2001)), "schema_mismatch"),
    ("openai-no-choices", "openai", 200, {"choices": []}, "schema_mismatch"),
    ("ollama-unknown-specialty", "ollama", 200, ollama_reply(answer_json(specialization="Astrology")),
     "unknown_specialization"),
    ("openai-unknown-specialty", "openai", 200, openai_reply(answer_json(specialization="Neurosurgery")),
     "unknown_specialization"),
    ("openai-refusal", "openai", 200, openai_reply(None, refusal="I can't help with medical questions."), "refusal"),
    ("openai-content-filter", "openai", 200, openai_reply(None, finish_reason="content_filter"), "refusal"),
    ("ollama-refusal-prose", "ollama", 200, ollama_reply("I'm sorry, but I can't provide medical advice."), "refusal"),
    ("ollama-redirect", "ollama", 302, {}, "http_error"),
]


@pytest.mark.parametrize("kind,status,body,reason", [f[1:] for f in FAILURES], ids=[f[0] for f in FAILURES])
def test_failure_falls_back_to_rules_with_reason(fake_ai, kind, status, body, reason):
    fake_ai.reply(body, status=status, headers={"Location": "http://example.invalid/"} if status == 302 else None)
    rules = engine.assess(COLD, specializations=CLINIC)

    decision = decide(COLD, specializations=CLINIC, provider=provider_for(kind, fake_ai.url))

    assert decision.provider == "rules"
    assert decision.fallback_reason.startswith(reason + ": ")
    assert (decision.urgency, decision.specialization) == (rules.urgency, rules.specialization)
    # The rules' advice, through the same safety filter (unshared history: it says what to check first).
    assert decision.advice == advice_safety.filter_advice(rules.advice, advice_safety.cautions_for(None, shared=False))
    assert len(fake_ai.requests) == 1  # one call, and a redirect is not followed


@pytest.mark.parametrize("kind", KINDS)
def test_provider_raises_the_reason_code(fake_ai, kind):
    fake_ai.reply(reply_for(kind, answer_json(specialization="Astrology")))

    with pytest.raises(ProviderError) as raised:
        provider_for(kind, fake_ai.url).assess(COLD, specializations=CLINIC)

    assert raised.value.reason_code == "unknown_specialization"
    assert "Astrology" in raised.value.detail


@pytest.mark.parametrize("kind", KINDS)
def test_timeout_falls_back(fake_ai, kind):
    fake_ai.reply(reply_for(kind, answer_json()), delay=SHORT_TIMEOUT * 5)

    started = time.perf_counter()
    decision = decide(COLD, specializations=CLINIC, provider=provider_for(kind, fake_ai.url, timeout=SHORT_TIMEOUT))

    assert time.perf_counter() - started < SHORT_TIMEOUT * 4
    assert decision.provider == "rules"
    assert decision.fallback_reason.startswith("timeout: ")


@pytest.mark.parametrize("kind", KINDS)
def test_connection_refused_falls_back(kind):
    decision = decide(COLD, specializations=CLINIC, provider=provider_for(kind, closed_port_url(), timeout=1.0))

    assert decision.provider == "rules"
    assert decision.fallback_reason.startswith("connection_error: ")
    assert decision.urgency == "self_care"


def test_rate_limit_reason_keeps_retry_after(fake_ai):
    fake_ai.reply(ERROR_BODY, status=429, headers={"Retry-After": "20"})

    decision = decide(COLD, specializations=CLINIC, provider=provider_for("openai", fake_ai.url))

    assert decision.fallback_reason.startswith("rate_limited: ")
    assert "20" in decision.fallback_reason


def test_api_key_never_appears_in_the_fallback_reason(fake_ai):
    fake_ai.reply({"error": {"message": "Incorrect API key provided"}}, status=401)

    decision = decide(COLD, specializations=CLINIC, provider=provider_for("openai", fake_ai.url, api_key="sk-secret-1"))

    assert decision.fallback_reason.startswith("http_error: HTTP 401")
    assert "sk-secret-1" not in decision.fallback_reason


# --------------------------------------------------------------------------- red flags win


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("ai_urgency", ["self_care", "routine", "urgent"])
def test_ai_cannot_lower_a_red_flag(fake_ai, kind, ai_urgency):
    fake_ai.reply(reply_for(kind, answer_json(urgency=ai_urgency, specialization="Cardiology",
                                              advice="Rest at home and take an antacid.")))

    decision = decide(HEART_ATTACK, age_years=58, specializations=CLINIC,
                      provider=provider_for(kind, fake_ai.url), emergency_number="112")

    assert decision.urgency == "emergency"
    assert decision.provider == kind
    assert decision.fallback_reason is None
    assert "112" in decision.advice
    assert "antacid" not in decision.advice
    assert engine.assess(HEART_ATTACK, age_years=58).red_flags
    assert set(engine.assess(HEART_ATTACK, age_years=58).red_flags) <= set(decision.red_flags)
    assert any("raised the urgency" in line for line in decision.rationale)


KNEE = "hot red swollen knee"


@pytest.mark.parametrize("kind", KINDS)
def test_ai_cannot_lower_the_rules_level_the_knee_case(fake_ai, kind):
    """Found by trying the product: rules urgent, a provider self_care, and the decision was self_care."""
    fake_ai.reply(reply_for(kind, answer_json(urgency="self_care", specialization="Orthopedics",
                                              advice="Rest it at home; it will settle.")))
    rules = engine.assess(KNEE, specializations=CLINIC)
    assert rules.urgency == "urgent" and not rules.red_flags  # not a red flag: the old guard missed it

    decision = decide(KNEE, specializations=CLINIC, provider=provider_for(kind, fake_ai.url))

    assert decision.urgency == "urgent"
    assert decision.provider == kind and decision.fallback_reason is None
    assert decision.specialization == rules.specialization  # the level's specialty comes with it
    assert "will settle" not in decision.advice
    assert any("raised the urgency from self_care to urgent" in line for line in decision.rationale)


def test_ai_advice_that_fails_the_safety_filter_is_not_used(fake_ai):
    fake_ai.reply(ollama_reply(answer_json(urgency="self_care", specialization="ENT",
                                           advice="Take ibuprofen 400 mg three times a day.")))
    history = {"allergies": "ibuprofen (wheeze)", "conditions": "", "medications": ""}

    decision = decide(COLD, history=history, specializations=CLINIC, provider=provider_for("ollama", fake_ai.url))

    assert decision.urgency == "self_care" and decision.specialization == "ENT"
    assert not advice_safety.recommends(decision.advice, advice_safety.NSAID)
    assert any("record rules out" in line for line in decision.rationale)


def test_ai_may_be_more_cautious_than_the_rules(fake_ai):
    fake_ai.reply(ollama_reply(answer_json(urgency="urgent", specialization="ENT")))

    decision = decide(COLD, specializations=CLINIC, provider=provider_for("ollama", fake_ai.url))

    assert engine.assess(COLD, specializations=CLINIC).urgency == "self_care"
    assert decision.urgency == "urgent"


def test_ai_emergency_without_the_number_gets_it_added(fake_ai):
    fake_ai.reply(ollama_reply(answer_json(urgency="emergency", specialization="General Medicine",
                                           advice="Go to hospital now.", red_flags=["collapse"])))

    decision = decide("my dad is acting strangely", specializations=CLINIC,
                      provider=provider_for("ollama", fake_ai.url), emergency_number="999")

    assert decision.urgency == "emergency"
    assert "999" in decision.advice and "Go to hospital now." in decision.advice


class BrokenProvider(Provider):
    name = "broken"
    model = "broken-1"

    def assess(self, text, *, age_years=None, history=None, specializations=None):
        raise RuntimeError("bug")


def test_an_unexpected_provider_defect_still_falls_back():
    decision = decide(HEART_ATTACK, specializations=CLINIC, provider=BrokenProvider())

    assert (decision.provider, decision.urgency) == ("rules", "emergency")
    assert decision.fallback_reason == "unexpected_error: RuntimeError"


def test_rules_provider_needs_no_network():
    decision = decide(HEART_ATTACK, specializations=CLINIC, provider=get_provider("rules"))

    assert (decision.provider, decision.fallback_reason, decision.urgency) == ("rules", None, "emergency")
    assert decision.model == engine.load_rules().version


def test_rules_provider_answer_validates_against_the_schema():
    answer = get_provider("rules").assess(HEART_ATTACK, specializations=CLINIC)

    assert isinstance(answer, TriageAnswer)
    assert answer.urgency == "emergency"


def test_unknown_provider_name_is_a_configuration_error():
    with pytest.raises(ValueError):
        get_provider("telepathy")


# --------------------------------------------------------------------------- specialty names


@pytest.mark.parametrize("suggested,expected", [
    ("Cardiology", "Cardiology"),
    ("cardiologist", "Cardiology"),
    ("CARDIOLOGY", "Cardiology"),
    ("Otolaryngology", "ENT"),
    ("ear, nose and throat", "ENT"),
    ("dermatologist", "Dermatology"),
    ("Orthopaedics", "Orthopedics"),
    ("Family medicine", "General Medicine"),
    ("Gastro", "Gastroenterology"),
    ("Neurology", None),
    ("Astrology", None),
])
def test_map_specialization(suggested, expected):
    assert map_specialization(suggested, CLINIC) == expected


def test_map_specialization_reads_bracketed_clinic_names():
    assert map_specialization("ENT", ["Otolaryngology (ENT)", "General Medicine"]) == "Otolaryngology (ENT)"
    assert map_specialization("otorhinolaryngology", ["Otolaryngology (ENT)"]) == "Otolaryngology (ENT)"
