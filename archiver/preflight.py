"""What a crawl checks before it starts, so that an operator's mistake ends it in one line.

Settings are read by their declared kind (``SETTING_KINDS``: the project's and the Scrapy
settings an operator is likely to pass with ``-s``), the output directory must be one a crawl
can write, the date range must be ISO dates in order, and the real site is never crawled
without the operator's contact. Each check raises ``Refused`` (a ``ValueError``): both
``archiver crawl`` and ``scrapy crawl`` turn it into one line and exit code 2, before any file
of the archive is touched.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings

from archiver import contact
from archiver.health import thresholds_from


class Refused(ValueError):
    """An input a crawl will not start with; the message names it and what to give instead."""


@dataclass(frozen=True)
class Kind:
    read: Callable[[BaseSettings, str], Any]  # Scrapy's own getter: the forms Scrapy accepts
    wanted: str  # what to give, for the message
    valid: Callable[[Any], bool] = lambda value: True


WHOLE = Kind(BaseSettings.getint, "a whole number of 1 or more", lambda n: n >= 1)
COUNT = Kind(BaseSettings.getint, "a whole number of 0 or more", lambda n: n >= 0)
SECONDS = Kind(BaseSettings.getfloat, "a number of seconds, 0 or more", lambda s: s >= 0)
DURATION = Kind(BaseSettings.getfloat, "a number of seconds above 0", lambda s: s > 0)
POSITIVE = Kind(BaseSettings.getfloat, "a number above 0", lambda x: x > 0)
SHARE = Kind(BaseSettings.getfloat, "a share from 0 to 1, e.g. 0.2", lambda s: 0 <= s <= 1)
FLAG = Kind(BaseSettings.getbool, "True or False")
PROGRESS = Kind(BaseSettings.get, "auto, on or off", lambda s: s in ("auto", "on", "off"))

# Settings a crawl reads, by kind. A setting added to archiver/settings.py gets a line here.
SETTING_KINDS: dict[str, Kind] = {
    "DOWNLOAD_TIMEOUT": DURATION,
    "DOWNLOAD_DELAY": SECONDS,
    "DOWNLOAD_MAXSIZE": COUNT,
    "DOWNLOAD_WARNSIZE": COUNT,
    "CONCURRENT_REQUESTS": WHOLE,
    "CONCURRENT_REQUESTS_PER_DOMAIN": WHOLE,
    "CONCURRENT_ITEMS": WHOLE,
    "AUTOTHROTTLE_ENABLED": FLAG,
    "AUTOTHROTTLE_START_DELAY": SECONDS,
    "AUTOTHROTTLE_MAX_DELAY": SECONDS,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": POSITIVE,
    "RETRY_ENABLED": FLAG,
    "RETRY_TIMES": COUNT,
    "REDIRECT_MAX_TIMES": COUNT,
    "ROBOTSTXT_OBEY": FLAG,
    "CLOSESPIDER_TIMEOUT": SECONDS,
    "ARCHIVER_FRONTIER_LEASE": DURATION,
    "ARCHIVER_FRONTIER_POLL": DURATION,
    "CLOSESPIDER_ITEMCOUNT": COUNT,
    "CLOSESPIDER_PAGECOUNT": COUNT,
    "CLOSESPIDER_ERRORCOUNT": COUNT,
    "ARCHIVER_BATCH_ROWS": WHOLE,
    "ARCHIVER_MAX_LISTING_PAGES": WHOLE,
    "ARCHIVER_WARC_ENABLED": FLAG,
    "ARCHIVER_WARC_MAX_BYTES": WHOLE,
    "ARCHIVER_RETRY_AFTER_ENABLED": FLAG,
    "ARCHIVER_RETRY_AFTER_MAX": SECONDS,
    "ARCHIVER_RETRY_BACKOFF_BASE": SECONDS,
    "ARCHIVER_RETRY_BACKOFF_MAX": SECONDS,
    "ARCHIVER_HEALTH_ENABLED": FLAG,
    "ARCHIVER_HEALTH_MAX_DROP": SHARE,
    "ARCHIVER_HEALTH_MIN_ITEMS": WHOLE,
    "ARCHIVER_HEALTH_EMPTY_AT": WHOLE,
    "ARCHIVER_HEALTH_MAX_ERROR_RATE": SHARE,
    "ARCHIVER_PROGRESS": PROGRESS,
    "ARCHIVER_PROGRESS_INTERVAL": DURATION,
    "ARCHIVER_EXTRACT_DEADLINE": DURATION,
}
# Kernel file systems: nothing of an archive can live there.
VIRTUAL_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


def check_settings(settings: BaseSettings) -> None:
    """Every setting of ``SETTING_KINDS`` that is set reads as its kind and lies in its range."""
    for name, kind in SETTING_KINDS.items():
        if settings.get(name) is None:
            continue
        try:
            valid = kind.valid(kind.read(settings, name))
        except (TypeError, ValueError):
            valid = False
        if not valid:
            raise Refused(f"setting {name}={settings.get(name)!r} is not valid: give {kind.wanted}")
    try:
        thresholds_from(settings)
    except (TypeError, ValueError) as error:
        raise Refused(str(error)) from None


def date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """``since`` and ``until`` as dates (ISO 8601, e.g. 2024-11-26), the first not after the
    second: one reading for ``archiver crawl --since`` and ``scrapy crawl -a since=``."""
    days = []
    for name, text in (("since", since), ("until", until)):
        try:
            days.append(date.fromisoformat(text) if text else None)
        except ValueError:
            raise Refused(
                f"{name} {text!r} is not a date in ISO form; give YYYY-MM-DD, e.g. 2024-11-26"
            ) from None
    first, last = days
    if first and last and first > last:
        raise Refused(f"since {first} is after until {last}; give since on or before until")
    return first, last


def output_dir(root: Path) -> Path:
    """``root`` once it is a directory the crawl can write (created if missing)."""
    resolved = root.resolve()
    for virtual in VIRTUAL_ROOTS:
        if resolved.is_relative_to(virtual):
            raise Refused(f"{root} is under {virtual}, a kernel file system; choose another --out")
    if root.exists() and not root.is_dir():
        raise Refused(f"{root} exists and is not a directory; choose another --out")
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError as error:
        raise Refused(f"cannot write to {root}: {error.strerror}; choose another --out") from None
    return root


def crawl_targets(settings: BaseSettings, spider_args: Mapping[str, Any]) -> list[str]:
    """The addresses a crawl will fetch from: its base URL (or item URL) and its mirrors."""
    given = [url for url in (spider_args.get("base_url"), spider_args.get("url")) if url]
    mirrors = str(spider_args.get("mirrors") or "").split(",")
    return [*(given or [settings.get("ARCHIVER_BASE_URL", "")]), *filter(None, mirrors)]


def check_contact(settings: BaseSettings, spider_args: Mapping[str, Any]) -> None:
    given = str(settings.get("ARCHIVER_CONTACT") or "").strip()
    if given and not contact.is_valid(given):
        raise Refused(
            f"ARCHIVER_CONTACT={given!r} is neither a web address nor an e-mail address; "
            "give e.g. mailto:you@example.org or https://example.org/contact"
        )
    if not given and contact.needs_contact(crawl_targets(settings, spider_args)):
        raise Refused(
            f"crawling the real site needs your contact in the user agent: set {contact.HOW_TO_SET}"
        )


def check_crawl(settings: BaseSettings, spider_args: Mapping[str, Any]) -> Path:
    """Every check, cheapest first; returns the archive directory, ready to be written."""
    check_settings(settings)
    check_contact(settings, spider_args)
    return output_dir(Path(settings["ARCHIVER_OUT"]))
