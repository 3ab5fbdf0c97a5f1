"""The benchmarks print Markdown, so that ``bench/run.py`` puts their output into
docs/benchmarks.md as it is: what a script printed is what the document shows."""

from __future__ import annotations

from collections.abc import Sequence


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table: the first column left-aligned (labels), the others right (figures)."""
    lines = [header, ["---", *["---:"] * (len(header) - 1)], *rows]
    for line in lines:
        if len(line) != len(header):
            raise ValueError(f"row {line!r} has {len(line)} cells, the header {len(header)}")
    return "\n".join("| " + " | ".join(str(cell) for cell in line) + " |" for line in lines)
