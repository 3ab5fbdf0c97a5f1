"""Which items of a listing page to fetch, and whether to read the next page (pure).

Listings are newest first. In incremental mode an item already in the archive is not fetched
again, and a page made only of *settled* items ends the walk: items archived no later than the
start of an earlier run that walked the whole section and finished, so everything older is
archived too (``archiver.store.settled``). An item archived by a run that was killed is known
but not settled: that run may have committed it before older items it never reached.
``since``/``until`` bound the listing dates; a page whose dated entries are all older than
``since`` ends the walk too.

A *walk* is one chain of listing pages, each reached by the previous one's next link. A broken
or hostile server can make it endless (the same entries on every page, or empty pages that
still link a next one, or a next link back to a page already read, which the crawl's duplicate
filter would drop unsaid), so ``walk_end`` stops a walk at a page that lists no entry the walk
has not listed before, at a next link to a page it has read, and at a page cap; such a walk is
cut, not complete.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from w3lib.url import canonicalize_url

MODES = ("incremental", "full")
# The crawl stat naming the sections a run walks completely: unbounded by --since, --until,
# --category or --max-items, and emptied when a listing page cannot be read.
COMPLETE_LANGS_STAT = "frontier/complete_langs"


@dataclass(frozen=True)
class Entry:
    key: str
    listed: date | None  # the listing's date (local calendar day), when it shows one


@dataclass(frozen=True)
class Plan:
    fetch: list[int]  # indices of the entries to request
    follow_next: bool
    skipped_known: int = 0
    skipped_range: int = 0


def listing_day(datetime_raw: str | None) -> date | None:
    """The local calendar day of a listing's ``time[datetime]`` (ISO 8601, with offset)."""
    if not datetime_raw:
        return None
    try:
        return datetime.fromisoformat(datetime_raw.strip()).date()
    except ValueError:
        return None


def plan_page(
    entries: Sequence[Entry],
    known: Container[str],
    *,
    mode: str = "incremental",
    since: date | None = None,
    until: date | None = None,
    settled: Container[str] | None = None,
) -> Plan:
    """``settled`` (by default ``known``) decides whether a page ends an incremental walk."""
    settled = known if settled is None else settled
    fetch: list[int] = []
    skipped_known = skipped_range = 0
    for index, entry in enumerate(entries):
        day = entry.listed
        if day is not None and ((since and day < since) or (until and day > until)):
            skipped_range += 1
        elif mode == "incremental" and entry.key in known:
            skipped_known += 1
        else:
            fetch.append(index)
    all_settled = mode == "incremental" and bool(entries) and all(e.key in settled for e in entries)
    dated = [e.listed for e in entries if e.listed is not None]
    all_too_old = since is not None and bool(dated) and all(d < since for d in dated)
    return Plan(fetch, not (all_settled or all_too_old), skipped_known, skipped_range)


@dataclass
class Walk:
    """What one walk has read so far: its pages, their addresses and the keys they listed."""

    pages: int = 0
    seen: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)  # canonical, as the duplicate filter has it

    def read(self, url: str, keys: Iterable[str]) -> int:
        """Count one more page of the walk, read at ``url``; how many of its keys the walk
        had not listed."""
        self.pages += 1
        self.addresses.add(canonicalize_url(url))
        before = len(self.seen)
        self.seen.update(keys)
        return len(self.seen) - before


def walk_end(walk: Walk, unseen: int, next_url: str, max_pages: int) -> str | None:
    """Why a walk must not follow its page's next link to ``next_url`` (the reason
    recorded), or None."""
    if unseen == 0:
        return "the listing page adds no entry the walk had not listed before"
    if walk.pages >= max_pages:
        return f"the walk reached ARCHIVER_MAX_LISTING_PAGES ({max_pages} pages)"
    if canonicalize_url(next_url) in walk.addresses:
        return "the next link leads back to a page the walk has read"
    return None
