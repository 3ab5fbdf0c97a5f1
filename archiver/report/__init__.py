"""The archive described for people: its figures, an HTML report with charts, a README card."""

from __future__ import annotations

from pathlib import Path

from archiver.report.figures import archive_figures
from archiver.report.html import render
from archiver.store.atomic import write_atomically

REPORT_NAME = "report.html"


def write_report(root: Path, out: Path | None = None) -> Path:
    """Write the archive's HTML report (by default ``DIR/report.html``) and return its path."""
    path = out if out is not None else root / REPORT_NAME
    page = render(archive_figures(root), title=str(root.resolve().name))

    def write(tmp: Path) -> None:
        tmp.write_text(page, encoding="utf-8")

    write_atomically(path, write, durable=False)
    return path
