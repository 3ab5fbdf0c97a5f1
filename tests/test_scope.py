"""The crawl's scope (archiver.urls.Scope): which addresses a crawl may fetch, and where."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.urls import SITE_DOMAINS, Scope, move_to

REPLICA = Scope.of("http://127.0.0.1:8000")
REAL = Scope.of("https://www.hizb-ut-tahrir.info", ("https://muslimworld.today",))
ITEM = "/en/index.php/x/5.html"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (f"http://127.0.0.1:8000{ITEM}", True),
        (f"HTTP://127.0.0.1:8000{ITEM}", True),
        (f"https://127.0.0.1:8000{ITEM}", True),  # same host:port, the other web scheme
        (f"http://127.0.0.1:8001{ITEM}", False),  # another port of the same host
        (f"http://127.0.0.1{ITEM}", False),  # port 80
        (f"http://localhost:8000{ITEM}", False),  # the same machine by another name
        (f"https://www.hizb-ut-tahrir.info{ITEM}", False),  # the real site, from a replica
        (f"ftp://127.0.0.1:8000{ITEM}", False),
        ("file://127.0.0.1/etc/passwd", False),
        ("data:text/html,hello", False),
        ("s3://bucket/key", False),
        ("http://[::1/", False),  # no URL
        ("http://127.0.0.1:99999/", False),  # no port
    ],
)
def test_a_replica_crawl_allows_its_own_host_and_port_only(url: str, allowed: bool) -> None:
    assert REPLICA.allows(url) is allowed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (f"https://www.hizb-ut-tahrir.info{ITEM}", True),
        (f"https://hizb-ut-tahrir.info{ITEM}", True),  # non-www
        (f"http://hizbuttahrir.today{ITEM}", True),  # a mirror on its scheme's port
        (f"https://muslimworld.today{ITEM}", True),
        (f"https://www.hizb-ut-tahrir.info:8443{ITEM}", False),  # another port
        (f"https://hizb-ut-tahrir.info.evil.example{ITEM}", False),
        (f"https://127.0.0.1{ITEM}", False),
        ("ftp://www.hizb-ut-tahrir.info/x", False),
    ],
)
def test_a_crawl_of_the_real_site_allows_the_sites_hosts(url: str, allowed: bool) -> None:
    assert REAL.allows(url) is allowed


def test_links_to_the_sites_hosts_are_fetched_from_the_base_url() -> None:
    assert REPLICA.link(f"https://hizbuttahrir.today{ITEM}?start=8") == (
        f"http://127.0.0.1:8000{ITEM}?start=8"
    )
    assert REPLICA.link(f"https://www.hizb-ut-tahrir.info:8443{ITEM}") == (
        f"http://127.0.0.1:8000{ITEM}"
    )
    assert REPLICA.link(f"http://127.0.0.1:9000{ITEM}") is None
    assert REPLICA.link("file://127.0.0.1/etc/passwd") is None
    assert REAL.link(f"http://hizbuttahrir.today{ITEM}") == f"https://www.hizb-ut-tahrir.info{ITEM}"


def test_redirects_within_the_sites_hosts_are_followed_as_they_are() -> None:
    """www/non-www and mirror redirects of the real site (rebasing them could loop)."""
    assert REAL.redirect(f"https://hizb-ut-tahrir.info{ITEM}") == (
        f"https://hizb-ut-tahrir.info{ITEM}"
    )
    assert REPLICA.redirect(f"https://hizb-ut-tahrir.info{ITEM}") == f"http://127.0.0.1:8000{ITEM}"
    assert REPLICA.redirect(f"ftp://127.0.0.1:8000{ITEM}") is None
    assert REAL.redirect("https://evil.example/") is None


def test_a_move_to_a_mirror_keeps_the_scope_and_rebases_onto_the_mirror() -> None:
    moved = REAL.moved_to("https://muslimworld.today")
    assert moved.origins == REAL.origins
    assert moved.link(f"https://www.hizb-ut-tahrir.info{ITEM}") == (
        f"https://muslimworld.today{ITEM}"
    )


def test_the_hosts_for_scrapys_offsite_filter() -> None:
    assert REPLICA.hosts() == ["127.0.0.1"]
    assert REAL.hosts() == [*SITE_DOMAINS, "muslimworld.today", "www.hizb-ut-tahrir.info"]


def test_a_scope_without_a_base_url_allows_nothing() -> None:
    assert not Scope.of("").allows(f"http://127.0.0.1:8000{ITEM}")


def test_move_to_keeps_path_and_query_whatever_the_host() -> None:
    assert move_to(f"http://127.0.0.1:5{ITEM}?a=1", "http://127.0.0.1:6") == (
        f"http://127.0.0.1:6{ITEM}?a=1"
    )


@given(st.text(min_size=0, max_size=40))
def test_whatever_a_page_links_a_replica_crawl_fetches_only_from_its_host(href: str) -> None:
    for url in (href, f"http://127.0.0.1:8000/{href}", f"https://www.hizb-ut-tahrir.info/{href}"):
        placed = REPLICA.link(url)
        assert placed is None or placed.lower().startswith(
            ("http://127.0.0.1:8000/", "https://127.0.0.1:8000/")
        )
