"""``archiver extract FILE|URL``: one page through the page objects, printed as JSON.

A URL is fetched as a crawl would fetch it: http(s) only, redirects followed only within the
URL's own scope (its host:port; the site's hosts move onto it, ``archiver.urls.Scope``), the
body capped at ``DOWNLOAD_MAXSIZE`` and the whole fetch at ``ARCHIVER_EXTRACT_DEADLINE``; a
body cut short of its Content-Length, compressed, or not in HTTP at all is refused, not read.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import time
import urllib.error
import urllib.request
from http.client import HTTPMessage, HTTPResponse
from pathlib import Path
from typing import IO, Any

from archiver.cli import EXIT_OK
from archiver.commands.common import CommandFailed
from archiver.extraction import extract
from archiver.jsonable import jsonable
from archiver.urls import Scope

READ_CHUNK = 64 * 1024


def register(sub: Any) -> None:
    parser = sub.add_parser("extract", help="extract one page (file or URL) to JSON")
    parser.add_argument("source", help="a saved page (FILE) or an http(s) URL")
    parser.add_argument("--url", help="the address FILE was fetched from (default: its file: URI)")
    parser.add_argument("--listing-date", help="the item's date as its listing printed it")
    parser.add_argument(
        "-s",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the fetch (DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, "
        "ARCHIVER_EXTRACT_DEADLINE, ARCHIVER_CONTACT, USER_AGENT), as with `archiver crawl -s`",
    )
    parser.set_defaults(run=run)


class _Limits:
    """The crawl's caps for one fetch: size, per-read timeout, and a deadline for the whole."""

    def __init__(self, pairs: list[str]) -> None:
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "archiver.settings")
        from scrapy.utils.project import get_project_settings

        from archiver.commands.crawl import parse_settings
        from archiver.contact import name_contact
        from archiver.preflight import Refused, check_settings

        settings = get_project_settings()
        try:
            settings.update(parse_settings(pairs), priority="cmdline")
            check_settings(settings)
        except (Refused, ValueError) as error:
            raise CommandFailed(str(error)) from None
        name_contact(settings)  # as a crawl does: -s ARCHIVER_CONTACT=… reaches the agent
        self.max_size = settings.getint("DOWNLOAD_MAXSIZE")  # 0: no cap, as in Scrapy
        self.timeout = settings.getfloat("DOWNLOAD_TIMEOUT")
        self.seconds = settings.getfloat("ARCHIVER_EXTRACT_DEADLINE")
        self.user_agent = str(settings["USER_AGENT"])
        self.ends = time.monotonic() + self.seconds

    def left(self) -> float:
        """Seconds left before the deadline; CommandFailed once it has passed."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise CommandFailed(
                f"the fetch took longer than ARCHIVER_EXTRACT_DEADLINE ({self.seconds:g} s)"
            )
        return left

    def too_large(self, size: int) -> bool:
        return bool(self.max_size) and size > self.max_size

    def read(self, response: HTTPResponse) -> bytes:
        """The body as a crawl would take it: within the caps, whole, not compressed."""
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):  # none was asked for: no bomb to inflate
            raise CommandFailed(f"the answer is compressed ({encoding}), which was not asked for")
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and self.too_large(int(length)):
            raise self.oversize(int(length))
        body = bytearray()
        while chunk := response.read1(READ_CHUNK):
            body += chunk
            if self.too_large(len(body)):
                raise self.oversize(len(body))
            self.left()
        if length.isdigit() and len(body) < int(length):  # urllib returns the part it got
            raise CommandFailed(
                f"the page ended after {len(body)} of the {length} bytes its Content-Length "
                "declared"
            )
        return bytes(body)

    def oversize(self, size: int) -> CommandFailed:
        return CommandFailed(
            f"the page is larger than DOWNLOAD_MAXSIZE ({size} > {self.max_size} bytes)"
        )


class _ScopedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects as a crawl follows them: within the scope, before the deadline; never to ftp:
    or another host or port (urllib alone would follow those)."""

    def __init__(self, scope: Scope, limits: _Limits) -> None:
        self.scope = scope
        self.limits = limits

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        placed = self.scope.redirect(newurl)
        if placed is None:
            raise CommandFailed(f"redirected off scope to {newurl} (not followed)")
        self.limits.left()
        return super().redirect_request(req, fp, code, msg, headers, placed)


def _fetch(url: str, limits: _Limits) -> tuple[bytes, str | None]:
    # Only the http(s) handlers: no ftp:, file: or data: opener to reach by any redirect.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _ScopedRedirects(Scope.of(url), limits),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    request = urllib.request.Request(url, headers={"User-Agent": limits.user_agent})
    timeout = min(limits.timeout, limits.left())  # a read waits at most this long
    with opener.open(request, timeout=timeout) as response:
        return limits.read(response), response.headers.get_content_charset()


def run(args: argparse.Namespace) -> int:
    source: str = args.source
    limits = _Limits(args.settings)
    try:
        if source.startswith(("http://", "https://")):
            body, encoding = _fetch(source, limits)
            url = args.url or source
        else:
            body, encoding = Path(source).read_bytes(), None
            url = args.url or Path(source).resolve().as_uri()
    except (OSError, urllib.error.URLError, CommandFailed) as error:
        raise CommandFailed(f"cannot read {source}: {error}") from error
    except http.client.HTTPException as error:  # a broken status line, or no HTTP at all
        line = str(error)
        shown = repr(line[:60] + "…" if len(line) > 60 else line)
        raise CommandFailed(
            f"cannot read {source}: not an HTTP answer ({type(error).__name__}: {shown})"
        ) from error
    item = extract(body, url, args.listing_date, encoding=encoding)
    record = {name: jsonable(value) for name, value in item.to_record().items()}
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
