"""The installable app's server side: manifest, icons, the service worker with its versioned shell,
and the page's CSP allowing what the worker needs (same origin only)."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from backend import spa
from tests.conftest import ROOT


def shell_of(worker_source: str) -> list[str]:
    return json.loads(re.search(r"const SHELL = (\[.*?\])\n", worker_source).group(1))


def test_the_manifest_and_its_icons(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest.status_code == 200 and manifest.mimetype == "application/manifest+json"
    body = manifest.get_json(force=True)
    assert body["start_url"] == "/" and body["display"] == "standalone"
    sizes = {icon["sizes"] for icon in body["icons"]}
    assert {"192x192", "512x512"} <= sizes and any(icon.get("purpose") == "maskable" for icon in body["icons"])
    for icon in body["icons"]:
        served = client.get(icon["src"])
        assert served.status_code == 200 and served.mimetype == "image/png"
    assert client.get("/icons/../spa.py").status_code == 404


def test_the_worker_caches_the_shell_and_public_answers_only(client):
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker.mimetype == "text/javascript"
    assert worker.headers["Cache-Control"] == "no-cache"
    source = worker.get_data(as_text=True)
    assert "__VERSION__" not in source and "__SHELL__" not in source
    shell = shell_of(source)
    assert "/" in shell and "/app/app.js" in shell and "/app/offline/redflags.js" in shell
    assert any(url.startswith("/vendor/vue@") for url in shell)
    assert not [url for url in shell if url.startswith(("/patient", "/doctor", "/admin", "/auth"))]
    for url in shell:
        assert client.get(url).status_code == 200, url
    assert json.loads(re.search(r"const PUBLIC_DATA = (\[.*?\])\n", source).group(1)) == spa.OFFLINE_PUBLIC_DATA


def test_the_pages_csp_lets_the_worker_register_from_its_own_origin(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert "worker-src" not in directives and "'self'" in directives["script-src"]  # workers fall back to script-src
    assert directives["connect-src"] == "'self'" and "'self'" in directives["default-src"]
    html = client.get("/").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_a_changed_file_is_a_new_version(tmp_path):
    """Deploying a change gives the worker a new version, so the page offers the reload."""
    root = tmp_path / "project"
    shutil.copytree(Path(ROOT) / "frontend", root / "frontend", ignore=shutil.ignore_patterns("screenshots"))
    os.symlink(Path(ROOT) / "node_modules", root / "node_modules")
    before = spa._shell(str(root), False, ("before",))
    (root / "frontend" / "styles.css").write_text("body { color: red; }\n", "utf-8")
    after = spa._shell(str(root), False, ("after",))
    assert before["urls"] == after["urls"] and before["version"] != after["version"]
