"""`python -m backend.triage.kbcheck [FILE...]`: validate knowledge files and run every entry's examples.

An example must make its entry plausible and reach its entry's level; answers
above the level are printed as notes (often right, sometimes over-triage).
Exit status 1 when anything failed.

It also counts what a patient would read in English for want of a translation:
every condition name, question (`ask`) and reason (`why`), and the engine's fixed
sentences, without an entry in `knowledge/translations/<language>.yaml`, printed
as `warn` lines and a warning count (tests/test_triage_translations.py fails on
any). `python -m backend.triage.translations skeleton` adds the new ones.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .engine import URGENCY_RANK, assess
from .knowledge import KNOWLEDGE_DIR, Condition, KnowledgeBase, build
from .translations import REQUIRED_KINDS, missing as missing_translations, overlay_path, read_overlay

TRANSLATED_LANGUAGES = ("bn",)

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
    translation_warnings(kb, directory, out=out, files=selected)
    return count


def untranslated(kb: KnowledgeBase, directory: Path = KNOWLEDGE_DIR, language: str = "bn",
                 files: set[str] | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """kind -> texts of the (selected files') conditions without a translation; problems reading the overlay."""
    overlay, problems = read_overlay(overlay_path(language, directory))
    if files is not None:
        kb = KnowledgeBase(version=kb.version, directory=kb.directory, findings=kb.findings,
                           context_names=kb.context_names, conditions=[c for c in kb.conditions if c.file in files],
                           matcher=kb.matcher, by_concept=kb.by_concept, files=kb.files)
    return missing_translations(kb, overlay, REQUIRED_KINDS), problems


def translation_warnings(kb: KnowledgeBase, directory: Path = KNOWLEDGE_DIR, out=None,
                         files: set[str] | None = None) -> int:
    """Print every untranslated condition, ask, why and fixed sentence; the number of them (warnings)."""
    out = out or sys.stdout
    total = 0
    for language in TRANSLATED_LANGUAGES:
        gaps, problems = untranslated(kb, directory, language, files)
        for problem in problems:
            print(f"warn {language}: {problem}", file=out)
        for kind, texts in gaps.items():
            for text in texts:
                print(f"warn {language}: no translation for {kind} '{text}'", file=out)
        count = sum(len(texts) for texts in gaps.values())
        total += count + len(problems)
        detail = ", ".join(f"{len(texts)} {kind}" for kind, texts in gaps.items() if texts)
        print(f"{language} translations: {count + len(problems)} warning(s)" + (f" ({detail})" if detail else ""),
              file=out)
        names = untranslated_findings(kb, directory, language)
        if names:
            print(f"note {language}: {len(names)} finding name(s) shown in English for want of a translation "
                  f"(for example {', '.join(repr(name) for name in names[:5])})", file=out)
    return total


def untranslated_findings(kb: KnowledgeBase, directory: Path = KNOWLEDGE_DIR, language: str = "bn") -> list[str]:
    """Finding names (and conditions' own phrases) the overlay has no translation for: shown as written."""
    overlay, _ = read_overlay(overlay_path(language, directory))
    return missing_translations(kb, overlay, ("findings",))["findings"]


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
