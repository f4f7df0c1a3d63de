"""What a symptom check shows a patient, in the patient's language.

The knowledge files are written in English (with advice in en and bn). The
Bangla for everything else a patient reads is an overlay beside them,
`knowledge/translations/bn.yaml`, keyed by the English text:

- `conditions`: condition id -> name;
- `findings`: finding name (or a condition's own phrase) -> name;
- `ask`: a raise rule's question; `why`: a raise rule's reason;
- `sentences`: the fixed sentences the engine and the clinic service write, with
  `{placeholders}` for what they fill in (a level, a specialty, a number...);
- `levels`, `specialties`, `words`: the short words those sentences are built from.

Assessments keep the English the engine wrote (what the doctors read); a
patient's answer is put into their language when it is shown, so switching
language re-renders old answers too. Text with no translation is shown as it
was written: a missing entry never makes an error.

    python -m backend.triage.translations skeleton [LANGUAGE]

adds every ask, why, condition and finding of the current knowledge base that
the overlay lacks (with an empty translation) and keeps the entries already
there, also those the knowledge base no longer has (old answers still use them).
`python -m backend.triage.kbcheck` counts what is still untranslated.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import engine
from .knowledge import BUILTIN_SYNONYMS, KNOWLEDGE_DIR, SPECIALTIES, KnowledgeBase, build, load

log = logging.getLogger(__name__)
# The overlay is long: read it with libyaml when PyYAML has it (ten times faster), safely either way.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TRANSLATIONS_DIRNAME = "translations"
LANGUAGES = ("en", "bn")
TEXT_KINDS = ("conditions", "findings", "ask", "why")
WORD_KINDS = ("levels", "specialties", "words")
ALL_KINDS = (*TEXT_KINDS, "sentences", *WORD_KINDS)
# What every overlay must translate: each rule's question, reason and condition name, and the fixed
# sentences and words (the knowledge check counts the gaps; a test fails on any).
REQUIRED_KINDS = ("conditions", "ask", "why", "sentences", *WORD_KINDS)

# The fixed English the engine (engine.py, decide.py, advice_safety.py) and the clinic service
# (services/triage/assessments.py) write into an answer; `{name}` is what they fill in. A placeholder's
# kind is its name: level, number, specialty, source, reasons ("; "-joined reasons), terms (", "-joined
# finding names), drugs (" or "-joined medicine words); anything else is looked up as text.
FIXED_SENTENCES = (
    engine.NOT_UNDERSTOOD,
    engine.NO_CONDITION,
    "{condition} ({level}): {reasons} [{source}]",
    "{condition} ({level}): {reasons}",
    "Pediatrics chosen for a patient under {number}.",
    "{specialty} is not offered at this clinic, so General Medicine is recommended instead.",
    "found {terms}",
    "missing one of: {terms}",
    "{count} of {needed} supporting findings",
    "ruled out by '{term}'",
    "The clinical rules raised the urgency from {from_level} to {to_level}: {reasons}.",
    ("The suggested advice named a medicine the patient's record rules out, so the clinic's standard advice is "
     "given instead."),
    "Your answers raised the level from {from_level} to {to_level}.",
    "Your answers did not change the level.",
    "Call {number} or go to the nearest emergency department now.",
    "No {specialty} doctor has a free slot in time, so these General Medicine doctors are suggested instead.",
    "No doctor has a free slot within 24 hours. Please call the clinic or visit an urgent care centre today.",
    "No doctor has a free slot in the next two weeks. Please call the clinic.",
    "Don't take {drugs}: {reason}.",
    "Tell the call handler or paramedics about this; they will give what is safe for you.",
    "Ask a pharmacist which painkiller is safe for you.",
    "Paracetamol is the usual choice for pain or fever instead (follow the dose on the pack).",
    ("Before taking ibuprofen or aspirin, check that you are not allergic to them, do not take a blood thinner "
     "(such as warfarin, apixaban or rivaroxaban), have no stomach ulcer or kidney disease and are not pregnant; "
     "if any of these applies, take paracetamol instead or ask a pharmacist."),
    "your record lists an allergy to {drug}",
    "your record says {drug} affects you",
    "your record lists {drug}, a blood thinner, and together they raise the risk of bleeding",
    "you take {drug}, a blood thinner, and together they raise the risk of bleeding",
    "your record lists a blood thinner, and together they raise the risk of bleeding",
    "you take a blood thinner, and together they raise the risk of bleeding",
    "your record lists {drug}, and together they raise the risk of bleeding",
    "your record lists {drug}, which does not mix safely with them",
    "your record lists {illness}",
    "they are not recommended in pregnancy",
    "it is not given to children under 16",
)
FIXED_WORDS = {
    "levels": ("emergency", "urgent", "routine", "self_care"),
    "specialties": SPECIALTIES,
    "words": ("years", "days", "°C", "female", "male", "aspirin", "paracetamol", "ibuprofen", "naproxen",
              "diclofenac", "mefenamic acid", "other anti-inflammatory painkillers",
              "anti-inflammatory painkillers such as ibuprofen", "stomach ulcer", "kidney disease", "heart failure",
              "warfarin", "apixaban", "rivaroxaban", "clopidogrel", "methotrexate", "lithium", "steroids"),
}
BANGLA = re.compile(r"[\u0980-\u09FF]")
_BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def _in_bangla_digits(text: str) -> str:
    return text.translate(_BANGLA_DIGITS) if re.search(r"[0-9]", text) else text
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_SENTENCE_END = re.compile(r"[.!?।](?=\s|$)")


def translations_dir(knowledge_dir: Path | str = KNOWLEDGE_DIR) -> Path:
    return Path(knowledge_dir) / TRANSLATIONS_DIRNAME


def overlay_path(language: str, knowledge_dir: Path | str = KNOWLEDGE_DIR) -> Path:
    return translations_dir(knowledge_dir) / f"{language}.yaml"


# ---------------------------------------------------------------------------
# The overlay file.
# ---------------------------------------------------------------------------

@dataclass
class Overlay:
    language: str
    sections: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> English (or id) -> translation

    def get(self, kind: str, key: str) -> str | None:
        value = self.sections.get(kind, {}).get(key)
        return value if value else None


def read_overlay(path: Path) -> tuple[Overlay, list[str]]:
    """The overlay at `path` and the problems found in it (a broken file reads as empty, never raises)."""
    language = path.stem
    overlay = Overlay(language, {kind: {} for kind in ALL_KINDS})
    if not path.exists():
        return overlay, [f"{path.name}: not found"]
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as error:
        return overlay, [f"{path.name}: cannot be read: {error}".replace("\n", " ")]
    if not isinstance(data, dict):
        return overlay, [f"{path.name}: must be a mapping of kinds ({', '.join(ALL_KINDS)})"]
    problems = []
    for kind, block in data.items():
        if kind == "language":
            continue
        if kind not in ALL_KINDS:
            problems.append(f"{path.name}: unknown kind '{kind}' (one of {', '.join(ALL_KINDS)})")
            continue
        if block is None:
            continue
        if not isinstance(block, dict):
            problems.append(f"{path.name}: '{kind}' must map the English text to its translation")
            continue
        for key, value in block.items():
            if value is not None and not isinstance(value, str):
                problems.append(f"{path.name}: {kind}: '{key}': the translation must be text")
                continue
            overlay.sections[kind][" ".join(str(key).split())] = (value or "").strip()
    return overlay, problems


@lru_cache(maxsize=16)
def _cached_overlay(path: str, mtime_ns: int) -> Overlay:
    overlay, problems = read_overlay(Path(path))
    for problem in problems:
        log.warning("triage translations: %s", problem)
    return overlay


def load_overlay(language: str, knowledge_dir: Path | str = KNOWLEDGE_DIR) -> Overlay:
    """The overlay for `language`, read again only when the file changes; empty when there is none."""
    path = overlay_path(language, knowledge_dir)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return Overlay(language, {kind: {} for kind in ALL_KINDS})
    return _cached_overlay(str(path), mtime)


# ---------------------------------------------------------------------------
# What the knowledge base asks to be translated.
# ---------------------------------------------------------------------------

def knowledge_texts(kb: KnowledgeBase) -> dict[str, dict[str, str]]:
    """kind -> key -> a note for the translator (the English name of a condition, else '')."""
    texts: dict[str, dict[str, str]] = {kind: {} for kind in ALL_KINDS}
    texts["sentences"] = {" ".join(sentence.split()): "" for sentence in FIXED_SENTENCES}
    for kind, words in FIXED_WORDS.items():
        texts[kind] = {word: "" for word in words}
    for condition in kb.conditions:
        texts["conditions"][condition.id] = condition.name
        for rule in condition.raises:
            if rule.ask:
                texts["ask"].setdefault(" ".join(rule.ask.split()), "")
            if rule.why:
                texts["why"].setdefault(" ".join(rule.why.split()), "")
    names = set(kb.findings) | set(BUILTIN_SYNONYMS)
    for condition in kb.conditions:
        names.update(t for group in condition.requires for t in group)
        names.update(condition.supports)
        names.update(t for t in condition.unless if isinstance(t, str))
        names.update(t for rule in condition.raises for t in rule.items + rule.unless if isinstance(t, str))
    for name in sorted(names):
        texts["findings"][name] = ""
    return texts


def missing(kb: KnowledgeBase, overlay: Overlay, kinds: Iterable[str] = REQUIRED_KINDS) -> dict[str, list[str]]:
    """kind -> the knowledge base's texts the overlay has no translation for."""
    texts = knowledge_texts(kb)
    return {kind: [key for key in texts[kind] if not overlay.get(kind, key)] for kind in kinds}


# ---------------------------------------------------------------------------
# Translating what an assessment stored.
# ---------------------------------------------------------------------------

_LEVEL_WORDS = "emergency|urgent|routine|self[ _]care"
_PLACEHOLDER_PATTERNS = {"level": _LEVEL_WORDS, "from_level": _LEVEL_WORDS, "to_level": _LEVEL_WORDS,
                         "number": r"[0-9০-৯+]+", "count": r"\d+", "needed": r"\d+", "source": r"[^\[\]]+"}


def _template_regex(template: str) -> re.Pattern:
    parts, last = [], 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last:match.start()]))
        name = match.group(1)
        parts.append(f"(?P<{name}>{_PLACEHOLDER_PATTERNS.get(name, '.+?')})")
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


@dataclass
class _Sentence:
    regex: re.Pattern
    target: str


class Translator:
    """Puts the English an assessment stored into one language; the identity for English.

    Advice is the one part stored in the patient's language at the time (the engine writes it in
    en or bn): `advice` renders it in this translator's language whichever it was stored in.
    """

    def __init__(self, language: str, kb: KnowledgeBase, overlay: Overlay, english_advice: dict[str, str],
                 bangla_advice: dict[str, str]):
        self.language = language
        self.kb = kb
        self.overlay = overlay
        self.english = language == "en"
        sections = overlay.sections
        by_name: dict[str, str] = {}
        for condition in kb.conditions:
            name = overlay.get("conditions", condition.id)
            if name:
                by_name.setdefault(condition.name, name)
        self._names = by_name
        self._exact: dict[str, str] = {}
        for table in (sections.get("findings", {}), sections.get("ask", {}), sections.get("why", {}), by_name):
            self._exact.update({key: value for key, value in table.items() if value})
        self._sentences: list[_Sentence] = []
        # The most specific sentences first: the one with a [source] before the one without.
        by_literal = sorted(sections.get("sentences", {}).items(),
                            key=lambda item: len(_PLACEHOLDER.sub("", item[0])), reverse=True)
        for english, translated in by_literal:
            if not translated:
                continue
            if _PLACEHOLDER.search(english):
                self._sentences.append(_Sentence(_template_regex(english), translated))
            else:
                self._exact.setdefault(english, translated)
        self._whys = sorted((key for key, value in sections.get("why", {}).items() if value), key=len, reverse=True)
        self._advice_pieces = self._build_advice_pieces(english_advice, bangla_advice)

    # ---- small words ----------------------------------------------------------

    def level(self, level: str | None) -> str:
        if not level:
            return level or ""
        key = level.strip().replace(" ", "_")
        return (None if self.english else self.overlay.get("levels", key)) or level.replace("_", " ")

    def specialty(self, name: str | None) -> str | None:
        if not name or self.english:
            return name
        return self.overlay.get("specialties", name) or name

    def word(self, word: str | None) -> str | None:
        if not word or self.english:
            return word
        return self.overlay.get("words", word) or word

    def number(self, value: str) -> str:
        return value if self.english else value.translate(_BANGLA_DIGITS)

    # ---- text the engine wrote ---------------------------------------------------

    def text(self, english: str | None) -> str | None:
        """One stored English text in this language: a known entry, a known sentence, else as it was."""
        if not english or self.english or not isinstance(english, str):
            return english
        key = " ".join(english.split())
        found = self._exact.get(key)
        if found:
            return found
        for sentence in self._sentences:
            match = sentence.regex.match(key)
            if match:
                return self._fill(sentence.target, match.groupdict())
        return english

    def condition_name(self, condition_id: str | None, english: str | None) -> str | None:
        if self.english:
            return english
        return (self.overlay.get("conditions", condition_id) if condition_id else None) or self.text(english)

    def _fill(self, template: str, values: dict[str, str]) -> str:
        def one(match: re.Match) -> str:
            name = match.group(1)
            value = values.get(name, "")
            return self._placeholder(name, value)
        return _PLACEHOLDER.sub(one, template)

    def _placeholder(self, name: str, value: str) -> str:
        kind = name.rstrip("0123456789")
        if kind in ("level", "from_level", "to_level"):
            return self.level(value)
        if kind in ("number", "count", "needed", "age"):
            return self.number(value)
        if kind == "specialty":
            return self.specialty(value) or value
        if kind == "source":
            return value
        if kind == "reasons":
            if value.startswith("found "):
                return self._condition_why(value)
            return self._joined(value, "; ", self._whys)
        if kind == "terms":
            more = value.endswith("...")
            terms = value[:-3] if more else value
            return self._list(terms, ", ") + ("…" if more else "")
        if kind == "drugs":
            return " বা ".join(self.word(part) or part for part in value.split(" or ")) if not self.english else value
        found = self.text(value)
        return found if found != value else (self.word(value) or value)

    def _list(self, value: str, separator: str) -> str:
        return ", ".join(self.text(part) or part for part in value.split(separator))

    def _joined(self, value: str, separator: str, known: list[str]) -> str:
        """"A; B" where A and B are known texts that may hold the separator themselves."""
        whole = self.text(value)
        if whole != value:
            return whole
        out, rest = [], value
        while rest:
            piece = next((k for k in known if rest == k or rest.startswith(k + separator)), None)
            if piece is None:
                piece = rest.split(separator, 1)[0]
            out.append(self.text(piece) or piece)
            rest = rest[len(piece) + len(separator):] if len(rest) > len(piece) else ""
        return "; ".join(out)

    # ---- rows of an assessment ------------------------------------------------------

    def question(self, question: dict) -> dict:
        if self.english:
            return dict(question)
        out = dict(question)
        out["text"] = self.text(question.get("text")) or question.get("text")
        out["why"] = self.text(question.get("why")) or question.get("why")
        if question.get("unit"):
            out["unit"] = self.word(question["unit"])
        if question.get("options"):
            out["option_labels"] = {option: self.word(option) for option in question["options"]}
        return out

    def finding(self, row: dict) -> dict:
        if self.english:
            return dict(row)
        name = row.get("name")
        return {**row, "name": self.text(name) or name, "key": name}

    def condition(self, row: dict) -> dict:
        if self.english:
            return dict(row)
        out = dict(row)
        out["name"] = self.condition_name(row.get("id"), row.get("name"))
        out["why"] = self._condition_why(row.get("why"))
        out["raised_by"] = [self.text(why) or why for why in row.get("raised_by") or []]
        out["specialty"] = self.specialty(row.get("specialty"))
        return out

    def _condition_why(self, why: str | None) -> str | None:
        if not why or not isinstance(why, str):
            return why
        if why.startswith("found "):
            template = self.overlay.get("sentences", "found {terms}")
            if template:
                return self._fill(template, {"terms": why[len("found "):]})
        return self.text(why)

    # ---- advice ----------------------------------------------------------------------

    def _build_advice_pieces(self, english: dict[str, str], bangla: dict[str, str]) -> list[tuple[re.Pattern, str]]:
        """Every piece of advice known in both languages, matched in either and given in this one."""
        pairs: list[tuple[str, str]] = []
        for condition in self.kb.conditions:
            en, bn = condition.advice.get("en"), condition.advice.get("bn")
            if en and bn:
                pairs.append((" ".join(en.split()), " ".join(bn.split())))
        for level, text in english.items():
            if bangla.get(level):
                pairs.append((" ".join(text.split()), " ".join(bangla[level].split())))
        for en, bn in self.overlay.sections.get("sentences", {}).items():
            if bn and set(_PLACEHOLDER.findall(en)) <= {"number"}:
                pairs.append((en, bn))
        pieces = []
        for en, bn in pairs:
            target = en if self.english else bn
            for source in (en, bn):
                if source.replace("{emergency_number}", "").strip():
                    pieces.append((source, target))
        pieces.sort(key=lambda piece: len(piece[0]), reverse=True)
        compiled = []
        for source, target in pieces:
            template = source.replace("{emergency_number}", "{number}")
            compiled.append((_piece_regex(template), target.replace("{emergency_number}", "{number}")))
        return compiled

    def advice(self, text: str | None) -> str | None:
        """Advice in this language, piece by piece; a piece not known in both languages stays as it was."""
        if not text or not isinstance(text, str):
            return text
        if self.english and not BANGLA.search(text):
            return text
        if not self.english and not re.search(r"[A-Za-z]{2,}", text):
            return _in_bangla_digits(text)  # numbers in Bangla digits, the emergency number too
        pieces, position, changed = [], 0, False
        flat = " ".join(text.split())
        while position < len(flat):
            for regex, target in self._advice_pieces:
                match = regex.match(flat, position)
                if match:
                    rendered = self._fill_advice(target, match.groupdict())
                    changed = changed or rendered != match.group(0)
                    pieces.append(rendered)
                    position = match.end()
                    break
            else:
                end = _SENTENCE_END.search(flat, position)
                stop = end.end() if end else len(flat)
                sentence = flat[position:stop]
                rendered = sentence if self.english else (self.text(sentence) or sentence)
                changed = changed or rendered != sentence
                pieces.append(rendered)
                position = stop
            while position < len(flat) and flat[position] == " ":
                position += 1
        result = " ".join(pieces) if changed else text
        return result if self.english else _in_bangla_digits(result)

    def _fill_advice(self, template: str, values: dict[str, str]) -> str:
        def one(match: re.Match) -> str:
            name = match.group(1)
            value = values.get(name, "")
            # The emergency number as the engine writes it in either language; Latin digits in English.
            return value.translate(_LATIN_DIGITS) if self.english else value
        return _PLACEHOLDER.sub(one, template)


_LATIN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
_BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def _in_bangla_digits(text: str) -> str:
    return text.translate(_BANGLA_DIGITS) if re.search(r"[0-9]", text) else text


def _piece_regex(template: str) -> re.Pattern:
    """A piece of advice at a position: its words with any spacing; `{number}` is the emergency number."""
    parts, last = [], 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(re.sub(r"\s+", " ", template[last:match.start()])))
        parts.append(r"(?P<number>[0-9০-৯+]+)")
        last = match.end()
    parts.append(re.escape(re.sub(r"\s+", " ", template[last:])))
    return re.compile("".join(parts))


@lru_cache(maxsize=8)
def _translator(language: str, kb_version: str, overlay_key: tuple, directory: str | None) -> Translator:
    kb = load(directory)
    overlay = load_overlay(language, Path(directory) if directory else KNOWLEDGE_DIR)
    return Translator(language, kb, overlay, engine.ADVICE["en"], engine.ADVICE["bn"])


def translator(language: str | None, directory: str | None = None) -> Translator:
    """The translator for a patient's language (English when unknown), rebuilt when the files change."""
    language = language if language in LANGUAGES else "en"
    kb = load(directory)
    path = overlay_path(language, Path(directory) if directory else KNOWLEDGE_DIR)
    try:
        key = (str(path), path.stat().st_mtime_ns)
    except OSError:
        key = (str(path), 0)
    return _translator(language, kb.version, key, directory)


# ---------------------------------------------------------------------------
# `python -m backend.triage.translations skeleton [LANGUAGE]`
# ---------------------------------------------------------------------------

HEADER = """\
# {title} for what a symptom check shows a patient: the knowledge files' English,
# keyed by the English text (conditions by id). Format and use: backend/triage/translations.py.
# `python -m backend.triage.translations skeleton {language}` adds what is new in the knowledge
# base with an empty translation (""); `python -m backend.triage.kbcheck` counts what is empty.
# Entries the knowledge base no longer uses are kept: older answers still show them.
"""
SECTION_NOTES = {
    "conditions": "condition id: its name (the English name follows as a comment)",
    "findings": "a finding's name, or a phrase a condition names itself",
    "ask": "a raise rule's question, as the patient reads it",
    "why": "a raise rule's reason (the guideline in brackets stays as written)",
    "sentences": "fixed sentences the engine and the clinic write; {placeholders} are filled in",
    "levels": "the urgency levels inside sentences",
    "specialties": "the clinic's specialties inside sentences",
    "words": "units, answer options and medicine words inside sentences",
}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render_overlay(overlay: Overlay, texts: dict[str, dict[str, str]], title: str) -> str:
    lines = [HEADER.format(title=title, language=overlay.language), f"language: {overlay.language}"]
    for kind in ALL_KINDS:
        existing = overlay.sections.get(kind, {})
        wanted = texts.get(kind, {})
        keys = list(wanted) + sorted(key for key in existing if key not in wanted)
        lines.append("")
        lines.append(f"# {SECTION_NOTES[kind]}")
        lines.append(f"{kind}:" + ("" if keys else " {}"))
        for key in keys:
            note = wanted.get(key) or ""
            comment = f"  # {note}" if kind == "conditions" and note else ""
            if key not in wanted:
                comment = "  # not in the knowledge base now"
            lines.append(f"  {_quoted(key)}: {_quoted(existing.get(key, ''))}{comment}")
    return "\n".join(lines) + "\n"


def skeleton(language: str = "bn", knowledge_dir: Path | str = KNOWLEDGE_DIR) -> dict[str, int]:
    """Write the overlay with every text the knowledge base has; the number of new empty entries per kind."""
    kb = build(knowledge_dir)
    path = overlay_path(language, knowledge_dir)
    overlay, problems = read_overlay(path) if path.exists() else (Overlay(language, {k: {} for k in ALL_KINDS}), [])
    real = [p for p in problems if "not found" not in p]
    if real:
        raise SystemExit("cannot update a broken overlay:\n  " + "\n  ".join(real))
    texts = knowledge_texts(kb)
    added = {kind: sum(1 for key in texts[kind] if key not in overlay.sections.get(kind, {})) for kind in ALL_KINDS}
    path.parent.mkdir(parents=True, exist_ok=True)
    title = {"bn": "Bangla"}.get(language, language)
    path.write_text(render_overlay(overlay, texts, title), encoding="utf-8")
    return added


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "skeleton":
        out("usage: python -m backend.triage.translations skeleton [LANGUAGE]")
        return 2
    language = argv[1] if len(argv) > 1 else "bn"
    added = skeleton(language)
    out(f"{overlay_path(language)}: " + ", ".join(f"{count} new {kind}" for kind, count in added.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
