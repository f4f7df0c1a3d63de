"""Advice that respects the patient: no aspirin or anti-inflammatory painkillers for someone who must not take them.

Every piece of advice a patient is shown, from the knowledge base or from an AI
provider, goes through `filter_advice`. What the patient must avoid is read from
the shared record (allergies, conditions, medications), from what the complaint
itself says ("I'm on warfarin", "I'm 20 weeks pregnant") and from the age:

- an allergy to aspirin or to any anti-inflammatory painkiller (NSAID): neither
  (BNF: cross-sensitivity between aspirin and other NSAIDs);
- a blood thinner (warfarin, apixaban, rivaroxaban, heparin...) or an
  antiplatelet: neither, they add to the bleeding risk (NHS: Ibuprofen, Aspirin);
- pregnancy: neither for pain or fever, paracetamol instead (NHS: Ibuprofen in
  pregnancy; Medicines in pregnancy);
- a stomach ulcer, kidney disease or heart failure, methotrexate, lithium or
  steroids: no NSAIDs (NICE CKS: NSAIDs - prescribing issues);
- under 16: no aspirin (NHS: Reye's syndrome);
- an allergy to paracetamol: no paracetamol.

A sentence that recommends an avoided medicine loses it ("paracetamol or
ibuprofen" becomes "paracetamol"), or goes when nothing else is left, and one
plain sentence says why: "Don't take aspirin: your record lists an allergy to
aspirin." Warnings ("avoid ibuprofen") stay as they are. When the record was
not shared and the advice still names aspirin or an NSAID, it ends with what
to check first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ASPIRIN, NSAID, PARACETAMOL = "aspirin", "nsaid", "paracetamol"

# Lower-case words as written in advice, records and complaints; longest first when matching.
DRUG_WORDS = {
    ASPIRIN: ["aspirin", "acetylsalicylic acid", "disprin", "ecosprin", "অ্যাসপিরিন", "এসপিরিন"],
    NSAID: ["ibuprofen", "naproxen", "diclofenac", "mefenamic acid", "ketoprofen", "ketorolac", "celecoxib",
            "etoricoxib", "indometacin", "indomethacin", "piroxicam", "nurofen", "advil", "brufen", "voltaren",
            "anti-inflammatory painkillers", "anti-inflammatory painkiller", "anti-inflammatory medicines",
            "anti-inflammatory medicine", "anti-inflammatories", "anti-inflammatory", "nsaids", "nsaid",
            "আইবুপ্রোফেন", "ন্যাপ্রোক্সেন", "ডাইক্লোফেনাক"],
    PARACETAMOL: ["paracetamol", "acetaminophen", "tylenol", "calpol", "napa", "প্যারাসিটামল"],
}
ANTICOAGULANTS = ["warfarin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "heparin", "enoxaparin",
                  "clexane", "eliquis", "xarelto", "pradaxa", "blood thinners", "blood thinner", "anticoagulants",
                  "anticoagulant", "doac", "noac"]
ANTIPLATELETS = ["clopidogrel", "ticagrelor", "prasugrel", "dipyridamole"]
NSAID_INTERACTIONS = ["methotrexate", "lithium", "prednisolone", "prednisone", "dexamethasone", "steroids"]
NSAID_CONDITIONS = {
    "stomach ulcer": ["stomach ulcer", "peptic ulcer", "duodenal ulcer", "gastric ulcer", "ulcer", "gi bleed",
                      "stomach bleed"],
    "kidney disease": ["kidney disease", "chronic kidney disease", "ckd", "kidney failure", "renal failure",
                       "renal impairment", "on dialysis", "dialysis"],
    "heart failure": ["heart failure"],
}
PREGNANCY_WORDS = ["pregnant", "pregnancy", "expecting a baby", "গর্ভবতী"]
_NO_ALLERGY = re.compile(r"^\s*(none|no|nil|n/?a|nkda|nka|no known( drug)? allergies|not known|-)\s*\.?\s*$", re.I)

# Words that make a mention a warning rather than a recommendation, when they come just before it.
_WARNING_CUES = re.compile(
    r"\b(avoid\w*|don'?t|do not|does not|never|not|no|instead of|rather than|without|stop\w*|except|unless"
    r"|nor|other than|shouldn'?t|should not|must not|mustn'?t|can'?t|cannot|allerg\w*|says)\b", re.I)
_LIST_GLUE = re.compile(r"^(\s*(,|/|or|and|and/or|such as|like|e\.g\.,?|or other|or similar|other)\s*)+$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?।])\s+")
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
_EMERGENCY_ASPIRIN = re.compile(r"\b(chew|300\s*mg|heart attack|paramedic|ambulance)\b", re.I)
CUE_WINDOW_WORDS = 6


@dataclass
class Cautions:
    """What this patient must not take, each with the plain reason."""

    shared: bool
    avoid: dict[str, list[str]] = field(default_factory=dict)  # drug class -> reasons

    def add(self, drug: str, reason: str) -> None:
        reasons = self.avoid.setdefault(drug, [])
        if reason not in reasons:
            reasons.append(reason)


def _find(words: list[str], text: str) -> str | None:
    lowered = text.lower()
    for word in sorted(words, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered):
            return word
    return None


def _text_of(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value or "")


def cautions_for(history: dict | None, *, shared: bool, age_years: float | None = None,
                 findings: list[dict] | None = None) -> Cautions:
    """Read what to avoid from the shared record, the engine's findings in the complaint, and the age."""
    history = history if isinstance(history, dict) else {}
    cautions = Cautions(shared=shared)
    allergies = _text_of(history.get("allergies"))
    conditions = _text_of(history.get("conditions"))
    medications = _text_of(history.get("medications"))
    own = [row for row in findings or [] if not row.get("negated") and row.get("experiencer", "patient") == "patient"]
    said = {row.get("name") for row in own}

    if allergies and not _NO_ALLERGY.match(allergies):
        aspirin = _find(DRUG_WORDS[ASPIRIN], allergies)
        nsaid = _find(DRUG_WORDS[NSAID], allergies)
        if aspirin or nsaid:
            reason = f"your record lists an allergy to {aspirin or nsaid}"
            cautions.add(ASPIRIN, reason)
            cautions.add(NSAID, reason)
        paracetamol = _find(DRUG_WORDS[PARACETAMOL], allergies)
        if paracetamol:
            cautions.add(PARACETAMOL, f"your record lists an allergy to {paracetamol}")
    # "asthma made worse by ibuprofen" in the conditions is a sensitivity all the same.
    sensitive = _find(DRUG_WORDS[ASPIRIN] + DRUG_WORDS[NSAID], conditions)
    if sensitive:
        cautions.add(ASPIRIN, f"your record says {sensitive} affects you")
        cautions.add(NSAID, f"your record says {sensitive} affects you")

    thinner = (_find(ANTICOAGULANTS, medications) or _find(ANTICOAGULANTS, conditions)
               or next((_find(ANTICOAGULANTS, row.get("text") or "") for row in own if row.get("name") == "anticoagulated"),
                       None))
    if thinner or "anticoagulated" in said:
        named = f"{thinner}, a blood thinner" if thinner and "blood thinner" not in thinner and "anticoag" not in thinner \
            else "a blood thinner"
        where = "your record lists" if _find(ANTICOAGULANTS, medications + " " + conditions) else "you take"
        reason = f"{where} {named}, and together they raise the risk of bleeding"
        cautions.add(ASPIRIN, reason)
        cautions.add(NSAID, reason)
    antiplatelet = _find(ANTIPLATELETS, medications)
    if antiplatelet:
        reason = f"your record lists {antiplatelet}, and together they raise the risk of bleeding"
        cautions.add(ASPIRIN, reason)
        cautions.add(NSAID, reason)
    interacting = _find(NSAID_INTERACTIONS, medications)
    if interacting:
        cautions.add(NSAID, f"your record lists {interacting}, which does not mix safely with them")
    for name, words in NSAID_CONDITIONS.items():
        if _find(words, conditions):
            cautions.add(NSAID, f"your record lists {name}")

    pregnant = ("pregnant" in said or _find(PREGNANCY_WORDS, conditions) is not None
                or history.get("pregnant") is True or str(history.get("pregnant")).lower() in {"yes", "true", "1"})
    if pregnant:
        cautions.add(NSAID, "they are not recommended in pregnancy")
        cautions.add(ASPIRIN, "they are not recommended in pregnancy")
    if age_years is not None and age_years < 16:
        cautions.add(ASPIRIN, "it is not given to children under 16")
    return cautions


# ---- finding mentions in advice ----------------------------------------------

@dataclass
class Mention:
    drug: str
    start: int
    end: int


def _mentions(sentence: str) -> list[Mention]:
    lowered = sentence.lower()
    found: list[Mention] = []
    taken: set[int] = set()
    words = sorted(((drug, word) for drug, items in DRUG_WORDS.items() for word in items), key=lambda p: -len(p[1]))
    for drug, word in words:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            taken |= span
            found.append(Mention(drug, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _groups(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions joined only by list words ("paracetamol or ibuprofen") form one group."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and _LIST_GLUE.match(sentence[groups[-1][-1].end:mention.start] or " "):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


_CAVEAT = re.compile(r"\b(not if|not for|avoid|unless|not in)\b", re.I)


def _is_warning(sentence: str, group: list[Mention]) -> bool:
    for match in _PARENTHESIS.finditer(sentence):
        # "(ibuprofen not if you have asthma...)" is a caveat, not a second recommendation.
        if match.start(1) <= group[0].start < match.end(1) and _CAVEAT.search(match.group(1)):
            return True
    before = re.split(r"[;:]", sentence[:group[0].start])[-1]
    window = " ".join(before.split()[-CUE_WINDOW_WORDS:])
    window = re.sub(r"\bif (you are|you're|they are|he is|she is) not\b", "", window, flags=re.I)
    window = re.sub(r"\bif not\b", "", window, flags=re.I)
    return bool(_WARNING_CUES.search(window))


@dataclass
class Filtered:
    text: str
    removed: dict[str, set[str]]  # drug class -> the words taken out
    still_named: set[str]        # drug classes still recommended in the text
    emergency_aspirin: bool


def _filter_sentence(sentence: str, avoid: set[str], removed: dict[str, set[str]],
                     named: set[str]) -> tuple[str | None, bool]:
    mentions = _mentions(sentence)
    if not mentions:
        return sentence, False
    emergency_aspirin = False
    edits: list[tuple[int, int, str]] = []
    drop = False
    for group in _groups(sentence, mentions):
        if _is_warning(sentence, group):
            continue
        bad = [m for m in group if m.drug in avoid]
        good = [m for m in group if m.drug not in avoid]
        named.update(m.drug for m in good)
        if not bad:
            continue
        for m in bad:
            removed.setdefault(m.drug, set()).add(sentence[m.start:m.end].lower())
            if m.drug == ASPIRIN and _EMERGENCY_ASPIRIN.search(sentence):
                emergency_aspirin = True
        if not good:
            drop = True
            break
        kept = " or ".join(sentence[m.start:m.end] for m in good)
        edits.append((group[0].start, group[-1].end, kept))
    if drop:
        return None, emergency_aspirin
    for start, end, replacement in sorted(edits, reverse=True):
        rest = sentence[end:]
        if " or " not in replacement:  # "paracetamol or ibuprofen help" -> "paracetamol helps"
            rest = re.sub(r"^(\s+)(help|are|work)\b", lambda m: m.group(1) + {"help": "helps", "are": "is",
                                                                            "work": "works"}[m.group(2)], rest)
        sentence = sentence[:start] + replacement + rest
    if edits:
        removed_words = {word for words in removed.values() for word in words}

        def caveat(match: re.Match) -> str:
            inner = match.group(1).lower()
            return "" if inner.strip().startswith("not if") or any(w in inner for w in removed_words) else match.group(0)

        sentence = _PARENTHESIS.sub(caveat, sentence)
        sentence = re.sub(r",?\s*\b(not if|but not if)\b[^.;]*(?=[.;]|$)", "", sentence, flags=re.I)
    return sentence, emergency_aspirin


def _strip(text: str, avoid: set[str]) -> Filtered:
    removed: dict[str, set[str]] = {}
    named: set[str] = set()
    kept, emergency_aspirin = [], False
    for sentence in _SENTENCE_END.split(text.strip()) if text.strip() else []:
        new, urgent_aspirin = _filter_sentence(sentence, avoid, removed, named)
        emergency_aspirin = emergency_aspirin or urgent_aspirin
        if new and new.strip():
            kept.append(new.strip())
    return Filtered(" ".join(kept), removed, named, emergency_aspirin)


# ---- what the patient is told instead -----------------------------------------

def _names(drugs: set[str], removed: dict[str, set[str]]) -> str:
    parts = []
    if ASPIRIN in drugs:
        parts.append("aspirin")
    if NSAID in drugs:
        words = sorted(w for w in removed.get(NSAID, ()) if not w.startswith(("anti", "nsaid")))
        parts.append(f"{' or '.join(words)} or other anti-inflammatory painkillers" if words
                     else "anti-inflammatory painkillers such as ibuprofen")
    if PARACETAMOL in drugs:
        parts.append("paracetamol")
    return " or ".join(parts)


def _instead(cautions: Cautions, filtered: Filtered, language: str) -> list[str]:
    by_reason: dict[str, set[str]] = {}
    for drug in filtered.removed:
        for reason in cautions.avoid.get(drug, [])[:1]:
            by_reason.setdefault(reason, set()).add(drug)
    lines = []
    if language == "bn":
        for reason, drugs in by_reason.items():
            lines.append(f"{_names(drugs, filtered.removed)} খাবেন না: আপনার তথ্য অনুযায়ী এটি আপনার জন্য নিরাপদ নয় "
                         f"({reason}).")
    else:
        for reason, drugs in by_reason.items():
            lines.append(f"Don't take {_names(drugs, filtered.removed)}: {reason}.")
    if filtered.emergency_aspirin:
        lines.append("আপনার অ্যালার্জি ও ওষুধের কথা জরুরি সেবাকর্মীকে জানান।" if language == "bn" else
                     "Tell the call handler or paramedics about this; they will give what is safe for you.")
    painkiller_removed = {NSAID, ASPIRIN} & set(filtered.removed)
    if painkiller_removed and not filtered.emergency_aspirin or NSAID in filtered.removed:
        if PARACETAMOL in cautions.avoid:
            lines.append("কোন ব্যথার ওষুধ আপনার জন্য নিরাপদ তা ফার্মাসিস্টকে জিজ্ঞেস করুন।" if language == "bn" else
                         "Ask a pharmacist which painkiller is safe for you.")
        elif PARACETAMOL not in filtered.still_named:
            lines.append("ব্যথা বা জ্বরের জন্য প্যারাসিটামল নিতে পারেন (প্যাকেটের নিয়ম মেনে)।" if language == "bn" else
                         "Paracetamol is the usual choice for pain or fever instead (follow the dose on the pack).")
    return lines


def _what_to_check(filtered: Filtered, language: str) -> str | None:
    if not ({ASPIRIN, NSAID} & filtered.still_named):
        return None
    if language == "bn":
        return ("আইবুপ্রোফেন বা অ্যাসপিরিন খাওয়ার আগে দেখে নিন: এতে আপনার অ্যালার্জি নেই, আপনি রক্ত পাতলা করার ওষুধ খান না, "
                "পেটে আলসার বা কিডনির রোগ নেই এবং আপনি গর্ভবতী নন; এর কোনোটি থাকলে প্যারাসিটামল নিন বা ফার্মাসিস্টকে জিজ্ঞেস করুন।")
    return ("Before taking ibuprofen or aspirin, check that you are not allergic to them, do not take a blood thinner "
            "(such as warfarin, apixaban or rivaroxaban), have no stomach ulcer or kidney disease and are not "
            "pregnant; if any of these applies, take paracetamol instead or ask a pharmacist.")


def filter_advice(text: str | None, cautions: Cautions, *, language: str = "en", max_chars: int = 2000) -> str:
    """The advice with nothing this patient must avoid, and the plain reason when something was taken out."""
    if not text:
        return text or ""
    filtered = _strip(text, set(cautions.avoid))
    lines = [filtered.text] if filtered.text else []
    lines += _instead(cautions, filtered, language)
    if not cautions.shared:
        check = _what_to_check(filtered, language)
        if check and check not in filtered.text:
            lines.append(check)
    return " ".join(lines)[:max_chars]


def recommends(text: str | None, drug: str) -> bool:
    """True when the text recommends (rather than warns against) a medicine of this class."""
    for sentence in _SENTENCE_END.split(text or ""):
        mentions = _mentions(sentence)
        for group in _groups(sentence, mentions):
            if not _is_warning(sentence, group) and any(m.drug == drug for m in group):
                return True
    return False


def is_safe(text: str | None, cautions: Cautions) -> bool:
    """True when the text recommends nothing this patient must avoid."""
    return not any(recommends(text, drug) for drug in cautions.avoid)


__all__ = ["ASPIRIN", "Cautions", "NSAID", "PARACETAMOL", "cautions_for", "filter_advice", "is_safe", "recommends"]
