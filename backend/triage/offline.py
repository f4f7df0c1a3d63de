"""The offline red-flag check, generated from the knowledge base for the browser.

With no connection the app can only say one of two things: "emergency: call the
emergency number now", or "we will assess this when you are back online". It
decides with the rules exported here, built from the same knowledge files as the
engine, so there is no second, hand-written copy to drift:

- every condition whose level is `emergency`, with its `requires` groups,
  `supports`/`min_supports` and the findings of its `unless`;
- every `raise` rule that lifts a condition to `emergency` (the condition's
  `requires` plus the rule's findings). The browser does not read numbers, so a
  rule's number tests (age, temperature, duration) are taken to hold when the
  rule also names a finding: offline, with no one to ask, "call now" is the safe
  side of doubt. A rule made of number tests alone is left to the server (taking
  those to hold raised false alarms from 0.5% to 5%); every offline entry is
  assessed in full once the connection is back.

Each term is exported as its phrases (a finding's name and synonyms, or the
term itself), written as in the files: the browser folds case, word endings and
Bangla digits the same way on both sides.

    python -m backend.triage.offline > red_flags.json
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from typing import Any

from . import knowledge, reader
from .knowledge import BUILTIN_SYNONYMS, KnowledgeBase, Test

FORMAT = 1


def _term_key(item: Any) -> str | None:
    """The concept a term or test stands for, or None for a numeric test the browser cannot check."""
    if isinstance(item, Test):
        return item.value if item.kind == "context" and isinstance(item.value, str) else None
    return str(item)


def _phrases(kb: KnowledgeBase, concept: str) -> list[str]:
    if concept in kb.findings:
        return list(dict.fromkeys([concept, *kb.findings[concept]]))
    if concept in BUILTIN_SYNONYMS:
        return list(dict.fromkeys([concept, *BUILTIN_SYNONYMS[concept]]))
    return [concept]


def _rule(condition, extra: list[str], why: str) -> dict:
    return {
        "id": condition.id,
        "name": condition.name,
        "why": why,
        "all": [list(group) for group in condition.requires] + [[item] for item in extra],
        # Supports only matter when some are required; the score they add does not change the level.
        "supports": list(condition.supports) if condition.min_supports else [],
        "min_supports": condition.min_supports,
        "unless": [key for key in (_term_key(item) for item in condition.unless) if key],
    }


def red_flag_rules(kb: KnowledgeBase) -> dict:
    """The emergency rules and the phrases of every concept they name."""
    rules: list[dict] = []
    skipped = 0
    for condition in kb.conditions:
        if condition.level == "emergency":
            rules.append(_rule(condition, [], condition.name))
            continue
        for raised in condition.raises:
            if raised.level != "emergency":
                continue
            keys = [key for key in (_term_key(item) for item in raised.items) if key is not None]
            if not keys:
                skipped += 1  # number tests alone (e.g. "age >= 50"): left to the server
                continue
            rules.append(_rule(condition, keys, raised.why))
    concepts = sorted({term for rule in rules
                       for term in [*(t for group in rule["all"] for t in group), *rule["supports"], *rule["unless"]]})
    return {
        "format": FORMAT,
        "version": kb.version,
        "skip_words": sorted(reader.SKIP),
        "phrases": {concept: _phrases(kb, concept) for concept in concepts},
        "rules": rules,
        "left_to_server": skipped,
    }


@lru_cache(maxsize=4)
def _cached(version: str) -> dict:
    return red_flag_rules(knowledge.load())


def export() -> dict:
    """The rules for the current knowledge base (compiled once per version)."""
    return _cached(knowledge.load().version)


if __name__ == "__main__":
    json.dump(export(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
