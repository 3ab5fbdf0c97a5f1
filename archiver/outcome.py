"""What one crawl run did, judged: the summary ``archiver crawl`` and ``archiver demo`` print.

One dictionary (the keys docs/operations.md lists) is built from the run's stats and its
manifest; ``archiver crawl --json`` prints it as JSON and everything else prints
``format_outcome`` of it, so the text a person reads and the JSON a scheduler parses can never
disagree.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from archiver.store.layout import CRAWLS_DIR, WARC_DIR

if TYPE_CHECKING:
    from archiver.crawl import CrawlResult

# Summary key → the Scrapy stat it counts.
COUNTS = {
    "listing_pages": "listing/pages",
    "responses": "downloader/response_count",
    "items_scraped": "item_scraped_count",
    "rows_written": "archive/rows_written",
    "rows_committed": "archive/rows_committed",
    "new": "archive/new",
    "revised": "archive/revised",
    "unchanged": "archive/unchanged",
    "failures": "archive/failures",
    "failures_again": "archive/failures_again",
    "robots_forbidden": "archive/robots_forbidden",
}


def reason_class(failure: dict[str, Any]) -> str:
    """A manifest failure's kind, to count by: ``HTTP 404`` when the site answered, else the
    reason's first part (``ConnectionRefusedError``, ``redirected to a page that is not an
    item``), without the URL or message that differ from one failure to the next."""
    if failure.get("status") is not None:
        return f"HTTP {failure['status']}"
    return str(failure["reason"]).split(":", 1)[0]


def outcome(result: CrawlResult) -> dict[str, Any]:
    """The run's summary: counts, failures by reason, whether every listing walk ran to its
    end, health verdict, files, exit code."""
    manifest_path = result.out / CRAWLS_DIR / f"{result.crawl_id}.json"
    # No manifest when the archive could not be opened (the log says why): nothing was written.
    manifest: dict[str, Any] = (
        json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest_path.is_file()
        else {"failures": [], "files": []}
    )
    stats = result.stats
    counts = {key: int(stats.get(stat, 0)) for key, stat in COUNTS.items()}
    error = None
    if (write_error := stats.get("archive/write_error")) is not None:
        error = (
            f"{write_error}: {counts['rows_committed']} rows reached the archive and are kept; "
            f"{stats.get('archive/write_remedy')} and run the same command again to fetch the rest"
        )
    elif result.finish_reason != "finished":
        error = f"the crawl stopped early ({result.finish_reason})"
    elif result.rows_lost:
        error = (
            f"only {counts['rows_committed']} of {counts['rows_written']} rows reached the "
            "archive (see the log for the write error); run the same command again to fetch "
            "the rest"
        )
    # The verdict is the health extension's (archiver/extensions/health.py), judged once.
    if error is None and result.health is not None:
        failing = [
            {"lang": p.lang, "check": p.what, "message": p.message} for p in result.health.problems
        ]
        health = {"verdict": "ok" if result.health.passed else "failed", "failing": failing}
    else:
        health = {"verdict": "not checked", "failing": []}
    code = result.exit_code
    warcs = sorted((result.out / WARC_DIR).glob(f"{result.crawl_id}-*.warc.gz"))
    return {
        "crawl_id": result.crawl_id,
        "finish_reason": result.finish_reason,
        "exit_code": code,
        "error": error,
        "duration_seconds": round(float(stats.get("elapsed_time_seconds", 0.0)), 3),
        "counts": counts,
        "failures_by_reason": dict(
            sorted(Counter(map(reason_class, manifest["failures"])).items())
        ),
        "walks_complete": not result.walk_incomplete,
        "health": health,
        "files": {
            "manifest": str(manifest_path) if manifest_path.is_file() else None,
            "parquet": [str(result.out / f["path"]) for f in manifest["files"]],
            "warc": [str(path) for path in warcs],
        },
    }


def format_outcome(summary: dict[str, Any]) -> str:
    """The summary as the lines a person reads (the error, if any, goes to stderr apart)."""
    n = summary["counts"]
    lines = [
        f"crawl {summary['crawl_id']} ({summary['finish_reason']}) in "
        f"{summary['duration_seconds']:.1f} s: {n['listing_pages']} listing pages, "
        f"{n['responses']} responses",
        f"archived: {n['rows_committed']} new or changed rows, {n['unchanged']} unchanged, "
        f"{n['failures']} failures (+{n['failures_again']} failed again, "
        f"{n['robots_forbidden']} refused by robots.txt); {n['new']} new, {n['revised']} revised",
    ]
    lines += [f"  {count} × {reason}" for reason, count in summary["failures_by_reason"].items()]
    files = summary["files"]
    lines.append(
        f"wrote {len(files['parquet'])} part files, {len(files['warc'])} WARC files; "
        f"manifest: {files['manifest']}"
    )
    health = summary["health"]
    lines += [f"HEALTH: {problem['message']}" for problem in health["failing"]]
    incomplete = "" if summary["walks_complete"] else "listing walk incomplete; "
    lines.append(f"health: {health['verdict']}; {incomplete}exit code {summary['exit_code']}")
    return "\n".join(lines)
