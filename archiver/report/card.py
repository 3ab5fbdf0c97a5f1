"""Every archive's own dataset card, ``DIR/README.md``: what it covers, from which crawls and
software, and what each column means, so a copied archive still explains itself.

Made from the figures (``archiver.report.figures``) and the schema, rewritten atomically after
every crawl and re-extraction; docs/researchers.md is the card of the dataset in general.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from archiver.report.figures import archive_figures
from archiver.store.atomic import write_atomically
from archiver.store.errors import UnreadableManifest
from archiver.store.schema import SCHEMA_VERSION, dataset_schema

CARD_NAME = "README.md"
logger = logging.getLogger(__name__)


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |" for row in rows]
    return lines


def _crawl_row(crawl: dict[str, Any]) -> list[Any]:
    names = ("crawl_id", "started_at", "finished_at", "rows", "revisions", "failures")
    row = [crawl[n] for n in names] + [crawl["archiver_version"]]
    return [("(unfinished)" if v is None else v) for v in row]


def render_card(figures: dict[str, Any], name: str) -> str:
    size, period, langs = figures["size"], figures["period"], figures["langs"]
    kinds = sorted({r["kind"] for r in figures["kinds"]})
    per = {(r["lang"], r["kind"]): r["items"] for r in figures["kinds"]}
    versions = Counter(c["archiver_version"] for c in figures["crawls"])
    lines = [
        "---",
        f"pretty_name: Central Media Office archive ({name})",
        f"language: [{', '.join(langs)}]",
        "license: other  # the code is MIT; the content's rights stay with its publisher",
        "---",
        "",
        f"# {name}: an archive of the Central Media Office site",
        "",
        "Written by `archiver` (regenerated after every crawl; do not edit). The dataset card",
        "of the whole project, with how the data was collected and its limits, is",
        "docs/researchers.md of the archiver repository; `archiver report` draws these figures.",
        "",
        "## Contents",
        "",
        f"- period of publication: {period['first'] or 'none'} to {period['last'] or 'none'}"
        f" ({period['undated']} undated items)",
        f"- languages: {', '.join(langs) or 'none'}",
        f"- items (latest version of each): {size['items']}; rows (every version): {size['rows']}",
        f"- files: {size['parquet_files']} Parquet ({size['parquet_bytes']} bytes), "
        f"{size['warc_files']} WARC ({size['warc_bytes']} bytes)",
        f"- crawls: {size['crawls']}; failures recorded: {figures['failures_total']}",
        f"- schema version {SCHEMA_VERSION}; archiver versions: "
        + (", ".join(f"{v} ({n} crawls)" for v, n in sorted(versions.items())) or "none"),
        "",
        "## Items per language and kind",
        "",
        *_table(
            ["kind", *langs],
            [[kind, *(per.get((lang, kind), 0) for lang in langs)] for kind in kinds],
        ),
        "",
        "## Crawls",
        "",
        *_table(
            ["crawl", "started", "finished", "rows", "revisions", "failures", "archiver"],
            [_crawl_row(c) for c in figures["crawls"]],
        ),
        "",
        "## Columns",
        "",
        *_table(
            ["column", "type", "meaning"],
            [
                [f"`{f.name}`", f"`{f.type}`", (f.metadata or {}).get(b"description", b"").decode()]
                for f in dataset_schema()
            ],
        ),
        "",
    ]
    return "\n".join(lines)


def write_card(root: Path) -> Path:
    """Rewrite ``DIR/README.md`` from the archive as it now is."""
    text = render_card(archive_figures(root), root.resolve().name)
    path = root / CARD_NAME

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, write)
    return path


def refresh_card(root: Path) -> None:
    """``write_card`` for writers: the archive is complete without its card, so a card that
    cannot be written is a warning, not a failed crawl."""
    try:
        write_card(root)
    except (OSError, UnreadableManifest) as error:
        logger.warning("could not write %s: %s", root / CARD_NAME, error)
