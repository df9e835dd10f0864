"""The shape of the code: public import paths, import layers, no cycles, file sizes.

- Every import of newsbrief written in the README, the docs, the tests and the
  benchmarks keeps working (so a restructuring cannot silently break users).
- Each module imports alone in a fresh interpreter (no import-order tricks).
- Module-level imports form no cycle, and data flows one way: a module
  imports only from its own layer or the layers below it (``LAYERS``).
- No source file is longer than one sitting's read, tables of data excepted.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "newsbrief"

#: Layers, lowest first: a module may import from its own layer and those below.
#: The stages of a brief (ingest -> clean -> segment -> align -> select / facts
#: -> render) come first, then what runs them, then what serves them.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("newsbrief.errors", "newsbrief.model", "newsbrief.lang", "newsbrief.version"),
    ("newsbrief.clean", "newsbrief.segment"),
    ("newsbrief.ingest",),
    ("newsbrief.align",),
    ("newsbrief.quotable",),
    ("newsbrief.summarizers", "newsbrief.facts"),
    ("newsbrief.pipeline", "newsbrief.evaluate"),
    ("newsbrief.labels", "newsbrief.digest"),
    ("newsbrief.render", "newsbrief.html"),
    ("newsbrief.cluster", "newsbrief.stories", "newsbrief.batch"),
    ("newsbrief.service",),
    ("newsbrief.cli", "newsbrief.__main__"),
)
#: Sideways imports that the layers allow but the design does not: (importer, imported).
FORBIDDEN: tuple[tuple[str, str], ...] = (
    ("newsbrief.stories", "newsbrief.batch"),  # both use newsbrief.cluster
    ("newsbrief.batch", "newsbrief.stories"),
    ("newsbrief.html", "newsbrief.render"),  # both use newsbrief.labels
)
#: Files allowed past ``MAX_LINES`` because they are tables of data, not code.
DATA_TABLES: frozenset[str] = frozenset({"facts/gazetteer.py"})
MAX_LINES = 620


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _is_module(name: str) -> bool:
    path = SRC.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _resolve(module: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The newsbrief modules an import statement in ``module`` names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "newsbrief"]
    if node.level:
        is_package = (SRC.joinpath(*module.split(".")) / "__init__.py").exists()
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    if target.split(".")[0] != "newsbrief":
        return []
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if _is_module(sub) else target)
    return out


def imports(module: str, top_level_only: bool) -> set[str]:
    """The newsbrief modules ``module`` imports (at import time only, with ``top_level_only``)."""
    path = SRC.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    nodes = _top_level(tree.body) if top_level_only else _run_time(tree)
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(_resolve(module, node))
    found.discard(module)
    return found


def _type_checking(node: ast.AST) -> bool:
    """An ``if TYPE_CHECKING:`` block: imports for annotations, never run."""
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _run_time(tree: ast.AST):
    """Every node that may run (functions included), without TYPE_CHECKING blocks."""
    for node in ast.iter_child_nodes(tree):
        if _type_checking(node):
            yield from (n for part in node.orelse for n in [part, *_run_time(part)])
            continue
        yield node
        yield from _run_time(node)


def _top_level(body):
    """Statements run at import: module level, including inside if/try (not functions)."""
    for node in body:
        yield node
        if _type_checking(node):
            continue
        if isinstance(node, (ast.If, ast.Try)):
            for part in (node.body, node.orelse, getattr(node, "finalbody", []),
                         *[h.body for h in getattr(node, "handlers", [])]):  # fmt: skip
                yield from _top_level(part)


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer(module: str) -> int | None:
    for number, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return number
    return None


def test_every_module_has_a_layer():
    assert [m for m in modules() if m != "newsbrief" and layer(m) is None] == []


def test_imports_go_down_the_layers():
    wrong = []
    for module in modules():
        if module == "newsbrief":
            continue
        for target in imports(module, top_level_only=False):
            if target == "newsbrief":
                wrong.append(f"{module} imports the package root (use a leaf module)")
            elif any(_within(module, a) and _within(target, b) for a, b in FORBIDDEN):
                wrong.append(f"{module} imports {target} sideways")
            elif layer(target) > layer(module):
                wrong.append(f"{module} (layer {layer(module)}) imports {target} "
                             f"(layer {layer(target)})")  # fmt: skip
    assert wrong == []


def test_no_import_cycles():
    graph = {m: imports(m, top_level_only=False) for m in modules()}
    # The package root only re-exports the public names: it is the top, not a cycle.
    graph["newsbrief"] = set()
    cycles: list[str] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


_ALONE = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "newsbrief" or m.startswith("newsbrief.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
"""


def test_every_module_imports_alone():
    """Each module imported first, with no newsbrief module loaded before it (one
    interpreter, newsbrief's modules dropped between imports; third-party ones kept)."""
    # __main__ runs the command line when imported: the CLI tests exercise it.
    names = [m for m in modules() if m != "newsbrief.__main__"]
    run = subprocess.run([sys.executable, "-c", _ALONE, *names],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert run.stdout.strip() == ""


def test_no_file_is_longer_than_one_sitting():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES and rel not in DATA_TABLES:
            long.append(f"{rel}: {n} lines")
    assert long == []


# -- public import paths --------------------------------------------------------

_MD_IMPORT = re.compile(
    r"^\s*(?:>>> )?(from newsbrief[\w.]* import [^#\n]+|import newsbrief[\w.]*)", re.MULTILINE
)
_MD_DOTTED = re.compile(r"(?<![\w/.-])newsbrief(?:\.[A-Za-z_]\w*)+(?=\()")


def _documented() -> set[tuple[str, str | None]]:
    """(module, name) for each import of newsbrief in the README, docs, tests, benchmarks."""
    found: set[tuple[str, str | None]] = set()
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for statement in _MD_IMPORT.findall(text):
            node = ast.parse(statement.strip().rstrip("\\")).body[0]
            found.update(_pairs(node))
        for dotted in _MD_DOTTED.findall(text):
            found.add(("<dotted>", dotted))
    for folder in ("tests", "benchmarks"):
        for path in sorted((ROOT / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    found.update(_pairs(node))
    return found


def _pairs(node) -> set[tuple[str, str | None]]:
    if isinstance(node, ast.Import):
        return {(a.name, None) for a in node.names if a.name.startswith("newsbrief")}
    if node.level or not (node.module or "").startswith("newsbrief"):
        return set()
    return {(node.module, a.name) for a in node.names}


def _check(module: str, name: str | None) -> str | None:
    try:
        if module == "<dotted>":
            parts = name.split(".")
            for cut in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:cut]))
                except ImportError:
                    continue
                for attr in parts[cut:]:
                    obj = getattr(obj, attr)
                return None
            return f"{name}: no module"
        obj = importlib.import_module(module)
        if name is not None and name != "*" and not hasattr(obj, name):
            importlib.import_module(f"{module}.{name}")
    except (ImportError, AttributeError) as exc:
        return f"{module} {name}: {exc}"
    return None


@pytest.mark.parametrize("module,name", sorted(_documented(), key=str), ids=str)
def test_public_import_path_works(module, name):
    assert _check(module, name) is None
