"""Serve the single-page app: index.html under a strict CSP, its modules, and
the pinned libraries from node_modules/ (or from a CDN with integrity hashes).

The app has no build step: the browser loads ES modules through an import map.
The import map is the only inline script; the CSP allows it by its sha256.
Vue's full build compiles templates with ``new Function`` (blocked without
'unsafe-eval'), so the app uses the runtime-only build and render functions.
"""

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, send_from_directory

bp = Blueprint("spa", __name__)

CDN_HOST = "https://cdn.jsdelivr.net"
VENDOR_MAX_AGE = 60 * 60 * 24 * 365
APP_MAX_AGE = 0

# Import specifier -> (npm package, file inside the package).
IMPORTS = {
    "vue": ("vue", "dist/vue.runtime.esm-browser.prod.js"),
    "vue-router": ("vue-router", "dist/vue-router.esm-browser.prod.js"),
    "chart.js": ("chart.js", "dist/chart.js"),
    "@kurkle/color": ("@kurkle/color", "dist/color.esm.js"),
}
# Files loaded by the browser without a bare specifier of their own.
EXTRA_MODULES = [("chart.js", "dist/chunks/index.js")]
STYLESHEET = ("bootstrap", "dist/css/bootstrap.min.css")
TEST_ONLY = [("axe-core", "axe.min.js")]
# The API reference page at /api/docs.
API_DOCS = [("swagger-ui-dist", "swagger-ui-bundle.js"), ("swagger-ui-dist", "swagger-ui.css")]

# Bangla script for devices without a Bangla font (styles.css names these files; Latin text keeps the system font).
FONTS = [("@fontsource/noto-sans-bengali", f"files/noto-sans-bengali-bengali-{weight}-normal.woff2")
         for weight in (400, 600, 700)]

VENDOR_FILES = [*IMPORTS.values(), *EXTRA_MODULES, STYLESHEET, *TEST_ONLY, *API_DOCS, *FONTS]


def _project_root() -> Path:
    return Path(current_app.root_path).resolve().parent


def _frontend_dir() -> Path:
    return _project_root() / "frontend"


def _node_modules() -> Path:
    return _project_root() / "node_modules"


def _package_version(node_modules: Path, package: str) -> str:
    meta = json.loads((node_modules / package / "package.json").read_text("utf-8"))
    return meta["version"]


def _sri(path: Path) -> str:
    digest = hashlib.sha384(path.read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


@lru_cache(maxsize=8)
def _assets(root: str, use_cdn: bool) -> dict:
    """Import map, stylesheet tag and CSP for one mode, computed once."""
    node_modules = Path(root) / "node_modules"

    def local_url(pkg: str, path: str) -> str:
        # The version in the URL lets browsers cache vendor files for a year.
        return f"/vendor/{pkg}@{_package_version(node_modules, pkg)}/{path}"

    def cdn_url(pkg: str, path: str) -> str:
        return f"{CDN_HOST}/npm/{pkg}@{_package_version(node_modules, pkg)}/{path}"

    url_for_file = cdn_url if use_cdn else local_url
    import_map: dict = {
        "imports": {name: url_for_file(*target) for name, target in IMPORTS.items()}
    }
    if use_cdn:
        import_map["integrity"] = {
            cdn_url(pkg, path): _sri(node_modules / pkg / path)
            for pkg, path in [*IMPORTS.values(), *EXTRA_MODULES]
        }
    import_map_json = json.dumps(import_map, indent=2)
    script_hash = base64.b64encode(
        hashlib.sha256(import_map_json.encode("utf-8")).digest()
    ).decode("ascii")

    css_url = url_for_file(*STYLESHEET)
    if use_cdn:
        stylesheet = (
            f'<link rel="stylesheet" href="{css_url}" '
            f'integrity="{_sri(node_modules / STYLESHEET[0] / STYLESHEET[1])}" '
            'crossorigin="anonymous">'
        )
    else:
        stylesheet = f'<link rel="stylesheet" href="{css_url}">'

    extra = f" {CDN_HOST}" if use_cdn else ""
    csp = "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self'{extra} 'sha256-{script_hash}'",
            f"style-src 'self'{extra}",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
    return {"import_map": import_map_json, "stylesheet": stylesheet, "csp": csp}


@lru_cache(maxsize=8)
def _vendor_allowlist(root: str) -> dict:
    """URL path under /vendor/ -> file path under node_modules/."""
    node_modules = Path(root) / "node_modules"
    allowed = {}
    for pkg, path in VENDOR_FILES:
        allowed[f"{pkg}/{path}"] = f"{pkg}/{path}"
        version = _package_version(node_modules, pkg)
        allowed[f"{pkg}@{version}/{path}"] = f"{pkg}/{path}"
    return allowed


@lru_cache(maxsize=8)
def _index_template(path: str, mtime: float) -> str:
    return Path(path).read_text("utf-8")


def _render_index() -> tuple[str, str]:
    index = _frontend_dir() / "index.html"
    template = _index_template(str(index), index.stat().st_mtime)
    use_cdn = bool(current_app.config.get("FRONTEND_CDN", False))
    assets = _assets(str(_project_root()), use_cdn)
    html = template.replace("{{ import_map }}", assets["import_map"]).replace(
        "{{ stylesheet }}", assets["stylesheet"]
    )
    return html, assets["csp"]


# ---- installable app: manifest, icons and the service worker ---------------------------------

# Public answers the service worker keeps for offline use (never anything about a patient).
OFFLINE_PUBLIC_DATA = ["/api/config", "/api/triage/red-flags", "/api/resources?per_page=100"]
SHELL_SKIPPED = {"sw.js", "apidocs.js"}
THEME_COLOR = "#0f766e"


def _shell_files(frontend: Path) -> list[Path]:
    return sorted(path for path in frontend.rglob("*")
                  if path.suffix in (".js", ".css") and path.name not in SHELL_SKIPPED
                  and "screenshots" not in path.parts)


@lru_cache(maxsize=8)
def _shell(root: str, use_cdn: bool, signature: tuple) -> dict:
    """The app shell's URLs and a version that changes whenever any of its files does."""
    frontend = Path(root) / "frontend"
    node_modules = Path(root) / "node_modules"
    digest = hashlib.sha256()
    urls = ["/", "/manifest.webmanifest"]
    for path in _shell_files(frontend):
        urls.append("/app/" + path.relative_to(frontend).as_posix())
        digest.update(path.read_bytes())
    for path in sorted((frontend / "icons").glob("*.png")):
        urls.append("/icons/" + path.name)
        digest.update(path.read_bytes())
    digest.update((frontend / "index.html").read_bytes())
    digest.update((frontend / "sw.js").read_bytes())
    for pkg, path in FONTS:
        urls.append(f"/vendor/{pkg}/{path}")
        digest.update(f"{pkg}@{_package_version(node_modules, pkg)}".encode())
    if not use_cdn:  # a CDN is another origin: the worker keeps to its own
        for pkg, path in [*IMPORTS.values(), *EXTRA_MODULES, STYLESHEET]:
            version = _package_version(node_modules, pkg)
            urls.append(f"/vendor/{pkg}@{version}/{path}")
            digest.update(f"{pkg}@{version}".encode())
    digest.update(json.dumps(OFFLINE_PUBLIC_DATA).encode())
    return {"version": digest.hexdigest()[:16], "urls": urls}


def app_version() -> dict:
    root = _project_root()
    frontend = root / "frontend"
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                      for p in [*_shell_files(frontend), frontend / "index.html", frontend / "sw.js",
                                *sorted((frontend / "icons").glob("*.png"))])
    return _shell(str(root), bool(current_app.config.get("FRONTEND_CDN", False)), signature)


@bp.get("/sw.js")
def service_worker():
    shell = app_version()
    source = (_frontend_dir() / "sw.js").read_text("utf-8")
    source = (source.replace("'__VERSION__'", json.dumps(shell["version"]))
              .replace("__SHELL__", json.dumps(shell["urls"]))
              .replace("__PUBLIC_DATA__", json.dumps(OFFLINE_PUBLIC_DATA)))
    response = Response(source, mimetype="text/javascript")
    # Browsers check for a new worker on every visit; the file itself must never be stale.
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Content-Security-Policy"] = "default-src 'self'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/manifest.webmanifest")
def manifest():
    name = current_app.config.get("CLINIC_NAME") or "CareQueue"
    body = {
        "name": name if "CareQueue" in name else f"CareQueue — {name}",
        "short_name": "CareQueue",
        "description": "Check your symptoms, find the right doctor and book a visit.",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "lang": "en",
        "icons": [
            {"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }
    response = Response(json.dumps(body), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/icons/<name>")
def icon(name: str):
    if not name.endswith(".png"):
        abort(404)
    response = send_from_directory(_frontend_dir() / "icons", name, max_age=APP_MAX_AGE)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/")
def index():
    html, csp = _render_index()
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/app/<path:filename>")
def app_file(filename: str):
    if filename == "index.html" or not filename.endswith((".js", ".css")):
        abort(404)
    response = send_from_directory(_frontend_dir(), filename, max_age=APP_MAX_AGE)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/vendor/<path:filename>")
def vendor_file(filename: str):
    real_path = _vendor_allowlist(str(_project_root())).get(filename)
    if real_path is None:
        abort(404)
    response = send_from_directory(_node_modules(), real_path, max_age=VENDOR_MAX_AGE)
    # Versions are pinned in package-lock.json: a file only changes with an upgrade.
    response.headers["Cache-Control"] = f"public, max-age={VENDOR_MAX_AGE}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def api_docs_page() -> Response:
    """Swagger UI for /api/openapi.json, from the pinned swagger-ui-dist package."""
    node_modules = _node_modules()
    version = _package_version(node_modules, "swagger-ui-dist")
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CareQueue API</title>'
        f'<link rel="stylesheet" href="/vendor/swagger-ui-dist@{version}/swagger-ui.css"></head>'
        '<body><div id="swagger-ui"></div>'
        f'<script src="/vendor/swagger-ui-dist@{version}/swagger-ui-bundle.js"></script>'
        '<script src="/app/apidocs.js"></script></body></html>'
    )
    response = Response(html, mimetype="text/html")
    # Swagger UI sets style attributes while rendering; scripts stay 'self' only.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
