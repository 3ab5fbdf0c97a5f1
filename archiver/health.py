"""Health of a crawl: field coverage and error rate against floors and against earlier runs.

A layout change on the site does not raise errors; it silently empties a field. So every run
counts, per language, how many items should have each field and how many have it, and the crawl
command ends with exit code 3 when a coverage falls below its floor or drops against the last
run that saw enough items, naming the field, the language, the figures and example URLs.

This module owns the judgement; the others only feed it counts. What a field's coverage means
(which items are due it, what counts as filled) is decided here once: ``count_item`` counts a
run's items into its stats (the normalise pipeline calls it), ``FieldCounts.of`` counts an
archive's items by the same rules (``archiver stats`` and the report, over batches that
``with_filled`` reduced as they were read), ``check`` judges a run's stats against the floors
and earlier runs, and ``walk_incomplete`` says whether a run saw its whole listing
(``archiver.crawl`` exits 3 on it even when the check is off).
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from archiver.item import ArchiveItem

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
# Stat the spider counts: listing pages it could not read (after retries, mirrors, fallbacks).
LISTING_FAILED = "listing/failed"
# Stat the spider counts: listing walks cut before their end (archiver.frontier.walk_end).
WALKS_CUT = "listing/walks_cut"
# Stat of a shared-frontier worker (archiver.distributed): False when another worker walked the
# listings, so reading none is no problem of this one.
FRONTIER_SEEDER = "frontier/seeder"


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


class Stats(Protocol):
    """What the check reads and the counting writes: a Scrapy ``StatsCollector``."""

    def get_value(self, key: str, default: Any = None) -> Any: ...

    def set_value(self, key: str, value: Any) -> None: ...

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None: ...


def count_item(stats: Stats, item: ArchiveItem) -> None:
    """Feed one item of a run to the check: per language, each field the item is due, whether
    it has it, and the URLs of the first few items that miss it (the problem's examples)."""
    for field in FIELD_DUE:
        if not is_due(field, item.kind):
            continue
        stats.inc_value(due_key(item.lang, field))
        if is_filled(getattr(item, field)):
            stats.inc_value(filled_key(item.lang, field))
            continue
        examples = stats.get_value(examples_key(item.lang, field), [])
        if len(examples) < EXAMPLES_KEPT:
            stats.set_value(examples_key(item.lang, field), [*examples, item.url])


def filled_mask(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """``is_filled`` of each value of an Arrow column, as Arrow booleans: not null, and not
    empty when text or a list."""
    filled = pc.is_valid(column)
    if pa.types.is_list(column.type):
        return pc.and_kleene(filled, pc.greater(pc.list_value_length(column), 0))
    if _is_text(column.type):
        return pc.and_kleene(filled, pc.greater(pc.utf8_length(column), 0))
    return filled


def _is_text(kind: pa.DataType) -> bool:
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def filled_name(field: str) -> str:
    """The column of ``with_filled`` that ``FieldCounts.of`` reads: whether each item has it."""
    return f"{field}_filled"


def with_filled(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with a ``filled_name`` column for each field of ``FIELD_DUE`` it holds, and
    the text and list fields themselves left out. An archive's texts are most of its bytes and
    counting needs only whether each is there: read whole, the bodies made the card of a
    100,000-item archive cost a gigabyte at the end of every crawl. A date stays: the figures
    need it."""
    for field in FIELD_DUE:
        index = batch.schema.get_field_index(field)
        if index < 0:
            continue
        column = batch.column(index)
        batch = batch.append_column(filled_name(field), filled_mask(column))
        if _is_text(column.type) or pa.types.is_list(column.type):
            batch = batch.remove_column(index)
    return batch


@dataclass
class FieldCounts:
    """An archive's items counted as a run's are: per (lang, kind, field), how many are due
    the field and how many have it (``stats`` and ``report`` describe an archive with it)."""

    due: Counter[tuple[str, str, str]] = dataclasses.field(default_factory=Counter)
    filled: Counter[tuple[str, str, str]] = dataclasses.field(default_factory=Counter)

    @classmethod
    def of(cls, table: pa.Table) -> FieldCounts:
        """Of a table of items holding ``lang``, ``kind`` and the columns ``with_filled`` adds
        for every field of ``FIELD_DUE``."""
        counts = cls()
        langs, kinds = table.column("lang").to_pylist(), table.column("kind").to_pylist()
        for field in FIELD_DUE:
            filled = table.column(filled_name(field)).to_pylist()
            for lang, kind, ok in zip(langs, kinds, filled, strict=True):
                if is_due(field, kind):
                    counts.due[(lang, kind, field)] += 1
                    counts.filled[(lang, kind, field)] += ok
        return counts


def walk_incomplete(stats: Mapping[str, Any]) -> bool:
    """A listing page could not be read or a walk was cut: part of the site went unseen."""
    return any(int(stats.get(stat, 0)) for stat in (LISTING_FAILED, WALKS_CUT))


@dataclass(frozen=True)
class Thresholds:
    floors: Mapping[str, float]
    max_drop: float = 0.20
    min_items: int = 20
    max_error_rate: float = 0.10
    empty_at: int = 3  # a field missing from every one of this many due items fails at once


@dataclass(frozen=True)
class Problem:
    lang: str
    what: str
    message: str


@dataclass(frozen=True)
class Verdict:
    """The check's outcome for one run: passed when no problem was found."""

    problems: tuple[Problem, ...]

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        """``passed`` or ``failed``: the word the stats and the manifest store."""
        return "passed" if self.passed else "failed"

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.name,
            "problems": [asdict(problem) for problem in self.problems],
        }


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
            problem = _field_problem(stats, previous, thresholds, lang, field)
            if problem is not None:
                problems.append(Problem(lang, field, problem))
    failed_listings = int(stats.get(LISTING_FAILED, 0))
    if failed_listings:
        problems.append(
            Problem(
                "all",
                "listings",
                f"{failed_listings} listing page(s) could not be read, so the walk is incomplete; "
                "see the failures in the crawl manifest",
            )
        )
    elif int(stats.get("listing/pages", 0)) == 0 and stats.get(FRONTIER_SEEDER, True):
        problems.append(
            Problem("all", "listings", "no listing page was read: nothing of the site was seen")
        )
    walks_cut = int(stats.get(WALKS_CUT, 0))
    if walks_cut:
        problems.append(
            Problem(
                "all",
                "listings",
                f"{walks_cut} listing walk(s) were cut before their last page (a page adding no "
                "new entry, a next link back to a page read or over URLLENGTH_LIMIT, or "
                "ARCHIVER_MAX_LISTING_PAGES reached), so the walk is incomplete; see the "
                "failures in the crawl manifest",
            )
        )
    errors = _error_problem(stats, previous, thresholds)
    if errors is not None:
        problems.append(Problem("all", "errors", errors))
    return problems


def error_rate(stats: Mapping[str, Any]) -> tuple[float, int] | None:
    """Share of the run's pages that failed (new failures only), and how many were tried."""
    failures = int(stats.get("archive/failures", 0))
    attempts = int(stats.get("item_scraped_count", 0)) + failures
    return (failures / attempts, attempts) if attempts else None


def _error_problem(
    stats: Mapping[str, Any], previous: Sequence[Mapping[str, Any]], thresholds: Thresholds
) -> str | None:
    now = error_rate(stats)
    if now is None or now[1] < thresholds.min_items:
        return None
    rate, attempts = now
    failed = f"{round(rate * attempts)} of {attempts} pages failed ({rate:.1%})"
    if rate > thresholds.max_error_rate:
        return (
            f"{failed}, above {thresholds.max_error_rate:.0%}; "
            "see the failures in the crawl manifest"
        )
    before = next(
        (e for run in previous if (e := error_rate(run)) and e[1] >= thresholds.min_items), None
    )
    if before is not None and rate - before[0] > thresholds.max_drop:
        return (
            f"{failed}, up from {before[0]:.1%} of {before[1]} in the previous run; "
            "see the failures in the crawl manifest"
        )
    return None


def _field_problem(
    stats: Mapping[str, Any],
    previous: Sequence[Mapping[str, Any]],
    thresholds: Thresholds,
    lang: str,
    field: str,
) -> str | None:
    now = coverage(stats, lang, field)
    if now is None:
        return None
    share, due = now
    examples = ", ".join(stats.get(examples_key(lang, field), [])) or "none kept"
    if share == 0 and due >= thresholds.empty_at:
        # A daily run sees few items per language; a field gone from all of them is a
        # layout change however few they are.
        return f"{lang}: {field} missing from all {due} items that should have it (e.g. {examples})"
    if due < thresholds.min_items:
        return None
    floor = thresholds.floors.get(field, 0.0)
    if share < floor:
        return (
            f"{lang}: {field} filled in {share:.1%} of {due} items, below the floor "
            f"of {floor:.0%} (e.g. {examples})"
        )
    before = next(
        (
            c
            for run in previous
            if (c := coverage(run, lang, field)) and c[1] >= thresholds.min_items
        ),
        None,
    )
    if before is not None and before[0] - share > thresholds.max_drop:
        return (
            f"{lang}: {field} filled in {share:.1%} of {due} items, down from "
            f"{before[0]:.1%} of {before[1]} in the previous run (e.g. {examples})"
        )
    return None


def thresholds_from(settings: Mapping[str, Any]) -> Thresholds:
    """Thresholds from ``ARCHIVER_HEALTH_*`` settings (Scrapy settings or a plain mapping)."""
    given = settings.get("ARCHIVER_HEALTH_FLOORS") or {}
    if isinstance(given, str):  # from the command line: -s 'ARCHIVER_HEALTH_FLOORS={"author": 0.5}'
        try:
            given = json.loads(given)
        except ValueError as error:
            raise ValueError(
                f"ARCHIVER_HEALTH_FLOORS must be a JSON object of field: share, not {given!r}"
            ) from error
    unknown = sorted(set(given) - set(FIELD_DUE))
    if unknown:
        raise ValueError(
            f"ARCHIVER_HEALTH_FLOORS names unknown field(s) {', '.join(unknown)}; "
            f"the fields are {', '.join(FIELD_DUE)}"
        )
    return Thresholds(
        floors={**DEFAULT_FLOORS, **{k: float(v) for k, v in given.items()}},
        max_drop=float(settings.get("ARCHIVER_HEALTH_MAX_DROP", 0.20)),
        min_items=int(settings.get("ARCHIVER_HEALTH_MIN_ITEMS", 20)),
        max_error_rate=float(settings.get("ARCHIVER_HEALTH_MAX_ERROR_RATE", 0.10)),
        empty_at=int(settings.get("ARCHIVER_HEALTH_EMPTY_AT", 3)),
    )
