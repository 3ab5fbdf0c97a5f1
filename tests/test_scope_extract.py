"""``archiver extract URL`` fetches as a crawl does: within the URL's scope, no ftp: redirect,
the crawl's size cap, and a deadline for the whole fetch."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from archiver.cli import main
from tests.hostile import HostileServer, Reply, item_page, redirect, serving

ITEM = "/en/index.php/x/5.html"


@pytest.fixture(autouse=True)
def names_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name looked up in the test; none but 127.0.0.1 is resolved (no network, ever)."""
    asked: list[str] = []
    resolve = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(str(host))
        if host != "127.0.0.1":
            raise socket.gaierror(f"the test resolves no name but 127.0.0.1, not {host}")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    return asked


@pytest.fixture
def servers() -> Iterator[tuple[HostileServer, HostileServer]]:
    with serving() as site, serving() as other:
        site.routes[ITEM] = item_page("Item five")
        other.routes[ITEM] = item_page("Item five from another port")
        yield site, other


def extract(url: str, capsys: pytest.CaptureFixture[str], *settings: str) -> tuple[int, str]:
    code = main(["extract", url, *(arg for s in settings for arg in ("-s", s))])
    captured = capsys.readouterr()
    return code, captured.out if code == 0 else captured.err


@pytest.mark.parametrize(
    ("target", "status"),
    [("{other}" + ITEM, 302), ("ftp://127.0.0.1:{other_port}" + ITEM, 301)],
)
def test_a_redirect_off_scope_is_not_followed(
    servers: tuple[HostileServer, HostileServer],
    capsys: pytest.CaptureFixture[str],
    target: str,
    status: int,
) -> None:
    site, other = servers
    target = target.format(other=other.base_url, other_port=other.port)
    site.routes["/moved.html"] = redirect(target, status)
    code, err = extract(site.base_url + "/moved.html", capsys)
    assert (code, err) == (
        1,
        f"archiver extract: cannot read {site.base_url}/moved.html: "
        f"redirected off scope to {target} (not followed)\n",
    )
    assert other.paths() == []


def test_a_redirect_to_the_real_site_is_followed_on_the_urls_own_host(
    servers: tuple[HostileServer, HostileServer],
    capsys: pytest.CaptureFixture[str],
    names_asked: list[str],
) -> None:
    site, _ = servers
    site.routes["/moved.html"] = redirect(f"https://www.hizb-ut-tahrir.info{ITEM}")
    code, out = extract(site.base_url + "/moved.html", capsys)
    assert code == 0, out
    assert json.loads(out)["title"] == "Item five"
    assert site.paths() == ["/moved.html", ITEM]
    assert set(names_asked) == {"127.0.0.1"}


def test_a_page_over_the_size_cap_is_refused(
    servers: tuple[HostileServer, HostileServer], capsys: pytest.CaptureFixture[str]
) -> None:
    site, _ = servers
    code, err = extract(site.base_url + ITEM, capsys, "DOWNLOAD_MAXSIZE=100")
    size = len(site.routes[ITEM].body)
    assert (code, err) == (
        1,
        f"archiver extract: cannot read {site.base_url}{ITEM}: "
        f"the page is larger than DOWNLOAD_MAXSIZE ({size} > 100 bytes)\n",
    )


def test_a_slow_page_ends_at_the_deadline(
    servers: tuple[HostileServer, HostileServer], capsys: pytest.CaptureFixture[str]
) -> None:
    site, _ = servers
    site.routes["/slow.html"] = Reply(200, {"Content-Type": "text/html"}, b"x" * 400, 0.01)
    started = time.monotonic()
    code, err = extract(site.base_url + "/slow.html", capsys, "ARCHIVER_EXTRACT_DEADLINE=0.5")
    assert time.monotonic() - started < 2.0  # the whole body would take 4 s
    assert (code, err) == (
        1,
        f"archiver extract: cannot read {site.base_url}/slow.html: "
        "the fetch took longer than ARCHIVER_EXTRACT_DEADLINE (0.5 s)\n",
    )


WHOLE = item_page("The whole of an item").body
BROKEN = [
    (
        Reply(200, {"Content-Type": "text/html"}, WHOLE[:40], declared_length=len(WHOLE)),
        f"the page ended after 40 of the {len(WHOLE)} bytes its Content-Length declared",
    ),
    (
        Reply(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, WHOLE),
        "the answer is compressed (gzip), which was not asked for",
    ),
    (
        Reply(raw=b"HTTP/1.1 abc garbage\r\n\r\n" + WHOLE),
        "not an HTTP answer (BadStatusLine: 'HTTP/1.1 abc garbage\\r\\n')",
    ),
    (
        Reply(raw=WHOLE),
        "not an HTTP answer (BadStatusLine: '<html><head><title>The whole of an item</title>"
        "</head><body>…')",
    ),
]


@pytest.mark.parametrize(("reply", "why"), BROKEN)
def test_a_broken_answer_is_refused_in_one_line_not_read_in_part(
    servers: tuple[HostileServer, HostileServer],
    capsys: pytest.CaptureFixture[str],
    reply: Reply,
    why: str,
) -> None:
    """A crawl fails such pages (docs/operations.md); extract neither prints half a page nor
    raises."""
    site, _ = servers
    site.routes["/broken.html"] = reply
    code, err = extract(site.base_url + "/broken.html", capsys)
    assert (code, err) == (1, f"archiver extract: cannot read {site.base_url}/broken.html: {why}\n")


def test_a_bad_deadline_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = extract("http://127.0.0.1:9/x.html", capsys, "ARCHIVER_EXTRACT_DEADLINE=soon")
    assert code == 1
    assert err.startswith("archiver extract: setting ARCHIVER_EXTRACT_DEADLINE='soon'")
