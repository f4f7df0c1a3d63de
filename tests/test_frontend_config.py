"""The front end takes the clinic's emergency number and name from GET /api/config: none is written into it."""
from __future__ import annotations

import os
import re

from tests.conftest import ROOT

FRONTEND = os.path.join(ROOT, "frontend")
SKIP_DIRS = {"vendor", "screenshots", "node_modules"}
# A phone number, not a CSS length such as "999px".
HARD_CODED_NUMBER = re.compile(r"(?<![\w.#-])(999|112|911)(?![\w.%-])")


def frontend_sources():
    for folder, dirs, files in os.walk(FRONTEND):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in files:
            if name.endswith((".js", ".html", ".css", ".json")):
                yield os.path.join(folder, name)


def test_no_emergency_number_is_hard_coded_in_the_front_end():
    found = []
    for path in frontend_sources():
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if HARD_CODED_NUMBER.search(line):
                    found.append(f"{os.path.relpath(path, ROOT)}:{number}: {line.strip()[:120]}")
    assert not found, "emergency numbers belong in GET /api/config:\n" + "\n".join(found)


def test_the_check_finds_a_hard_coded_number(tmp_path):
    assert HARD_CODED_NUMBER.search("In an emergency call 999 now.")
    assert HARD_CODED_NUMBER.search("const EMERGENCY_NUMBER = '999'")
    assert not HARD_CODED_NUMBER.search("border-radius: 999px;")
