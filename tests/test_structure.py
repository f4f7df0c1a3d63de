"""The code's structure, read from its imports: no circles, and imports point one way.

Layers, lowest first. A module may import its own layer and the layers below,
never one above: blueprints and tasks -> services -> models. Function-local
imports count too, since they are where circles used to hide.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LAYERS: list[tuple[str, ...]] = [
    ("config", "backend.extensions", "backend.embedded", "backend.responses", "backend.spa", "backend.near_cache",
     "backend.cookie_session"),
    ("backend.models", "backend.errors", "backend.messages"),
    ("backend.triage",),          # the triage engine: a library, no database
    ("backend.services",),
    ("backend.schemas", "backend.contracts", "backend.security", "backend.routing", "backend.tasks",
     "backend.celery_app"),
    ("backend.auth", "backend.admin", "backend.doctor", "backend.patient", "backend.api"),
    ("backend", "backend.cli", "backend.devserver", "celery_worker"),
]
# Within a layer some pairs must still never meet.
FORBIDDEN = [
    ("backend.auth", "backend.tasks"), ("backend.admin", "backend.tasks"), ("backend.doctor", "backend.tasks"),
    ("backend.patient", "backend.tasks"), ("backend.api", "backend.tasks"),
    ("backend.tasks", "backend.celery_app"),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    files = [*ROOT.joinpath("backend").rglob("*.py"), ROOT / "config.py", ROOT / "celery_worker.py"]
    return {module_name(path): path for path in files if "__pycache__" not in path.parts}


def imports_of(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    """Project modules that `name` imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            # `from pkg import module` imports the module; `from module import name` the module itself.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    known = project_modules()
    return {name: imports_of(path, name, known) for name, path in known.items()}


def layer_of(name: str) -> tuple[int, str]:
    best = (-1, "")
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > len(best[1]):
                best = (index, prefix)
    assert best[0] >= 0, f"{name} is in no layer: add it to LAYERS"
    return best


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_is_read():
    graph = import_graph()
    assert "backend.services.booking.bookings" in graph
    assert "backend.services.scheduling.bookability" in graph["backend.services.booking.bookings"]
    assert "backend.services.queue" in graph["backend.tasks.email"]


def test_no_import_circles():
    assert circles(import_graph()) == []


def test_imports_never_point_upward():
    upward = []
    for name, targets in import_graph().items():
        mine = layer_of(name)
        for target in targets:
            theirs = layer_of(target)
            if theirs[0] > mine[0]:
                upward.append(f"{name} ({mine[1]}) imports {target} ({theirs[1]})")
    assert upward == []


def test_forbidden_pairs_stay_apart():
    bad = [f"{name} imports {target}" for name, targets in import_graph().items() for target in targets
           for low, high in FORBIDDEN
           if layer_of(name)[1] == low and (target == high or target.startswith(high + "."))]
    assert bad == []


def test_the_checks_catch_a_circle_and_an_upward_import():
    # The checker itself must be able to fail.
    assert circles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
    assert layer_of("backend.services.booking.bookings")[0] < layer_of("backend.tasks.email")[0]


def test_every_service_package_says_what_it_owns():
    services = ROOT / "backend" / "services"
    for package in sorted(p for p in services.iterdir() if p.is_dir() and p.name != "__pycache__"):
        docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert docstring, f"{package.name}/__init__.py needs a docstring saying what the package owns"
