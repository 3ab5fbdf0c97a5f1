"""Packaging an archive as a WACZ file that replay tools (ReplayWeb.page, pywb) open directly.

py-wacz, the format's reference implementation, zips the WARC files, builds the CDX index and
the data package with its hashes; this module gives it the WARC files and ``pages/pages.jsonl``,
one line per row's capture (url, title, ts), so that a replay tool lists the items rather than
every fetched page. The whole archive keeps its WARC files as they are, listing pages included,
so a replayed listing links to its items; ``latest_only`` writes one WARC file that holds only
the records of each item's latest version (its response, then its request).
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
from warcio.archiveiterator import ArchiveIterator

from archiver.store.layout import WARC_DIR
from archiver.store.reader import latest, read
from archiver.store.warc import warc_date

COLUMNS = ["fetched_url", "title", "fetched_at", "warc_file", "warc_offset", "warc_length"]
PAGES_FORMAT = "json-pages-1.0"  # the header line py-wacz and the replay tools expect


class WaczFailed(Exception):
    """py-wacz refused to build the package; the message is its last word."""


def captures(root: Path, latest_only: bool) -> list[dict[str, Any]]:
    """The rows to package, oldest first: each with its WARC record (rows without one, from a
    crawl with WARC capture off, have nothing to replay)."""
    table = latest(root, columns=COLUMNS) if latest_only else read(root, COLUMNS)
    table = table.filter(pc.is_valid(table.column("warc_file")))
    ordered = table.sort_by([("fetched_at", "ascending"), ("fetched_url", "ascending")])
    rows: list[dict[str, Any]] = ordered.to_pylist()
    return rows


def pages_lines(rows: Iterable[dict[str, Any]], title: str) -> str:
    """``pages.jsonl``: its header, then each capture as the replay tools look it up."""
    lines = [{"format": PAGES_FORMAT, "id": "pages", "title": title}]
    lines += [
        {"url": row["fetched_url"], "title": row["title"] or "", "ts": warc_date(row["fetched_at"])}
        for row in rows
    ]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def _exchange_bytes(handle: Any, offset: int, length: int) -> bytes:
    """A row's response record and the request record the writer put right after it."""
    handle.seek(offset + length)
    records = ArchiveIterator(handle)
    request = next(records, None)
    end = offset + length
    if request is not None and request.rec_type == "request":
        records.read_to_end(request)
        end = records.get_record_offset() + records.get_record_length()
    handle.seek(offset)
    data: bytes = handle.read(end - offset)
    return data


def write_latest_warc(root: Path, rows: list[dict[str, Any]], out: Path) -> None:
    """One WARC file of the rows' records, each copied once, in the rows' order."""
    seen: set[tuple[str, int]] = set()
    with out.open("wb") as target:
        for row in rows:
            where = (row["warc_file"], row["warc_offset"])
            if where in seen:  # re-extracted versions share their capture
                continue
            seen.add(where)
            with (root / row["warc_file"]).open("rb") as handle:
                target.write(_exchange_bytes(handle, row["warc_offset"], row["warc_length"]))


def write_wacz(root: Path, out: Path, latest_only: bool = False) -> int:
    """Write the WACZ file ``out``; returns the number of pages it lists (one per capture)."""
    from wacz.main import main as wacz_main

    rows = captures(root, latest_only)
    if not rows:
        raise WaczFailed(f"{root} holds no WARC captures to package")
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".wacz-") as work:
        scratch = Path(work)
        if latest_only:
            warcs = [scratch / "latest.warc.gz"]
            write_latest_warc(root, rows, warcs[0])
        else:
            warcs = sorted((root / WARC_DIR).glob("*.warc.gz"))
        pages = scratch / "pages.jsonl"
        view = "latest version of each item" if latest_only else "every version of each item"
        pages.write_text(pages_lines(rows, f"{root.name}: {view}"), encoding="utf-8")
        chatter = io.StringIO()
        with contextlib.redirect_stdout(chatter):  # py-wacz narrates on stdout
            code = wacz_main(
                ["create", "-o", str(out), "--pages", str(pages), "--copy-pages",
                 "--title", root.name, "--desc", f"archiver export: {view}",
                 *map(str, warcs)]
            )  # fmt: skip
    if code != 0:
        last = chatter.getvalue().strip().splitlines() or ["no message"]
        raise WaczFailed(f"py-wacz could not build the package: {last[-1]}")
    return len(rows)
