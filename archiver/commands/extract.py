"""``archiver extract FILE|URL``: one page through the page objects, printed as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from archiver.cli import EXIT_OK
from archiver.commands.common import CommandFailed
from archiver.extraction import extract
from archiver.jsonable import jsonable
from archiver.settings import DOWNLOAD_TIMEOUT, USER_AGENT


def register(sub: Any) -> None:
    parser = sub.add_parser("extract", help="extract one page (file or URL) to JSON")
    parser.add_argument("source", help="a saved page (FILE) or an http(s) URL")
    parser.add_argument("--url", help="the address FILE was fetched from (default: its file: URI)")
    parser.add_argument("--listing-date", help="the item's date as its listing printed it")
    parser.set_defaults(run=run)


def _fetch(url: str) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
        return response.read(), response.headers.get_content_charset()


def run(args: argparse.Namespace) -> int:
    source: str = args.source
    try:
        if source.startswith(("http://", "https://")):
            body, encoding = _fetch(source)
            url = args.url or source
        else:
            body, encoding = Path(source).read_bytes(), None
            url = args.url or Path(source).resolve().as_uri()
    except (OSError, urllib.error.URLError) as error:
        raise CommandFailed(f"cannot read {source}: {error}") from error
    item = extract(body, url, args.listing_date, encoding=encoding)
    record = {name: jsonable(value) for name, value in item.to_record().items()}
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
