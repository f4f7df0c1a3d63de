"""The message catalogues: one per language, the same keys in both, the same placeholders, and every
key the app asks for present. (A browser test checks that a Bangla screen shows no English.)"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_node_json

FRONTEND = Path(ROOT) / "frontend"
LOAD = """
const load = async (name) => (await import(new URL(`./i18n/${name}.js`, %s))).default
const [en, bn] = await Promise.all([load('en'), load('bn')])
process.stdout.write(JSON.stringify({ en, bn }))
"""
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# t('key') and t(`prefix.${...}`) calls in the app's modules.
CALL = re.compile(r"""\bt\(\s*'([a-z0-9_.]+)'""")
BANGLA = re.compile(r"[\u0980-\u09ff]")


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory):
    return run_node_json(tmp_path_factory.mktemp("i18n"), LOAD % json.dumps((FRONTEND / "app.js").as_uri()))


def test_both_catalogues_have_the_same_keys(catalogues):
    en, bn = catalogues["en"], catalogues["bn"]
    assert sorted(set(en) - set(bn)) == [], "keys missing from bn.js"
    assert sorted(set(bn) - set(en)) == [], "keys missing from en.js"


def test_placeholders_match(catalogues):
    for key, text in catalogues["en"].items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(catalogues["bn"][key])), key


def test_bangla_messages_are_written_in_bangla(catalogues):
    # Every Bangla message has Bangla script; only codes, units and file types may stay in Latin letters.
    english_left = {key: text for key, text in catalogues["bn"].items() if not BANGLA.search(text)}
    assert english_left == {}, english_left


def test_every_key_the_app_uses_is_in_the_catalogues(catalogues):
    used = set()
    for path in FRONTEND.rglob("*.js"):
        if "i18n" in path.parts or path.name in ("sw.js", "i18n.js"):
            continue
        used.update(CALL.findall(path.read_text("utf-8")))
    assert used, "no t('...') calls found"
    assert sorted(used - set(catalogues["en"])) == []


@pytest.mark.parametrize("missing_from", ["en", "bn"])
def test_the_check_fails_on_a_missing_key(catalogues, missing_from):
    """The parity check above is not vacuous: remove one key and it fails."""
    damaged = {name: dict(entries) for name, entries in catalogues.items()}
    damaged[missing_from].pop(next(iter(damaged[missing_from])))
    with pytest.raises(AssertionError):
        test_both_catalogues_have_the_same_keys(damaged)
