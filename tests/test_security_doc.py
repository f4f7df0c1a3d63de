"""SECURITY.md names its evidence: every test file and test it cites exists."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_cited_test_exists():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    cited = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", text)
    assert len(cited) > 40
    missing = []
    for path, name in cited:
        source = ROOT / path
        if not source.is_file() or (name and not re.search(rf"^\s*def {name}\(", source.read_text(), re.M)):
            missing.append(f"{path}::{name}" if name else path)
    assert missing == []
    folders = re.findall(r"`(tests/[\w/]+/)`", text)
    assert all((ROOT / folder).is_dir() for folder in folders)
