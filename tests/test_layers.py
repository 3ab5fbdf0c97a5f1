"""The layering of the code: imports point one way, down the layers written here.

Every import of every module of ``archiver``, ``spiders`` and ``pipelines`` is read from its
source (``ast``: imports inside functions and under ``TYPE_CHECKING`` count too), so a loop
cannot hide behind a late import. A *unit* is a package under ``archiver`` (``archiver.store``),
a module directly in it (``archiver.crawl``), ``spiders`` or ``pipelines``; a package's
``__main__`` is a program, a unit of its own.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("archiver", "spiders", "pipelines")

# Bottom first. A unit may import units of its own layer or of a layer below, never above;
# and nothing may import in a loop, within a layer or across.
LAYERS: tuple[tuple[str, ...], ...] = (
    # Foundations: names and contracts that everything may use.
    (
        "archiver.exitcodes",
        "archiver.columns",
        "archiver.fold",
        "archiver.urls",
        "archiver.text",
        "archiver.jsonable",
        "archiver.signals",
        "archiver.item",
    ),
    # Pure logic, offline: the package's version and extraction API, dates, the settings and
    # user agent, the progress line; the replica of the site.
    (
        "archiver",
        "archiver.contact",
        "archiver.settings",
        "archiver.dates",
        "archiver.pages",
        "archiver.extraction",
        "archiver.progress",
        "archiver.replica",
    ),
    # Storage: Parquet, WARC, manifests, the reader; it parses no HTML and plans no crawl.
    ("archiver.store",),
    # Crawl policy, pure: what to walk and fetch, what a crawl may start with, how a run is
    # judged. Above the store though it uses none of it, so the store cannot use it either.
    ("archiver.sections", "archiver.frontier", "archiver.health", "archiver.preflight"),
    # Over the store: the researchers' reader, descriptions of an archive, a crawl's view of
    # it, re-reading its captures.
    (
        "archiver.dataset",
        "archiver.report",
        "archiver.groundtruth",
        "archiver.fetched",
        "archiver.crawlstate",
        "archiver.reextract",
    ),
    # Scrapy components, and the helper processes they hand captures and pages to.
    ("archiver.middlewares", "archiver.extensions", "archiver.coprocess", "pipelines", "spiders"),
    # The shared frontier: a scheduler, a worker and their state over those components.
    ("archiver.distributed",),
    # Running a crawl and judging its outcome.
    ("archiver.crawl", "archiver.outcome", "archiver.scrapy_commands"),
    # The subcommands.
    ("archiver.commands",),
    # Programs.
    ("archiver.cli", "archiver.replica.__main__"),
)


def module_files() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imported(name: str, path: Path, modules: Iterable[str]) -> set[str]:
    """The project's modules that ``name`` imports (a name imported from a package that is
    one of its submodules is that submodule)."""
    known = set(modules)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                targets.add(child if child in known else base)
    found = set()
    for target in targets:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def unit_of(module: str) -> str:
    parts = module.split(".")
    if parts[-1] == "__main__":
        return module
    if parts[0] != "archiver" or len(parts) == 1:
        return parts[0]
    return ".".join(parts[:2])


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The graph's loops: its strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def module_graph() -> dict[str, set[str]]:
    files = module_files()
    return {name: imported(name, path, files) for name, path in files.items()}


def unit_graph(modules: Mapping[str, set[str]]) -> dict[str, set[str]]:
    units: dict[str, set[str]] = defaultdict(set)
    for module, targets in modules.items():
        units[unit_of(module)].update(unit_of(t) for t in targets if unit_of(t) != unit_of(module))
    return dict(units)


def test_the_import_reader_sees_the_imports_it_should() -> None:
    files = module_files()
    assert imported("archiver.crawlstate", files["archiver.crawlstate"], files) == {
        "archiver.frontier",
        "archiver.store.manifest",
        "archiver.store.reader",
    }
    # `from archiver.dates import hijri` is the submodule, not the package's __init__.
    assert "archiver.dates.hijri" in imported(
        "archiver.dates.normalise", files["archiver.dates.normalise"], files
    )
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_in_a_loop() -> None:
    assert cycles(module_graph()) == []


def test_no_package_imports_in_a_loop() -> None:
    assert cycles(unit_graph(module_graph())) == []


def test_every_unit_has_one_layer_and_imports_point_down() -> None:
    layer = {unit: depth for depth, units in enumerate(LAYERS) for unit in units}
    assert sum(map(len, LAYERS)) == len(layer), "a unit is in two layers"
    graph = unit_graph(module_graph())
    assert sorted(set(graph) - set(layer)) == [], "give each new unit its layer in LAYERS"
    upward = sorted(
        f"{unit} -> {target}"
        for unit, targets in graph.items()
        for target in targets
        if layer[target] > layer[unit]
    )
    assert upward == []


def test_every_import_the_docs_show_works() -> None:
    """What README.md and docs/ tell researchers and operators to import is there."""
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    shown = re.compile(r"^\s*from (archiver[\w.]*) import ([\w, ]+)$|^\s*import (archiver[\w.]*)$")
    checked = 0
    for text in texts:
        for line in text.read_text(encoding="utf-8").splitlines():
            match = shown.match(line)
            if match is None:
                continue
            module = importlib.import_module(match[1] or match[3])
            for name in filter(None, (n.strip() for n in (match[2] or "").split(","))):
                assert hasattr(module, name) or importlib.util.find_spec(
                    f"{module.__name__}.{name}"
                ), f"{text.name}: {line.strip()}"
            checked += 1
    assert checked >= 10


# Packages whose modules are named after what they adapt: `archiver crawl` is commands/crawl.py
# over crawl.py, the health extension extensions/health.py over health.py.
ADAPTERS = (
    "archiver.commands",
    "archiver.scrapy_commands",
    "archiver.extensions",
    "archiver.middlewares",
    "pipelines",
    "spiders",
)


def test_no_two_modules_share_a_name_but_an_adapter_and_what_it_adapts() -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for module, path in module_files().items():
        if path.stem not in ("__init__", "__main__"):
            by_name[path.stem].append(module)
    confusing = {
        leaf: sorted(modules)
        for leaf, modules in by_name.items()
        if len([m for m in modules if unit_of(m) not in ADAPTERS]) > 1
    }
    assert confusing == {}
