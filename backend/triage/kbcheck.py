"""`python -m backend.triage.kbcheck [FILE...]`: validate knowledge files and run every entry's examples.

An example must make its entry plausible and reach its entry's level; answers
above the level are printed as notes (often right, sometimes over-triage).
Exit status 1 when anything failed.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .engine import URGENCY_RANK, assess
from .knowledge import KNOWLEDGE_DIR, Condition, KnowledgeBase, build

# ---------------------------------------------------------------------------
# `python -m backend.triage.kbcheck [FILE...]`
# ---------------------------------------------------------------------------

def example_failures(kb: KnowledgeBase, condition: Condition) -> list[str]:
    """Why each of the condition's examples does not reach its level (empty when all do)."""
    failures = []
    for example in condition.examples:
        result = assess(str(example["text"]), age_years=example.get("age_years"), history=example.get("history"),
                        answers=example.get("answers"), knowledge=kb)
        plausible = {c["id"]: c for c in result.conditions if c["plausible"]}
        problems = []
        if condition.id not in plausible:
            considered = next((c for c in result.conditions if c["id"] == condition.id), None)
            reason = considered["why"] if considered else "none of its first 'requires' group was found"
            problems.append(f"not plausible ({reason})")
        if URGENCY_RANK[result.urgency] < URGENCY_RANK[condition.level]:
            problems.append(f"answer is {result.urgency}, below {condition.level}")
        if problems:
            found = ", ".join(f["name"] + ("(negated)" if f["negated"] else "") for f in result.findings) or "nothing"
            failures.append(f"[{example.get('register')}] \"{example['text']}\": {'; '.join(problems)}. "
                            f"Read: {found}.")
    return failures


def example_notes(kb: KnowledgeBase, condition: Condition) -> list[str]:
    """Examples answered above the entry's level (often right, sometimes over-triage)."""
    notes = []
    for example in condition.examples:
        result = assess(str(example["text"]), age_years=example.get("age_years"), history=example.get("history"),
                        answers=example.get("answers"), knowledge=kb)
        if URGENCY_RANK[result.urgency] > URGENCY_RANK[condition.level]:
            notes.append(f"[{example.get('register')}] \"{example['text']}\": answered {result.urgency} "
                         f"(by {', '.join(result.rules_fired[:3])})")
    return notes


def check(files: list[str], directory: Path = KNOWLEDGE_DIR, out=None) -> int:
    """Validate and run examples; the number of problems found in the selected files."""
    out = out or sys.stdout
    kb = build(directory, lenient=True)
    selected = {Path(f).name for f in files} if files else set(kb.files)
    missing = {name for name in selected if name not in kb.files}
    count = 0
    for name in sorted(missing):
        print(f"{name}: not found in {directory}", file=out)
        count += 1
    for name, problems in sorted(kb.skipped.items()):
        if name in selected:
            for problem in problems:
                print(f"ERROR {problem}", file=out)
            count += len(problems)
        else:
            print(f"note: {name} has {len(problems)} problem(s) and was left out (check it by name)", file=out)
    checked = examples = 0
    for condition in kb.conditions:
        if condition.file not in selected:
            continue
        checked += 1
        examples += len(condition.examples)
        for failure in example_failures(kb, condition):
            print(f"FAIL {condition.file}: {condition.id}: {failure}", file=out)
            count += 1
        for note in example_notes(kb, condition):
            print(f"note {condition.file}: {condition.id}: {note}", file=out)
    print(f"{len(selected - missing)} file(s), {checked} condition(s), {examples} example(s): "
          f"{'OK' if not count else f'{count} problem(s)'}", file=out)
    return count


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":  # the first spelling of the command
        argv = argv[1:]
    directory = KNOWLEDGE_DIR
    files = argv
    if "--dir" in files:
        at = files.index("--dir")
        directory = Path(files[at + 1])
        files = files[:at] + files[at + 2:]
    return 1 if check(files, directory) else 0


if __name__ == "__main__":
    sys.exit(main())
