"""The real knowledge base in backend/triage/knowledge/: it loads strictly, every
entry has a source and examples in two registers, and every example reaches its
entry's level with the entry among the plausible conditions."""
from __future__ import annotations

import pytest

from backend.triage.engine import URGENCY_RANK, assess
from backend.triage.knowledge import KNOWLEDGE_DIR, REGISTERS, SPECIALTIES, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)  # strict: any invalid file fails here, naming file and entry


def test_every_entry_has_a_source_and_examples_in_two_registers(kb):
    problems = []
    for condition in kb.conditions:
        registers = {example.get("register") for example in condition.examples}
        if not condition.source.strip():
            problems.append(f"{condition.file}: {condition.id}: no source")
        if len(condition.examples) < 2 or len(registers & set(REGISTERS)) < 2:
            problems.append(f"{condition.file}: {condition.id}: needs 2 examples in 2 registers")
    assert not problems, "\n".join(problems)


def test_ids_are_unique_and_specialties_valid(kb):
    ids = [condition.id for condition in kb.conditions]
    assert len(ids) == len(set(ids))
    assert {condition.specialty for condition in kb.conditions} <= set(SPECIALTIES)


def test_every_example_reaches_its_level_and_its_entry_is_plausible(kb):
    failures = []
    for condition in kb.conditions:
        for example in condition.examples:
            result = assess(example["text"], age_years=example.get("age_years"), history=example.get("history"),
                            answers=example.get("answers"), knowledge=kb)
            plausible = {row["id"] for row in result.conditions if row["plausible"]}
            if condition.id not in plausible or URGENCY_RANK[result.urgency] < URGENCY_RANK[condition.level]:
                failures.append(f"{condition.file}: {condition.id}: \"{example['text']}\" -> {result.urgency}, "
                                f"plausible: {sorted(plausible) or 'none'}")
    assert not failures, f"{len(failures)} example(s) fail:\n" + "\n".join(failures)
