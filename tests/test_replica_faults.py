"""The replica's operations options: fault specs, transient and permanent faults over HTTP,
the request log, editions (new and revised items), broken labels and robots.txt."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import pytest
from parsel import Selector

from archiver.pages import extract_item
from archiver.replica import Replica
from archiver.replica.catalog import NEWEST
from archiver.replica.changes import BROKEN_MARK
from archiver.replica.faults import FaultSpec, parse_faults, permanent, transient
from archiver.replica.languages import LEXICONS
from archiver.replica.server import ReplicaServer
from archiver.urls import parse_item_url

DAY = date(2026, 3, 1)
SITE_ITEMS, SITE_SEED = 120, 11


def test_a_spec_parses_into_rates_and_parameters() -> None:
    spec = parse_faults("500=0.05,503=0.05,retry_after=3,delay=0.02,delay_seconds=1.5,"
                        "deleted=0.01,duplicate=0.02,attempts=2,seed=3")  # fmt: skip
    assert spec == FaultSpec(
        rates={"500": 0.05, "503": 0.05, "delay": 0.02, "deleted": 0.01, "duplicate": 0.02},
        retry_after=3,
        delay_seconds=1.5,
        attempts=2,
        seed=3,
    )
    assert parse_faults("") == FaultSpec()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("500", "is not NAME=VALUE"),
        ("404=0.1", "unknown name '404'"),
        ("500=lots", "500='lots' is not a number"),
        ("500=1.5", "between 0 and 1"),
        ("500=0.6,503=0.6", "add up to more than 1"),
        ("attempts=0", "attempts must be at least 1"),
    ],
)
def test_a_bad_spec_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_faults(text)


def test_faults_follow_their_rates_and_transient_ones_clear() -> None:
    spec = parse_faults("500=0.1,503=0.05,drop=0.05,deleted=0.1,loop=0.05,attempts=2,seed=4")
    targets = [f"/en/index.php/x/{n}.html" for n in range(20_000)]
    first = [transient(spec, t, 1) for t in targets]
    assert 0.09 < first.count("500") / len(targets) < 0.11
    assert 0.04 < first.count("drop") / len(targets) < 0.06
    assert [transient(spec, t, 2) for t in targets] == first  # the same again on attempt 2
    assert {transient(spec, t, 3) for t in targets} == {None}  # and gone on attempt 3
    items = [permanent(spec, "en", n) for n in range(20_000)]
    assert 0.09 < items.count("deleted") / len(items) < 0.11
    assert 0.04 < items.count("loop") / len(items) < 0.06
    other_seed = parse_faults("500=0.1,503=0.05,drop=0.05,deleted=0.1,loop=0.05,seed=5")
    assert [permanent(other_seed, "en", n) for n in range(20_000)] != items


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Replica, str]]:
    """A replica with every kind of fault, served from a thread of this process."""
    spec = parse_faults(
        "500=0.1,503=0.1,429=0.1,delay=0.1,delay_seconds=0.4,truncate=0.1,drop=0.1,"
        "deleted=0.1,nonhtml=0.1,loop=0.1,duplicate=0.2,retry_after=7,seed=2"
    )
    site = Replica(SITE_ITEMS, SITE_SEED, ("en",), faults=spec)
    server = ReplicaServer(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, server.base_url
    server.shutdown()
    server.server_close()
    thread.join()


def get(base_url: str, target: str) -> tuple[int, dict[str, str], bytes]:
    """One request on a fresh connection: status, headers and body (errors raise)."""
    connection = http.client.HTTPConnection(urlsplit(base_url).netloc, timeout=10)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def log(base_url: str, since: int = 0) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads(get(base_url, f"/_replica/log?since={since}")[2])
    return entries


def _healthy_items(site: Replica) -> list[str]:
    return [site.item_url("en", i) for i in site.item_ids("en") if site.fault("en", i) is None]


def _target_with(site: Replica, fault: str, which: int = 0) -> str:
    """A healthy item page whose first request meets ``fault`` (tests take distinct ones:
    the server counts attempts for as long as it runs)."""
    spec = site.faults
    assert spec is not None
    return [t for t in _healthy_items(site) if transient(spec, t, 1) == fault][which]


def test_transient_faults_over_http_then_the_page(served: tuple[Replica, str]) -> None:
    site, base = served
    target = _target_with(site, "503")
    status, headers, _ = get(base, target)
    assert (status, headers["Retry-After"]) == (503, "7")
    assert get(base, target)[0] == 200
    target = _target_with(site, "429")
    assert get(base, target)[0] == 429
    assert get(base, target)[0] == 200
    target = _target_with(site, "500")
    status, headers, _ = get(base, target)
    assert status == 500 and "Retry-After" not in headers
    assert get(base, target)[0] == 200
    target = _target_with(site, "drop")
    with pytest.raises(http.client.RemoteDisconnected):
        get(base, target)
    assert get(base, target)[0] == 200
    target = _target_with(site, "truncate")
    with pytest.raises(http.client.IncompleteRead):
        get(base, target)
    assert get(base, target)[0] == 200
    target = _target_with(site, "delay")
    started = time.monotonic()
    assert get(base, target)[0] == 200
    assert time.monotonic() - started >= 0.4
    started = time.monotonic()
    assert get(base, target)[0] == 200
    assert time.monotonic() - started < 0.4


def test_the_request_log_says_what_was_asked_when_and_what_came_of_it(
    served: tuple[Replica, str],
) -> None:
    site, base = served
    since = len(log(base))
    target = _target_with(site, "503", which=-1)
    get(base, target)
    get(base, target)
    first, second = log(base, since)
    path = urlsplit(target).path
    assert {k: first[k] for k in ("path", "query", "attempt", "status", "fault")} == {
        "path": path, "query": "", "attempt": 1, "status": 503, "fault": "503",
    }  # fmt: skip
    assert (second["attempt"], second["status"], second["fault"]) == (2, 200, None)
    assert 0 <= float(second["time"]) - float(first["time"]) < 5  # type: ignore[arg-type]
    assert first["host"] == urlsplit(base).netloc


def test_permanent_faults_never_clear() -> None:
    spec = parse_faults("deleted=0.1,nonhtml=0.1,loop=0.1,duplicate=0.2,seed=2")
    site = Replica(SITE_ITEMS, SITE_SEED, ("en",), faults=spec)
    by_fault: dict[str, int] = {}
    for item_id in site.item_ids("en"):
        fault = site.fault("en", item_id)
        if fault:
            by_fault.setdefault(fault, item_id)
    assert set(by_fault) == {"deleted", "nonhtml", "loop", "duplicate"}
    deleted = site.item_url("en", by_fault["deleted"])
    nonhtml = site.item_url("en", by_fault["nonhtml"])
    looping = site.item_url("en", by_fault["loop"])
    for _ in range(3):
        assert site.route(deleted, "").status == 404
        assert site.route(deleted, "tmpl=component&print=1").status == 404
        response = site.route(nonhtml, "")
        assert (response.status, response.content_type) == (200, "application/pdf")
        assert response.body.startswith(b"%PDF-")
        response = site.route(looping, "")
        assert (response.status, response.headers) == (302, (("Location", looping + "?loop=1"),))
        response = site.route(looping, "loop=1")
        assert (response.status, response.headers) == (302, (("Location", looping),))
    assert site.route(site.item_url("en", by_fault["duplicate"]), "").status == 200


def test_a_duplicate_is_listed_again_at_the_top_of_the_next_page() -> None:
    site = Replica(SITE_ITEMS, SITE_SEED, ("en",), faults=parse_faults("duplicate=0.2,seed=2"))
    menu = LEXICONS["en"].latest
    ids = site.menu_ids("en", menu)
    size = menu.page_size
    for start in range(0, len(ids), size):
        page = site.render_listing("en", menu, start, DAY)
        assert page is not None
        links = Selector(text=page).css("article header h4 a::attr(href)").getall()
        listed = [ref.item_id for ref in map(parse_item_url, links) if ref]
        again = [i for i in ids[max(0, start - size) : start] if site.fault("en", i) == "duplicate"]
        assert listed == again + ids[start : start + size]
    assert sum(site.fault("en", i) == "duplicate" for i in ids) >= 10


def test_a_later_edition_adds_items_on_top_and_revises_five_percent() -> None:
    first = Replica(SITE_ITEMS, SITE_SEED, ("en", "ar"))
    later = Replica(SITE_ITEMS, SITE_SEED, ("en", "ar"), edition=2)
    revised = later.revised_keys(1) | later.revised_keys(2)
    assert later.revised_keys(0) == set() and later.revised_keys(1) != later.revised_keys(2)
    for lang in ("en", "ar"):
        old, new = first.item_ids(lang), later.item_ids(lang)
        assert new[: len(old)] == old and len(new) == len(old) + 2 * 2
        added = new[len(old) :]
        assert min(added) > max(old)
        latest = LEXICONS[lang].latest
        assert later.menu_ids(lang, latest)[:4] == added[::-1]
        dates = [later.truth(lang, i)["published_at"] for i in added]
        assert dates == sorted(dates) and dates[0] > NEWEST
        in_lang = {k for k in later.revised_keys(1) if k.startswith(f"{lang}/")}
        assert 2 <= len(in_lang) <= 12  # 5 % of 120
        for item_id in old:
            before, after = first.truth(lang, item_id), later.truth(lang, item_id)
            changed = {name for name in before if before[name] != after[name]}
            if f"{lang}/{item_id}" in revised:
                assert changed and changed <= {"body", "news", "comment"}
                assert after["body"].startswith(before["body"][:40])
                assert len(after["body"]) > len(before["body"])
            else:
                assert changed == set(), (lang, item_id)


def test_the_page_objects_read_revised_items_as_their_truth() -> None:
    later = Replica(SITE_ITEMS, SITE_SEED, ("en", "ar"), edition=1)
    keys = sorted(later.revised_keys(1))
    assert keys
    for key in keys:
        lang, item_id = key.split("/")
        truth = later.truth(lang, int(item_id))
        html = later.render_item(lang, int(item_id), DAY).encode()
        item = extract_item(html, "http://127.0.0.1:1" + later.item_url(lang, int(item_id)))
        assert (item.body, item.news, item.comment) == (
            truth["body"], truth["news"], truth["comment"],
        ), key  # fmt: skip


def test_a_broken_label_empties_that_field_in_that_language_only() -> None:
    site = Replica(SITE_ITEMS, SITE_SEED, ("en", "ar"), broken=[("comment", "ar")])
    seen = {"en": 0, "ar": 0}
    for lang in ("en", "ar"):
        for item_id in site.item_ids(lang):
            truth = site.truth(lang, item_id)
            if truth["kind"] != "news_comment":
                continue
            seen[lang] += 1
            html = site.render_item(lang, item_id, DAY)
            item = extract_item(html.encode(), "http://127.0.0.1:1" + site.item_url(lang, item_id))
            assert item.title == truth["title"]
            if lang == "ar":
                assert BROKEN_MARK + LEXICONS["ar"].labels[1] in html
                assert item.comment is None and truth["comment"]
            else:
                assert item.comment == truth["comment"]
    assert min(seen.values()) >= 10
    with pytest.raises(ValueError, match="cannot break title"):
        Replica(10, 1, ("en",), broken=[("title", "en")])


def test_robots_txt_disallows_the_given_prefixes() -> None:
    site = Replica(10, 1, ("en",), robots_disallow=["/en/index.php/press-releases", "/ar/"])
    response = site.route("/robots.txt", "")
    assert response.body.decode() == (
        "User-agent: *\nDisallow: /en/index.php/press-releases\nDisallow: /ar/\nAllow: /\n"
    )


def test_the_command_refuses_a_bad_spec_or_break_with_exit_code_2() -> None:
    for option in (["--faults", "404=0.1"], ["--break", "comment"], ["--break", "title:en"]):
        done = subprocess.run(
            [sys.executable, "-m", "archiver.replica", *option],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 2, (option, done.stderr)
        assert done.stdout == ""


def test_listing_pages_carry_a_mail_link_and_an_off_site_link() -> None:
    site = Replica(10, 1, ("en",))
    page = site.render_listing("en", LEXICONS["en"].latest, 0, DAY) or ""
    assert 'href="mailto:media@example.org"' in page
    assert 'href="https://www.example.org/feeds/media-office.rss"' in page
