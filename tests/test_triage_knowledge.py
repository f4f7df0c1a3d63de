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


def test_no_two_entries_contradict_each_other(kb):
    """An example of a self_care or routine entry must not be answered two or more levels higher by another
    entry (a shared synonym reading the wrong complaint), and two entries with the same `requires` (and the same
    context tests in `unless`) must not disagree about the level."""
    problems = []
    for condition in kb.conditions:
        if condition.level not in ("self_care", "routine"):
            continue
        for example in condition.examples:
            result = assess(example["text"], age_years=example.get("age_years"), history=example.get("history"),
                            answers=example.get("answers"), knowledge=kb)
            if URGENCY_RANK[result.urgency] - URGENCY_RANK[condition.level] >= 2:
                higher = sorted(row["id"] for row in result.conditions if row["plausible"]
                                and row["id"] != condition.id
                                and URGENCY_RANK[row["level"]] >= URGENCY_RANK[result.urgency])
                if higher:  # not the entry's own raise (an example may show one: "...he takes apixaban")
                    problems.append(f"{condition.file}: {condition.id} ({condition.level}): \"{example['text']}\" "
                                    f"-> {result.urgency} by {higher}")
    by_requires: dict[tuple, list] = {}
    for condition in kb.conditions:
        # entries split by a context test in `unless` ("days >= 14" against "days < 14": a Bell's palsy today and
        # one weeks on) never hold together, so they are compared only with entries split the same way
        split = frozenset(term.text for term in condition.unless if hasattr(term, "kind"))
        key = (frozenset(frozenset(group) for group in condition.requires), split)
        by_requires.setdefault(key, []).append(condition)
    for same in by_requires.values():
        if len({condition.level for condition in same}) > 1:
            problems.append("same requires, different levels: "
                            + ", ".join(f"{c.file}: {c.id} ({c.level})" for c in same))
    assert not problems, f"{len(problems)} contradiction(s):\n" + "\n".join(problems)


class _DuplicateKeyLoader(__import__("yaml").SafeLoader):
    """A YAML loader that refuses a key written twice in one mapping (plain YAML keeps the last silently, so a
    second `chest pain:` list in a file would drop the first)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise AssertionError(f"line {key_node.start_mark.line + 1}: {key!r} written twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_knowledge_file_writes_a_key_twice(path):
    import yaml

    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=_DuplicateKeyLoader)


def test_near_terms_try_only_spans_within_reach_and_lose_no_match():
    """An "A ~ B" term is tried only on spans of one clause within reach of each other (a long text repeating the same
    words made every span of every side meet every other); every combination that can match is still tried."""
    import random
    from itertools import pairwise, product

    from backend.triage.knowledge import NEAR_WORDS, _near_combinations

    rng = random.Random(7)
    pruned = 0
    for _ in range(200):
        n = 120
        clause, current = [], 0
        for _ in range(n):
            current += rng.random() < 0.05
            clause.append(current)
        wordpos = list(range(n + 1))
        sides = [sorted({(start, start + length) for start in rng.sample(range(n - 4), rng.randint(1, 12))
                         for length in [rng.randint(1, 3)]}) for _ in range(rng.randint(2, 3))]

        def can_match(combination):
            spans = sorted(combination)
            return len({clause[start] for start, _ in spans}) == 1 and not any(
                later[0] < earlier[1] or wordpos[later[0]] - wordpos[earlier[1]] > NEAR_WORDS
                for earlier, later in pairwise(spans))

        everything = {c for c in product(*sides) if can_match(c)}
        tried = set(_near_combinations(sides, clause, wordpos, longest_side=3))
        assert everything <= tried
        pruned += len(tried) < len(list(product(*sides)))
    assert pruned > 100  # far spans and other clauses are not tried
