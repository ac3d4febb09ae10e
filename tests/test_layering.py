"""The package's layering, read from the imports with ``ast``.

Bottom to top: ``domain`` (with ``errors`` and ``result`` beside it);
``files``, ``solvers`` and ``validate``; ``inputs`` and ``outputs``;
``bench``; ``web``; ``cli``. A module imports only from its own package or from
a layer below; packages of one layer never import each other (the
validator shares no code with the solvers; readers and writers stay
apart). No module imports another package's underscored names, and the
tests and benchmarks use public names only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "balancer"

#: Package (or top-level module) -> layer, bottom = 0.
LAYERS = {
    "domain": 0,
    "errors": 0,
    "result": 0,
    "version": 0,
    "language": 0,
    "files": 1,
    "solvers": 1,
    "validate": 1,
    "inputs": 2,
    "outputs": 2,
    "bench": 3,
    "web": 4,
    "cli": 5,
}
#: Imports allowed within one layer, across packages.
BESIDE = {("result", "domain"), ("language", "domain")}
#: The public entry re-exports from every layer.
ENTRY = {"__init__", "__main__"}


def _package(module: str) -> str:
    """``balancer.solvers.rota.model`` -> ``solvers``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__")
        if path.name == "__init__.py" and path.parent == SRC:
            name = "balancer.__init__"
        found.append((name, path))
    return found


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every ``balancer`` import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] == "balancer":
                names = [alias.name for alias in node.names]
                found.append((node.lineno, node.module, names))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "balancer":
                    found.append((node.lineno, alias.name, []))
    return found


def test_every_package_has_a_layer() -> None:
    tops = {
        p.stem if p.is_file() else p.name
        for p in SRC.iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").exists())
    }
    assert tops - ENTRY <= set(LAYERS), tops - ENTRY - set(LAYERS)


def test_imports_only_go_down_the_layers() -> None:
    wrong = []
    for name, path in _modules():
        mine = _package(name)
        if mine in ENTRY:
            continue
        for line, module, names in _imports(path):
            targets = [module] + [f"{module}.{n}" for n in names]
            theirs = _package(module)
            if module == "balancer":
                theirs = "__init__"
            if theirs == mine:
                continue
            if theirs in ENTRY:
                wrong.append(f"{path.name}:{line} imports the package root")
                continue
            below = LAYERS[theirs] < LAYERS[mine]
            if not below and (mine, theirs) not in BESIDE:
                wrong.append(
                    f"{name}:{line} ({mine}, layer {LAYERS[mine]}) imports "
                    f"{targets[0]} ({theirs}, layer {LAYERS[theirs]})"
                )
    assert wrong == []


def test_no_private_names_across_packages() -> None:
    wrong = []
    for name, path in _modules():
        mine = _package(name)
        for line, module, names in _imports(path):
            if _package(module) == mine and mine not in ENTRY:
                continue
            hidden = [n for n in names if _private(n)]
            if hidden or any(_private(p) for p in module.split(".")):
                wrong.append(f"{name}:{line} {module} {hidden}")
    assert wrong == []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("folder", ["tests", "benchmarks"])
def test_tests_and_benchmarks_use_public_names_only(folder: str) -> None:
    wrong = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        if path.name == "test_layering.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] != "balancer":
                    continue
                for alias in node.names:
                    if _private(alias.name):
                        wrong.append(f"{path.name}:{node.lineno} {alias.name}")
                    modules.add(alias.asname or alias.name)
                if any(_private(p) for p in node.module.split(".")):
                    wrong.append(f"{path.name}:{node.lineno} {node.module}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and _private(node.attr)
            ):
                wrong.append(f"{path.name}:{node.lineno} {node.attr}")
    assert wrong == []


def test_the_layering_check_catches_an_upward_import(tmp_path: Path) -> None:
    # The check itself must be able to fail: a solver importing a writer.
    bad = tmp_path / "bad.py"
    bad.write_text("from balancer.outputs.frames import board_frame\n")
    [(line, module, names)] = _imports(bad)
    assert LAYERS[_package(module)] > LAYERS["solvers"]
    assert (line, names) == (1, ["board_frame"])
