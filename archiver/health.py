"""Health of a crawl: field coverage and error rate against floors and against earlier runs.

A layout change on the site does not raise errors; it silently empties a field. So every run
counts, per language, how many items should have each field and how many have it, and the crawl
command ends with exit code 3 when a coverage falls below its floor or drops against the last
run that saw enough items, naming the field, the language, the figures and example URLs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Which items are due each field (None: every item).
FIELD_DUE: dict[str, tuple[str, ...] | None] = {
    "title": None,
    "body": None,
    "published_date": None,
    "author": ("news_comment", "qa"),
    "news": ("news_comment",),
    "comment": ("news_comment",),
}
# Default lowest acceptable coverage per field (ARCHIVER_HEALTH_FLOORS overrides).
DEFAULT_FLOORS: dict[str, float] = {
    "title": 0.98,
    "body": 0.98,
    "published_date": 0.95,
    "author": 0.80,
    "news": 0.90,
    "comment": 0.90,
}
EXAMPLES_KEPT = 3


def is_due(field: str, kind: str) -> bool:
    kinds = FIELD_DUE[field]
    return kinds is None or kind in kinds


def is_filled(value: Any) -> bool:
    return value is not None and value != "" and value != []


def due_key(lang: str, field: str) -> str:
    return f"health/{lang}/{field}/due"


def filled_key(lang: str, field: str) -> str:
    return f"health/{lang}/{field}/filled"


def examples_key(lang: str, field: str) -> str:
    return f"health/{lang}/{field}/missing_examples"


@dataclass(frozen=True)
class Thresholds:
    floors: Mapping[str, float]
    max_drop: float = 0.20
    min_items: int = 20
    max_error_rate: float = 0.10


@dataclass(frozen=True)
class Problem:
    lang: str
    what: str
    message: str


def coverage(stats: Mapping[str, Any], lang: str, field: str) -> tuple[float, int] | None:
    due = int(stats.get(due_key(lang, field), 0))
    if due == 0:
        return None
    return int(stats.get(filled_key(lang, field), 0)) / due, due


def _langs(stats: Mapping[str, Any]) -> list[str]:
    return sorted({key.split("/")[1] for key in stats if key.startswith("health/")})


def check(
    stats: Mapping[str, Any],
    previous: Sequence[Mapping[str, Any]],
    thresholds: Thresholds,
) -> list[Problem]:
    """Problems of this run's ``stats``; ``previous`` holds earlier runs' stats, newest first."""
    problems = []
    for lang in _langs(stats):
        for field in FIELD_DUE:
            now = coverage(stats, lang, field)
            if now is None or now[1] < thresholds.min_items:
                continue
            share, due = now
            examples = ", ".join(stats.get(examples_key(lang, field), [])) or "none kept"
            floor = thresholds.floors.get(field, 0.0)
            if share < floor:
                problems.append(
                    Problem(
                        lang,
                        field,
                        f"{lang}: {field} filled in {share:.1%} of {due} items, below the floor "
                        f"of {floor:.0%} (e.g. {examples})",
                    )
                )
                continue
            before = next(
                (
                    c
                    for run in previous
                    if (c := coverage(run, lang, field)) and c[1] >= thresholds.min_items
                ),
                None,
            )
            if before is not None and before[0] - share > thresholds.max_drop:
                problems.append(
                    Problem(
                        lang,
                        field,
                        f"{lang}: {field} filled in {share:.1%} of {due} items, down from "
                        f"{before[0]:.1%} of {before[1]} in the previous run (e.g. {examples})",
                    )
                )
    items = int(stats.get("item_scraped_count", 0))
    failures = int(stats.get("archive/failures", 0))
    attempts = items + failures
    if attempts >= thresholds.min_items and failures / attempts > thresholds.max_error_rate:
        problems.append(
            Problem(
                "all",
                "errors",
                f"{failures} of {attempts} pages failed ({failures / attempts:.1%}), above "
                f"{thresholds.max_error_rate:.0%}; see the failures in the crawl manifest",
            )
        )
    return problems


def thresholds_from(settings: Mapping[str, Any]) -> Thresholds:
    """Thresholds from ``ARCHIVER_HEALTH_*`` settings (Scrapy settings or a plain mapping)."""
    floors = dict(DEFAULT_FLOORS)
    floors.update(settings.get("ARCHIVER_HEALTH_FLOORS") or {})
    return Thresholds(
        floors=floors,
        max_drop=float(settings.get("ARCHIVER_HEALTH_MAX_DROP", 0.20)),
        min_items=int(settings.get("ARCHIVER_HEALTH_MIN_ITEMS", 20)),
        max_error_rate=float(settings.get("ARCHIVER_HEALTH_MAX_ERROR_RATE", 0.10)),
    )
