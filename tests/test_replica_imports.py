"""The replica's truth is computed without the code it checks: no module under archiver/replica
imports the page objects, the date normaliser or the URL rules (read from the source with ast,
so an import inside a function counts too)."""

from __future__ import annotations

import ast
from pathlib import Path

import archiver.replica

CHECKED = ("archiver.pages", "archiver.dates", "archiver.urls")
REPLICA = Path(archiver.replica.__file__).parent


def imported(tree: ast.AST) -> set[str]:
    """Every module an ``import`` or ``from … import`` names (absolute names only)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def checked(name: str) -> str | None:
    """The checked package a module name falls in, if any."""
    return next((c for c in CHECKED if name == c or name.startswith(c + ".")), None)


def offenders() -> set[tuple[str, str]]:
    """(file, checked package) for every replica module importing from one."""
    found: set[tuple[str, str]] = set()
    for source in sorted(REPLICA.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        found.update((source.name, p) for name in imported(tree) if (p := checked(name)))
    return found


def test_no_replica_module_imports_the_code_it_checks() -> None:
    assert offenders() == set()


def test_the_check_sees_every_form_of_import() -> None:
    tree = ast.parse(
        "import archiver.urls\nfrom archiver.pages import labels\n"
        "def f():\n    from archiver.dates.scan import scan\n"
        "from archiver.replica import paths\nfrom . import blocks\n"
    )
    assert {checked(n) for n in imported(tree)} == {*CHECKED, None}
    assert {n for n in imported(tree) if checked(n)} == {
        "archiver.urls", "archiver.pages", "archiver.pages.labels",
        "archiver.dates.scan", "archiver.dates.scan.scan",
    }  # fmt: skip
    assert checked("archiver.replica.paths") is None and checked("archiver.urlsx") is None
