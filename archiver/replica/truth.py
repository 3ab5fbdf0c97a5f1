"""The ground truth of an item: the dataset columns a correct extractor produces from its page.

Derived from the same blocks the page renders, with the text rules of ``docs/markup.md``:
``body`` is every block of role text/label/signoff; ``links``/``images``/``media`` come from
those same blocks (never from the press-release header or contact footer).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hijridate import Hijri

from archiver.columns import DATE_COLUMNS, PAGE_COLUMNS, check_columns
from archiver.replica.blocks import (
    BODY_ROLES,
    Block,
    Frame,
    Image,
    Inline,
    Link,
    block_text,
    section_text,
)
from archiver.replica.catalog import Entry
from archiver.replica.content import Content
from archiver.replica.paths import canonical_url

MEDIA_SUFFIXES = (".mp3", ".mp4", ".pdf")
# The truth knows every page and date column (their names come from the registry, never their
# values) but these: the address a crawl fetched, the extractor's flags and version, the raw text
# of the chosen date and the header widget's day.
UNMODELLED = ("fetched_url", "page_flags", "parser_version", "date_raw", "page_header_date")
TRUTH_COLUMNS = tuple(n for n in (*PAGE_COLUMNS, *DATE_COLUMNS) if n not in UNMODELLED)
# Beside the columns: the listing's date as the listing prints it.
TRUTH_KEYS = (*TRUTH_COLUMNS, "listing_datetime")


def _paragraphs(texts: list[str]) -> str | None:
    kept = [t for t in texts if t]
    return "\n\n".join(kept) if kept else None


def _unique(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def _media_url(part: Inline) -> str:
    if isinstance(part, Frame):
        return part.src
    if isinstance(part, Link) and part.href.lower().endswith(MEDIA_SUFFIXES):
        return part.href
    return ""


def _section(blocks: list[Block], name: str) -> str | None:
    return _paragraphs([section_text(b) for b in blocks if b.section == name])


def truth(entry: Entry, content: Content, path: str) -> dict[str, Any]:
    """``TRUTH_KEYS`` for one item: every page and date column but the unmodelled, and the
    listing date as the listing prints it; a column added to the registry and not here fails."""
    body_blocks = [b for b in content.blocks if b.role in BODY_ROLES]
    parts = [part for b in body_blocks for part in b.inlines]
    links = [p.href for p in parts if isinstance(p, Link)]
    signoff = next((b for b in body_blocks if b.role == "signoff"), None)
    values = {
        "key": f"{entry.lang}/{entry.item_id}",
        "lang": entry.lang,
        "item_id": entry.item_id,
        "url": canonical_url(path),
        "category": entry.menu.name,
        "category_path": entry.menu.path,
        "kind": entry.menu.kind,
        "title": content.title,
        "subtitle": content.subtitle,
        "translated": content.translated,
        "news": _section(body_blocks, "news"),
        "comment": _section(body_blocks, "comment"),
        "body": _paragraphs([block_text(b) for b in body_blocks]),
        "author": content.author,
        "signoff": block_text(signoff).replace("\n", " ") if signoff else None,
        "office": content.office,
        "reference": content.reference,
        "tags": list(content.tags),
        "links": _unique(links),
        "images": _unique([p.src for p in parts if isinstance(p, Image)]),
        "media": _unique([u for p in parts if (u := _media_url(p))]),
        "published_date": entry.published.date(),
        # Exactly midnight is the site's (K2's) way of saying "no time of day".
        "published_at": None if _is_midnight(entry.published) else entry.published.astimezone(UTC),
        **_date_columns(entry.published.date(), content.published_hijri),
        "layout": entry.layout,
        "listing_datetime": entry.published.isoformat(),
    }
    check_columns(values, "the replica's truth", TRUTH_KEYS)
    return values


def _date_columns(day: date, printed_hijri: str | None) -> dict[str, Any]:
    """The date columns of docs/dates.md for an item listed with its time (every replica item).

    The listing is the best-ranked source and prints no Hijri, so the page's printed Hijri date
    fills ``published_hijri`` and ``hijri_offset_days`` (its Gregorian line names the listing's
    day). A wrong Hijri (the data-entry errors, more than a day off) is kept as printed and
    flags the item ``hijri_mismatch``.
    """
    offset = None if printed_hijri is None else (day - _umm_al_qura_day(printed_hijri)).days
    wrong = offset is not None and abs(offset) > 1
    return {
        "published_hijri": printed_hijri,
        "hijri_offset_days": offset,
        "date_source": "listing",
        "date_status": "hijri_mismatch" if wrong else "ok",
        "date_conflict": wrong,
    }


def _umm_al_qura_day(iso: str) -> date:
    """Umm al-Qura's Gregorian day for a printed ``YYYY-MM-DD`` Hijri date."""
    year, month, day = map(int, iso.split("-"))
    return Hijri(year, month, 1).to_gregorian() + timedelta(days=day - 1)


def _is_midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second) == (0, 0, 0)
