"""The compiled knowledge base kept on disk between processes (backend/triage/knowledge.py, _load): a second
process loads it instead of compiling the files again, and any change to the files or the code compiles afresh."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from backend.triage import knowledge

FIXTURE = Path(__file__).resolve().parent / "data" / "kb_fixture"


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAGE_KB_CACHE", str(folder))
    knowledge._load.cache_clear()
    yield folder
    knowledge._load.cache_clear()


@pytest.fixture()
def kb_dir(tmp_path):
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE, target)
    return target


def _no_compiling(*args, **kwargs):
    raise AssertionError("compiled although a cached copy was there")


def test_a_second_process_loads_the_compiled_copy(cache, kb_dir, monkeypatch):
    first = knowledge.load(str(kb_dir))
    files = list(cache.glob("kb-*.pickle"))
    assert len(files) == 1
    knowledge._load.cache_clear()  # as a new process would start
    monkeypatch.setattr(knowledge, "build", _no_compiling)
    second = knowledge.load(str(kb_dir))
    assert second.version == first.version and len(second.conditions) == len(first.conditions)


def test_a_changed_file_compiles_afresh(cache, kb_dir):
    knowledge.load(str(kb_dir))
    some_file = sorted(kb_dir.glob("*.yaml"))[0]
    some_file.write_text(some_file.read_text() + "\n# edited\n")
    knowledge._load.cache_clear()
    knowledge.load(str(kb_dir))
    assert len(list(cache.glob("kb-*.pickle"))) == 2


def test_a_torn_copy_is_compiled_again(cache, kb_dir):
    first = knowledge.load(str(kb_dir))
    (saved,) = cache.glob("kb-*.pickle")
    saved.write_bytes(saved.read_bytes()[:100])
    knowledge._load.cache_clear()
    again = knowledge.load(str(kb_dir))
    assert again.version == first.version
    assert saved.stat().st_size > 100  # written whole again


def test_a_folder_others_can_write_to_is_not_used(cache, kb_dir):
    # a guard: it would pass with no cache at all; with one, it shows an unsafe folder is not written
    cache.mkdir(mode=0o700)
    os.chmod(cache, 0o777)
    knowledge.load(str(kb_dir))
    assert not list(cache.glob("kb-*.pickle"))


def test_the_cache_can_be_turned_off(tmp_path, kb_dir, monkeypatch):
    monkeypatch.setenv("TRIAGE_KB_CACHE", "off")
    knowledge._load.cache_clear()
    try:
        assert knowledge._cache_file(kb_dir) is None
        assert knowledge.load(str(kb_dir)).conditions
    finally:
        knowledge._load.cache_clear()


def test_only_the_newest_copies_are_kept(cache, kb_dir):
    cache.mkdir(mode=0o700)
    for n in range(knowledge._CACHE_KEEP + 3):
        (cache / f"kb-old{n}.pickle").write_bytes(b"x")
        os.utime(cache / f"kb-old{n}.pickle", (1_000_000 + n, 1_000_000 + n))
    knowledge.load(str(kb_dir))
    assert len(list(cache.glob("kb-*.pickle"))) == knowledge._CACHE_KEEP
