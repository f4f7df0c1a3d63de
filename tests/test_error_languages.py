"""Error messages in the reader's language (backend/messages): every message the code can raise has a Bangla
entry, real endpoints answer in Bangla for a Bangla reader (same code and status), English otherwise, and a
message with no entry falls back to English.

The messages are read from the source with `ast`: the text given to a domain error (`backend/errors.py` and
its subclasses anywhere) as its message or its `fields`, each class's own `message`, every `Message(...)`
template, and each `ValueError` sentence a validator raises for people (it reaches the `fields` of a 400).
Text built with an f-string or `+` cannot be looked up: it is reported, to be written as a `Message`.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from backend.messages import CATALOGUES, Message, choose_language, translate
from backend.messages.bn import BANGLA
from backend.services.scheduling.templates import MAX_RANGE_DAYS
from tests.conftest import ROOT, run_node_json

BACKEND = Path(ROOT) / "backend"
BANGLA_SCRIPT = re.compile(r"[\u0980-\u09ff]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


# ---- reading the messages from the source -----------------------------------

@dataclass
class Found:
    messages: dict[str, list[str]] = field(default_factory=dict)  # text -> where it is raised
    untranslatable: list[str] = field(default_factory=list)       # "where: source" of built-up text

    def add(self, text: str, where: str) -> None:
        self.messages.setdefault(text, []).append(where)


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def error_classes(trees: dict[Path, ast.Module], found: set[str] = frozenset({"DomainError"})) -> set[str]:
    """DomainError and every class deriving from it, by name, wherever it is defined."""
    found = set(found)
    classes = [node for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for node in classes:
            if node.name not in found and any(_name(base) in found for base in node.bases):
                found.add(node.name)
                grew = True
    return found


class ModuleReader:
    """Follows a message expression to the text it can hold, within one module."""

    def __init__(self, path: Path, tree: ast.Module, found: Found) -> None:
        self.path, self.tree, self.found = path, tree, found
        self.constants: dict[str, ast.expr] = {}
        self.functions: dict[str, ast.FunctionDef] = {}
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.constants[node.targets[0].id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.constants[node.target.id] = node.value
            elif isinstance(node, ast.FunctionDef):
                self.functions[node.name] = node
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
        self._following: set[tuple[str, int]] = set()

    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"

    def function_of(self, node: ast.AST) -> ast.AST:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return self.tree

    def text(self, node: ast.AST | None, at: ast.AST) -> None:
        """Record the text `node` can evaluate to (a message)."""
        if node is None:
            return
        if _is_text(node):
            self.found.add(node.value, self.where(at))
        elif isinstance(node, (ast.JoinedStr, ast.BinOp)):
            self.found.untranslatable.append(f"{self.where(node)}: {ast.unparse(node)[:100]}")
        elif isinstance(node, ast.Call) and _name(node.func) == "Message":
            if node.args and _is_text(node.args[0]):
                self.found.add(node.args[0].value, self.where(at))
            else:
                self.found.untranslatable.append(f"{self.where(node)}: {ast.unparse(node)[:100]}")
        elif isinstance(node, ast.IfExp):
            self.text(node.body, at)
            self.text(node.orelse, at)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.text(value, at)
        elif isinstance(node, ast.Dict):  # a `fields` mapping: its values are messages
            for value in node.values:
                self.text(value, at)
        elif isinstance(node, ast.Name):
            self.name(node, at)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            self.text(node.func.value, at)  # TABLE.get(key, default)
            for arg in node.args[1:]:
                self.text(arg, at)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.functions:
            self.returns(self.functions[node.func.id], at)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("dict", "list"):
            for arg in node.args:
                self.text(arg, at)  # dict(list(problems.items())[:10])
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("items", "values", "copy")):
            self.text(node.func.value, at)
        elif isinstance(node, ast.Subscript):
            self.text(node.value, at)
        # Anything else (a call into another module, str(error)) passes text through that is read where it is made.

    def name(self, node: ast.Name, at: ast.AST) -> None:
        scope = self.function_of(node)
        key = (node.id, id(scope))
        if key in self._following:
            return
        self._following.add(key)
        assigned = False
        for item in ast.walk(scope):
            if isinstance(item, ast.Assign):
                for target in item.targets:
                    if isinstance(target, ast.Name) and target.id == node.id:
                        self.text(item.value, at)
                        assigned = True
                    elif (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                          and target.value.id == node.id):
                        self.text(item.value, at)  # fields["x"] = "..."
                        assigned = True
            elif (isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute)
                  and isinstance(item.func.value, ast.Name) and item.func.value.id == node.id):
                if item.func.attr == "setdefault" and len(item.args) == 2:
                    self.text(item.args[1], at)
                elif item.func.attr == "update":
                    for arg in item.args:
                        self.text(arg, at)
        if not assigned and node.id in self.constants:
            self.text(self.constants[node.id], at)
        self._following.discard(key)

    def returns(self, function: ast.FunctionDef, at: ast.AST) -> None:
        key = (function.name, -1)
        if key in self._following:
            return
        self._following.add(key)
        for item in ast.walk(function):
            if isinstance(item, ast.Return) and item.value is not None:
                self.text(item.value, at)
        self._following.discard(key)


def _is_sentence(node: ast.AST) -> bool:
    """A ValueError for people starts with a capital letter; lower-case ones are programmer errors."""
    first = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else node
    if isinstance(first, ast.Call) and _name(first.func) == "Message" and first.args:
        first = first.args[0]
    if isinstance(first, ast.BinOp):
        return _is_sentence(first.left)
    if _is_text(first):
        return first.value[:1].isupper()
    return True  # a name or a call: followed, and judged by what it holds


def read_messages(files: dict[Path, str], known_classes: set[str] = frozenset()) -> Found:
    trees = {path: ast.parse(source) for path, source in files.items()}
    classes = error_classes(trees, {"DomainError", *known_classes})
    found = Found()
    for path, tree in trees.items():
        reader = ModuleReader(path, tree, found)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in classes:
                for item in node.body:
                    if not isinstance(item, ast.Assign):
                        continue
                    for target in item.targets:
                        if isinstance(target, ast.Name) and target.id == "message":
                            reader.text(item.value, item)
                        elif isinstance(target, ast.Tuple) and isinstance(item.value, ast.Tuple):
                            for name, value in zip(target.elts, item.value.elts):
                                if isinstance(name, ast.Name) and name.id == "message":
                                    reader.text(value, item)
            elif isinstance(node, ast.Call) and _name(node.func) in classes:
                reader.text(node.args[0] if node.args else None, node)
                for keyword in node.keywords:
                    if keyword.arg in ("message", "fields"):
                        reader.text(keyword.value, node)
            elif isinstance(node, ast.Call) and _name(node.func) == "Message":
                reader.text(node, node)
            elif (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                  and _name(node.exc.func) == "ValueError" and node.exc.args and _is_sentence(node.exc.args[0])):
                reader.text(node.exc.args[0], node)
            elif isinstance(node, ast.Call) and _name(node.func) == "error_response" and len(node.args) >= 3:
                reader.text(node.args[2], node)
    return found


def backend_sources() -> dict[Path, str]:
    return {path: path.read_text("utf-8") for path in sorted(BACKEND.rglob("*.py")) if "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def raised() -> Found:
    return read_messages(backend_sources())


def validation_messages() -> dict[str, str]:
    """Every sentence the form checks in errors.py can give (the tables are read with sample values)."""
    from backend import errors

    samples = [{"min_length": 1, "max_length": 5, "decimal_places": 2, "ge": 1, "gt": 1, "le": 9, "lt": 9,
                "expected": "'a' or 'b'"}, {"min_length": 3}]
    found = {}
    for kind, describe in errors._TYPE_MESSAGES.items():
        for ctx in samples:
            text = describe(ctx)
            found[getattr(text, "template", text)] = f"backend/errors.py: {kind}"
    for name, text in errors._FIELD_PATTERN_MESSAGES.items():
        found[text] = f"backend/errors.py: {name} pattern"
    found[errors.plain_field_message({"type": "a_kind_nobody_maps"})] = "backend/errors.py: fallback"
    return found


def untranslated(messages: dict[str, list[str] | str], catalogue: dict[str, str]) -> list[str]:
    return [f"{text!r} (raised at {where if isinstance(where, str) else where[0]})"
            for text, where in sorted(messages.items()) if text not in catalogue]


# ---- (a) every message has its Bangla ---------------------------------------------------------

def test_the_source_is_read(raised):
    # The reader finds each kind of message, or the checks below would pass on nothing.
    assert len(raised.messages) > 120
    assert "This slot has just been taken. Please choose another one." in raised.messages  # a class's message
    assert "The email or password is not correct." in raised.messages  # a module constant
    assert "This block overlaps another one on the same day." in raised.messages  # fields.setdefault
    assert "Text may not contain NUL characters." in raised.messages  # a helper's returned fields
    assert "You can hold at most {limit} upcoming appointments." in raised.messages  # a Message template
    assert "Use a 24-hour time like 09:30." in raised.messages  # a validator's ValueError
    assert "Nothing is here." in raised.messages  # the HTTP errors' table


def test_every_message_the_code_raises_has_bangla(raised):
    assert untranslated(raised.messages, BANGLA) == []


def test_no_message_is_built_from_pieces(raised):
    # An f-string or `+` makes text the catalogue cannot look up: write it as Message("... {value} ...", value=...).
    assert raised.untranslatable == []


def test_every_form_check_message_has_bangla():
    assert untranslated(validation_messages(), BANGLA) == []


def test_the_catalogue_is_bangla_with_the_same_values(raised):
    known = set(raised.messages) | set(validation_messages())
    assert sorted(set(BANGLA) - known) == [], "entries for messages the code no longer raises"
    for english, bangla in BANGLA.items():
        assert BANGLA_SCRIPT.search(bangla), english
        # The Bangla may leave a value out (a role name in English would read badly), never invent one.
        assert set(PLACEHOLDER.findall(bangla)) <= set(PLACEHOLDER.findall(english)), english
        assert not bangla.endswith("."), f"Bangla sentences end with '।': {english}"


# ---- (b) the check can fail -------------------------------------------------------------------

SAMPLE = '''
from backend.errors import InvalidInput, NotFound
from backend.messages import Message

MISSING = "No such teapot."


class TeapotGone(NotFound):
    status, code, message = 404, "teapot_gone", "The teapot went for a walk."


def brew(cups):
    fields = {}
    fields["pot"] = "The pot is cold."
    fields.setdefault("lid", "Put the lid on.")
    if cups:
        raise InvalidInput(fields=fields)
    raise NotFound(MISSING, fields={"cup": Message("At most {cups} cups.", cups=cups)})


def pour(minutes):
    if minutes > 5:
        raise NotFound(f"Wait {minutes} minutes.")
    raise InvalidInput("Pour " + "gently.")


def check(value):
    if value:
        raise ValueError("Stir twice.")
    raise ValueError(f"internal: unexpected {value!r}")
'''


def test_the_reader_finds_each_kind_of_message_and_every_built_up_one():
    backend_classes = error_classes({path: ast.parse(source) for path, source in backend_sources().items()})
    found = read_messages({BACKEND / "teapot.py": SAMPLE}, backend_classes)
    assert set(found.messages) == {"No such teapot.", "The teapot went for a walk.", "The pot is cold.",
                                   "Put the lid on.", "At most {cups} cups.", "Stir twice."}
    assert {line.split(": ", 1)[1] for line in found.untranslatable} == {"f'Wait {minutes} minutes.'",
                                                                         "'Pour ' + 'gently.'"}
    # The real check fails on them: nothing here has Bangla.
    with pytest.raises(AssertionError):
        assert untranslated(found.messages, BANGLA) == []


def test_the_check_fails_when_an_entry_is_removed(raised):
    damaged = dict(BANGLA)
    del damaged["This slot has just been taken. Please choose another one."]
    assert untranslated(raised.messages, damaged) != []
    del damaged["This is required."]
    assert untranslated(validation_messages(), damaged) != []


# ---- choosing the language and translating ----------------------------------------------------

@pytest.mark.parametrize(("saved", "accepted", "expected"), [
    ("bn", "en", "bn"), ("en", "bn", "en"), (None, "bn", "bn"), (None, None, "en"), ("fr", None, "en"),
])
def test_the_saved_language_wins_over_the_browser(saved, accepted, expected):
    assert choose_language(saved, accepted) == expected


def test_a_message_with_values_is_the_english_text_and_translates_with_bangla_digits():
    text = Message("Too many attempts. Please try again in {minutes} minutes.", minutes=15)
    assert text == "Too many attempts. Please try again in 15 minutes."
    assert translate(text, "bn") == "অনেকবার চেষ্টা করা হয়েছে। ১৫ মিনিট পরে আবার চেষ্টা করুন।"
    assert translate(text, "en") == text
    # It survives a ValueError (str(error)), as the symptom check's answers read it.
    assert translate(str(ValueError(text)), "bn") == translate(text, "bn")


# ---- (d) what has no entry stays English ------------------------------------------------------

def test_unknown_text_falls_back_to_english():
    assert translate("A sentence nobody has translated.", "bn") == "A sentence nobody has translated."
    assert translate(Message("Wait {n} hours.", n=3), "bn") == "Wait 3 hours."
    assert translate("This is required.", "fr") == "This is required."
    assert translate(None, "bn") is None


def test_a_bangla_entry_that_does_not_fit_its_values_falls_back_to_english(monkeypatch):
    monkeypatch.setitem(CATALOGUES["bn"], "Wait {n} hours.", "{hours} ঘণ্টা অপেক্ষা করুন।")
    assert translate(Message("Wait {n} hours.", n=3), "bn") == "Wait 3 hours."


# ---- (c) real endpoints ------------------------------------------------------------------------

BN = {"Accept-Language": "bn-BD,bn;q=0.9,en;q=0.5"}
EN = {"Accept-Language": "en-GB,en;q=0.9"}


def bangla(english: str, **values) -> str:
    """The Bangla the catalogue gives for this English text (with its values)."""
    text = translate(Message(english, **values) if values else english, "bn")
    assert BANGLA_SCRIPT.search(text), f"no Bangla for {english!r}"
    return text


def error_of(response, status: int, code: str) -> dict:
    body = response.get_json()
    assert response.status_code == status, body
    assert body["error"]["code"] == code, body
    return body["error"]


def too_long_a_range() -> str:
    from datetime import timedelta

    from backend.services.clock import clinic_today

    today = clinic_today()
    return f"from={today.isoformat()}&to={(today + timedelta(days=MAX_RANGE_DAYS + 5)).isoformat()}"


def test_a_visitor_reads_errors_in_the_language_the_browser_asks_for(client, factory):
    doctor = factory.doctor()
    cases = [
        # (method, url, body, status, code, English message, {field: English field message})
        ("post", "/auth/login", {"email": "nobody@example.com", "password": "wrong-password"}, 401,
         "invalid_credentials", "The email or password is not correct.", {}),
        ("post", "/auth/register", {"email": "asha@example.com", "password": "short", "full_name": "Asha",
                                    "phone": "call me"}, 400, "invalid_input", "Some fields are invalid.",
         {"password": ("Use at least {min_length} characters.", {"min_length": 8}),
          "phone": ("Enter a phone number using digits, spaces, +, ( ) or -, at least 5 characters.", {})}),
        ("get", "/api/doctors/999999/availability", None, 404, "not_found", "No such doctor.", {}),
        ("get", f"/api/doctors/{doctor.id}/availability?{too_long_a_range()}", None, 400, "invalid_input",
         ("Ask for at most {days} days at a time.", {"days": MAX_RANGE_DAYS}), {"to": ("Range too long.", {})}),
        ("get", "/api/no-such-thing", None, 404, "not_found", "Nothing is here.", {}),
    ]
    for method, url, body, status, code, message, fields in cases:
        english, values = message if isinstance(message, tuple) else (message, {})
        default = error_of(getattr(client, method)(url, json=body), status, code)
        in_bangla = getattr(client, method)(url, json=body, headers=BN)
        translated = error_of(in_bangla, status, code)
        assert default["message"] == Message(english, **values), url
        assert translated["message"] == bangla(english, **values), url
        assert in_bangla.headers["Content-Language"] == "bn"
        assert "Accept-Language" in in_bangla.headers["Vary"]
        for name, (field_english, field_values) in fields.items():
            assert default["fields"][name] == Message(field_english, **field_values), (url, name)
            assert translated["fields"][name] == bangla(field_english, **field_values), (url, name)
        assert set(translated["fields"]) == set(default["fields"])
        # An English browser reads English.
        assert error_of(getattr(client, method)(url, json=body, headers=EN), status, code) == default


def test_too_many_failed_logins_say_how_long_to_wait_in_bangla(client, app):
    attempt = {"email": "someone@example.com", "password": "wrong-password"}
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        error_of(client.post("/auth/login", json=attempt, headers=BN), 401, "invalid_credentials")
    error = error_of(client.post("/auth/login", json=attempt, headers=BN), 429, "too_many_attempts")
    minutes = app.config["LOGIN_LOCKOUT_MINUTES"]
    assert error["message"] == bangla("Too many attempts. Please try again in {minutes} minutes.", minutes=minutes)
    assert "১৫" in error["message"] or minutes != 15  # the wait in Bangla digits


def bangla_reader(factory, client, language: str | None):
    from backend.extensions import db

    patient = factory.patient()
    patient.user.language = language
    db.session.commit()
    client.login(patient.user.email)
    return patient


def test_a_patient_who_chose_bangla_reads_bangla_whatever_the_browser_says(client, factory, make_appointment):
    bangla_reader(factory, client, "bn")
    taken = make_appointment().slot_id
    for headers in ({}, EN):
        error = error_of(client.post("/patient/appointments", json={"slot_id": taken}, headers=headers), 409,
                         "slot_taken")
        assert error["message"] == "এই সময়টি এইমাত্র অন্য কেউ নিয়ে নিয়েছে। অনুগ্রহ করে অন্য একটি সময় বেছে নিন।"
        error = error_of(client.put("/patient/profile", json={"full_name": "x" * 121, "sex": "unknown"},
                                    headers=headers), 400, "invalid_input")
        assert error["message"] == bangla("Some fields are invalid.")
        assert error["fields"] == {"full_name": "সর্বোচ্চ ১২০টি অক্ষর ব্যবহার করুন।",
                                   "sex": bangla("Choose female, male or other.")}


def test_a_patient_who_chose_english_reads_english_in_a_bangla_browser(client, factory, make_appointment):
    bangla_reader(factory, client, "en")
    taken = make_appointment().slot_id
    error = error_of(client.post("/patient/appointments", json={"slot_id": taken}, headers=BN), 409, "slot_taken")
    assert error["message"] == "This slot has just been taken. Please choose another one."


def test_a_patient_who_has_not_chosen_follows_the_browser(client, factory, make_appointment):
    bangla_reader(factory, client, None)
    taken = make_appointment().slot_id
    assert error_of(client.post("/patient/appointments", json={"slot_id": taken}, headers=BN), 409,
                    "slot_taken")["message"] == bangla("This slot has just been taken. Please choose another one.")
    assert error_of(client.post("/patient/appointments", json={"slot_id": taken}), 409,
                    "slot_taken")["message"] == "This slot has just been taken. Please choose another one."


def test_an_admin_who_chose_bangla_reads_a_service_message_with_its_values(client, factory):
    from backend.extensions import db

    admin = factory.admin()
    admin.language = "bn"
    db.session.commit()
    client.login(admin.email)
    error = error_of(client.get("/admin/audit?date_from=1990-01-01"), 400, "invalid_input")
    assert error["fields"] == {"date_from": "২০০০ থেকে ২৯৯৯ সালের মধ্যে একটি তারিখ বেছে নিন।"}


# ---- (d) over HTTP: an unlisted message is English, never a 500 -------------------------------

def test_an_unlisted_message_is_answered_in_english(client, monkeypatch):
    from backend.errors import RuleViolation
    from backend.services.directory import doctors

    def refuse(**_kw):
        raise RuleViolation("A sentence nobody has translated.", fields={"q": Message("Wait {n} hours.", n=2)})

    monkeypatch.setattr(doctors, "public_doctors_body", refuse)
    error = error_of(client.get("/api/doctors", headers=BN), 422, "rule_violation")
    assert error["message"] == "A sentence nobody has translated."
    assert error["fields"] == {"q": "Wait 2 hours."}


def test_an_unexpected_error_is_a_500_in_bangla(client, monkeypatch):
    from backend.services.directory import doctors

    def crash(**_kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(doctors, "public_doctors_body", crash)
    error = error_of(client.get("/api/doctors", headers=BN), 500, "internal_error")
    assert error["message"] == bangla("Something went wrong on our side. Please try again.")


@pytest.mark.parametrize("header", ["", "*", "fr-FR, de;q=0.5", ";;;q=abc,,", "bn;q=0, en", "x" * 500, "বাংলা"])
def test_any_accept_language_header_gets_an_answer(client, header):
    error = error_of(client.get("/api/doctors/999999/availability", headers={"Accept-Language": header}), 404,
                     "not_found")
    assert error["message"] == "No such doctor."


# ---- the app's side: api.js --------------------------------------------------------------------

API_SCRIPT = """
Object.defineProperty(globalThis, 'navigator', { value: { languages: ['en'], language: 'en' }, configurable: true })
globalThis.localStorage = { getItem: () => null, setItem: () => {} }
globalThis.document = { documentElement: {}, createElement: () => ({}) }
const sent = []
let answer = null
globalThis.fetch = async (url, options) => {
  sent.push({ url, language: options.headers['Accept-Language'] })
  if (answer === 'offline') throw new TypeError('Failed to fetch')
  return new Response('<html>not the error shape</html>', { status: answer, headers: { 'Content-Type': 'text/html' } })
}
const base = %s
const { api } = await import(new URL('./api.js', base))
const { setLocale } = await import(new URL('./i18n.js', base))
const seen = {}
for (const locale of ['en', 'bn']) {
  setLocale(locale)
  for (const status of [503, 404, 502, 'offline']) {
    answer = status
    try {
      await api.get('/api/doctors')
    } catch (error) {
      seen[`${locale} ${status}`] = error.message
    }
  }
  answer = 503
  await api.post('/patient/appointments', { slot_id: 1 }).catch(() => null)  // the CSRF token's request too
}
process.stdout.write(JSON.stringify({ seen, sent }))
"""


@pytest.fixture(scope="module")
def app_side(tmp_path_factory):
    return run_node_json(tmp_path_factory.mktemp("api"),
                         API_SCRIPT % json.dumps((BACKEND.parent / "frontend" / "api.js").as_uri()))


def test_the_app_asks_for_the_chosen_language_on_every_request(app_side):
    languages = [(request["url"], request["language"]) for request in app_side["sent"]]
    assert ("/auth/csrf", "bn") in languages and ("/auth/csrf", "en") in languages
    assert {language for _url, language in languages} == {"en", "bn"}
    assert languages[:5] == [("/api/doctors", "en")] * 4 + [("/auth/csrf", "en")]
    assert all(language == "bn" for _url, language in languages[5:])


def test_the_apps_own_messages_follow_the_chosen_language(app_side):
    seen = app_side["seen"]
    assert seen["en 503"] == "The service is temporarily unavailable. Please try again shortly."
    assert seen["bn 503"] == "সেবাটি সাময়িকভাবে বন্ধ আছে। একটু পরে আবার চেষ্টা করুন।"
    assert seen["en 404"] == "We could not find that."
    assert seen["bn 404"] == "এটি খুঁজে পাওয়া যায়নি।"
    assert seen["en 502"] == "Something went wrong (502)."
    assert seen["bn 502"] == "কিছু একটা সমস্যা হয়েছে (৫০২)।"
    assert seen["en offline"] == "Cannot reach CareQueue. Check your connection and try again."
    assert BANGLA_SCRIPT.search(seen["bn offline"])
