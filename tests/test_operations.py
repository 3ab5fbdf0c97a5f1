"""Crawl operations end to end: each test runs ``archiver crawl`` in a subprocess against a
replica started with the options it needs, and reads the replica's request log, the exit
code, the output and the archive's manifest."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver.groundtruth import compare
from archiver.replica import Replica, ReplicaHandle, running
from archiver.replica.faults import UNAVAILABLE, parse_faults
from archiver.replica.languages import LEXICONS
from archiver.store import lock

ITEMS, SEED = 60, 20241127
LOCAL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
    "-s", "RETRY_TIMES=2", "-s", "ARCHIVER_RETRY_BACKOFF_BASE=0",
]  # fmt: skip


def crawl(base_url: str, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archiver.cli", "crawl", "--base-url", base_url,
         "--out", str(out), *LOCAL, *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def manifest(out: Path) -> dict[str, Any]:
    """The newest crawl manifest of an archive."""
    newest = max((out / "crawls").glob("*.json"))
    loaded: dict[str, Any] = json.loads(newest.read_text(encoding="utf-8"))
    return loaded


def truth_of(site: Replica) -> Any:
    return lambda key: site.truth(*split(key))


def split(key: str) -> tuple[str, int]:
    lang, item_id = key.split("/")
    return lang, int(item_id)


def wire(site: Replica, key: str) -> str:
    """An item's path as requested (and logged by the replica)."""
    return site.item_url(*split(key))


# --- incremental runs ----------------------------------------------------------------------


def test_an_incremental_run_fetches_the_new_items_and_the_first_listing_pages(
    tmp_path: Path,
) -> None:
    out = tmp_path / "archive"
    with running(ITEMS, SEED, ("en",)) as first:
        done = crawl(first.base_url, out, "--lang", "en")
        assert done.returncode == 0, done.stdout + done.stderr
    later = Replica(ITEMS, SEED, ("en",), edition=1)
    new_keys = {f"en/{i}" for i in later.item_ids("en")[ITEMS:]}
    assert len(new_keys) == 1
    with running(ITEMS, SEED, ("en",), edition=1) as second:
        done = crawl(second.base_url, out, "--lang", "en")
        assert done.returncode == 0, done.stdout + done.stderr
        requested = [(e["path"], e["query"]) for e in second.request_log()]
    latest = LEXICONS["en"].latest
    listing = later.listing_url("en", latest)
    items = {path for path, _ in requested if path not in (listing, "/robots.txt")}
    assert items == {wire(later, key) for key in new_keys}
    # Page 1 holds the new item, so page 2 is read too; it holds only archived items: stop.
    assert sorted(q for p, q in requested if p == listing) == ["", f"start={latest.page_size}"]
    assert len(requested) == 1 + 2 + len(new_keys)
    assert " 1 new or changed rows, " in done.stdout
    rows = dataset.latest(out).to_pylist()
    comparison = compare(rows, [f"en/{i}" for i in later.item_ids("en")], truth_of(later))
    assert {m.key for m in comparison.mismatches} == later.revised_keys(1)  # not re-read
    with running(ITEMS, SEED, ("en",), edition=1) as third:
        done = crawl(third.base_url, out, "--lang", "en", "--mode", "full")
        assert done.returncode == 0, done.stdout + done.stderr
    revised = later.revised_keys(1)
    unchanged = ITEMS + len(new_keys) - len(revised)
    assert f" {len(revised)} new or changed rows, {unchanged} unchanged" in done.stdout
    assert manifest(out)["stats"]["archive/revised"] == len(revised)
    rows = dataset.latest(out).to_pylist()
    comparison = compare(rows, [f"en/{i}" for i in later.item_ids("en")], truth_of(later))
    assert comparison.ok, comparison.describe()


# --- Retry-After ---------------------------------------------------------------------------


def _retry_gaps(handle: ReplicaHandle) -> list[float]:
    """Seconds from each 503 to the next request of the same target."""
    by_target: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for entry in handle.request_log():
        by_target[(entry["path"], entry["query"])].append(entry)
    gaps = []
    for entries in by_target.values():
        for before, after in itertools.pairwise(entries):
            if before["status"] == 503:
                gaps.append(after["time"] - before["time"])
    return gaps


def test_a_503_with_retry_after_is_retried_after_the_wait_and_the_cap_holds(
    tmp_path: Path,
) -> None:
    with running(ITEMS, SEED, ("en",), faults="503=1,retry_after=2") as handle:
        done = crawl(handle.base_url, tmp_path / "a", "--lang", "en", "--max-items", "3")
        assert done.returncode == 0, done.stdout + done.stderr
        gaps = _retry_gaps(handle)
    assert len(gaps) == 1 + 3  # the listing and three items, each refused once
    assert min(gaps) >= 2.0
    stats = manifest(tmp_path / "a")["stats"]
    assert stats["retry_after/waits"] == 4 and stats["item_scraped_count"] == 3
    with running(ITEMS, SEED, ("en",), faults="503=1,retry_after=60") as handle:
        done = crawl(
            handle.base_url, tmp_path / "b", "--lang", "en", "--max-items", "2",
            "-s", "ARCHIVER_RETRY_AFTER_MAX=1",
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        gaps = _retry_gaps(handle)
    assert len(gaps) == 1 + 2
    assert min(gaps) >= 1.0 and max(gaps) < 10
    assert manifest(tmp_path / "b")["stats"]["retry_after/max_wait"] == 1.0


# --- faults --------------------------------------------------------------------------------

FAULTS = (
    "500=0.04,503=0.04,retry_after=1,429=0.02,delay=0.02,delay_seconds=3,truncate=0.03,"
    "drop=0.03,loop=0.02,deleted=0.02,nonhtml=0.02,duplicate=0.03,seed=4"
)


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, ...]]:
    out = tmp_path_factory.mktemp("faulty")
    with running(ITEMS, SEED, ("en", "ar"), faults=FAULTS) as handle:
        done = crawl(handle.base_url, out, "--lang", "en,ar", "-s", "DOWNLOAD_TIMEOUT=1")
        yield done, out, handle.request_log(), handle.base_url


def test_with_faults_every_item_is_archived_as_served_or_listed_as_a_failure(
    faulty: tuple[Any, ...],
) -> None:
    done, out, _, base_url = faulty
    site = Replica(ITEMS, SEED, ("en", "ar"), faults=parse_faults(FAULTS))
    keys = [f"{lang}/{i}" for lang in site.langs for i in site.item_ids(lang)]
    faults = {key: site.fault(*split(key)) for key in keys}
    lost = sorted(k for k in keys if faults[k] in UNAVAILABLE)
    not_html = sorted(k for k in keys if faults[k] == "nonhtml")
    pages = [k for k in keys if k not in lost and k not in not_html]
    assert len(lost) >= 4 and len(not_html) >= 2 and "duplicate" in faults.values()
    rows = dataset.latest(out).to_pylist()
    comparison = compare([r for r in rows if r["key"] not in not_html], pages, truth_of(site))
    assert comparison.ok, comparison.describe()
    flagged = {r["key"]: r["page_flags"] for r in rows if r["key"] in not_html}
    assert sorted(flagged) == not_html
    assert all("not_html" in flags for flags in flagged.values())
    run = manifest(out)
    reasons = {failure["url"]: failure["reason"] for failure in run["failures"]}
    assert sorted(reasons) == sorted(base_url + wire(site, key) for key in lost)
    for key in lost:
        expected = "HttpError" if faults[key] == "deleted" else "max redirections reached"
        assert expected in reasons[base_url + wire(site, key)], key
    assert run["finish_reason"] == "finished" and "Traceback" not in done.stderr
    # A duplicate is listed again on the next page of the latest listing; it is fetched once.
    listed_again = []
    for lang in site.langs:
        latest = LEXICONS[lang].latest
        last_page = (ITEMS - 1) // latest.page_size * latest.page_size
        ids = site.menu_ids(lang, latest)[:last_page]
        listed_again += [i for i in ids if faults[f"{lang}/{i}"] == "duplicate"]
    assert run["stats"]["listing/duplicate"] == len(listed_again) > 0


def test_with_faults_each_transient_fault_cleared_on_a_retry(faulty: tuple[Any, ...]) -> None:
    _, _, log, _ = faulty
    site = Replica(ITEMS, SEED, ("en", "ar"), faults=parse_faults(FAULTS))
    by_target: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for entry in log:
        by_target[(entry["path"], entry["query"])].append(entry)
    faulted = {target: e for target, e in by_target.items() if e[0]["fault"]}
    kinds = {entries[0]["fault"] for entries in faulted.values()}
    assert kinds == {"500", "503", "429", "delay", "truncate", "drop"}
    for target, entries in faulted.items():
        assert [e["attempt"] for e in entries] == list(range(1, len(entries) + 1)), target
        assert entries[-1]["fault"] is None, target
        assert entries[-1]["status"] == site.route(*target).status, target  # as if no fault


def test_with_faults_the_exit_code_is_the_health_checks(faulty: tuple[Any, ...]) -> None:
    done, _, _, _ = faulty
    site = Replica(ITEMS, SEED, ("en", "ar"), faults=parse_faults(FAULTS))
    # A non-HTML item is archived without a title or body: coverage below the 98 % floor
    # wherever a section has one of them among fewer than 50 served pages.
    expected = []
    for lang in site.langs:
        served = [i for i in site.item_ids(lang) if site.fault(lang, i) not in UNAVAILABLE]
        share = 1 - sum(site.fault(lang, i) == "nonhtml" for i in served) / len(served)
        if share < 0.98:
            expected += [
                f"{lang}: title filled in {share:.1%}",
                f"{lang}: body filled in {share:.1%}",
            ]
    assert expected == ["en: title filled in 96.6%", "en: body filled in 96.6%"]
    health = [line for line in done.stdout.splitlines() if line.startswith("HEALTH: ")]
    assert [line.split(" of ")[0].removeprefix("HEALTH: ") for line in health] == expected
    assert done.returncode == 3, done.stdout + done.stderr


# --- scope: robots.txt, off-site and non-http links ---------------------------------------


def test_robots_txt_is_obeyed_and_only_the_site_is_requested(tmp_path: Path) -> None:
    site = Replica(ITEMS, SEED, ("en",))
    menu = next(m for m in LEXICONS["en"].menus if m.path == "press-releases/central-media-office")
    prefix = f"/en/index.php/{menu.path}/"
    out = tmp_path / "archive"
    with running(ITEMS, SEED, ("en",), robots_disallow=[prefix]) as handle:
        done = crawl(handle.base_url, out, "--lang", "en")
        log = handle.request_log()
    assert done.returncode == 0, done.stdout + done.stderr
    blocked = sorted(
        handle.base_url + site.item_url("en", i)
        for i in site.item_ids("en")
        if site.entry("en", i).menu == menu
    )
    assert len(blocked) == 5
    assert [e["path"] for e in log if e["path"].startswith(prefix)] == []
    run = manifest(out)
    assert sorted(f["url"] for f in run["failures"]) == blocked
    assert {f["reason"] for f in run["failures"]} == {"IgnoreRequest: Forbidden by robots.txt"}
    # Listed, but not errors: they do not count towards the health check's error rate.
    assert run["stats"]["archive/robots_forbidden"] == len(blocked)
    assert "archive/failures" not in run["stats"]
    # Every request the crawler made reached this replica: none went to the off-site and
    # mailto links of the listing pages, the share buttons or the links in the bodies.
    assert run["stats"]["downloader/request_count"] == len(log)
    assert {e["host"] for e in log} == {handle.base_url.removeprefix("http://")}
    assert len(dataset.latest(out, columns=["key"])) == ITEMS - len(blocked)


# --- the lock, exit codes, the health check, mirrors -----------------------------------


def test_a_second_crawl_on_a_locked_archive_exits_1_with_a_clear_message(
    tmp_path: Path,
) -> None:
    out = tmp_path / "archive"
    lock.acquire(out)
    try:
        done = crawl("http://127.0.0.1:9", out, "--lang", "en")
    finally:
        lock.release(out)
    assert done.returncode == 1
    assert "is being written by another crawl" in done.stderr
    assert not (out / "crawls").exists()


def test_a_usage_error_exits_2() -> None:
    done = crawl("http://127.0.0.1:9", Path("unused"), "--lang", "xx")
    assert done.returncode == 2 and "xx" in done.stdout + done.stderr
    done = crawl("http://127.0.0.1:9", Path("unused"), "--mode", "sometimes")
    assert done.returncode == 2 and "sometimes" in done.stderr


def test_a_broken_label_ends_the_run_with_exit_code_3_naming_field_and_language(
    tmp_path: Path,
) -> None:
    with running(ITEMS, SEED, ("en", "ar"), broken=["comment:ar"]) as handle:
        done = crawl(handle.base_url, tmp_path / "archive", "--lang", "en,ar")
    assert done.returncode == 3, done.stdout + done.stderr
    health = [line for line in done.stdout.splitlines() if line.startswith("HEALTH: ")]
    site = Replica(ITEMS, SEED, ("ar",))
    due = sum(site.truth("ar", i)["kind"] == "news_comment" for i in site.item_ids("ar"))
    # Fewer items than ARCHIVER_HEALTH_MIN_ITEMS: a field gone from all of them still fails.
    assert due < 20
    assert len(health) == 1
    assert health[0].startswith(f"HEALTH: ar: comment missing from all {due} items that ")


def test_a_failing_base_host_falls_back_to_a_mirror(tmp_path: Path, closed_port: int) -> None:
    site = Replica(ITEMS, SEED, ("en", "ar"))
    out = tmp_path / "archive"
    with running(ITEMS, SEED, ("en", "ar")) as handle:
        done = crawl(
            f"http://127.0.0.1:{closed_port}", out, "--lang", "en,ar",
            "--mirrors", handle.base_url,
        )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    keys = [f"{lang}/{i}" for lang in site.langs for i in site.item_ids(lang)]
    comparison = compare(dataset.latest(out).to_pylist(), keys, truth_of(site))
    assert comparison.ok, comparison.describe()
    run = manifest(out)
    assert run["stats"]["mirror/switched"] == 1
    assert len(run["failures"]) == 2  # each section's first listing on the closed port


# --- back-off between retries ---------------------------------------------------------------


def test_retries_back_off_exponentially(tmp_path: Path) -> None:
    # Every target fails its first two requests with a 500 (no Retry-After).
    with running(ITEMS, SEED, ("en",), faults="500=1,attempts=2") as handle:
        done = crawl(
            handle.base_url, tmp_path / "archive", "--lang", "en", "--max-items", "2",
            "-s", "ARCHIVER_RETRY_BACKOFF_BASE=0.5",
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        by_target: dict[tuple[str, str], list[float]] = defaultdict(list)
        for entry in handle.request_log():
            by_target[(entry["path"], entry["query"])].append(entry["time"])
    waits = sorted(
        (round(b - a, 1), n) for times in by_target.values() if len(times) == 3
        for n, (a, b) in enumerate(itertools.pairwise(times), start=1)
    )  # fmt: skip
    firsts = [w for w, n in waits if n == 1]
    seconds = [w for w, n in waits if n == 2]
    assert len(firsts) == len(seconds) == 1 + 2  # the listing and two items
    assert min(firsts) >= 0.5 and min(seconds) >= 1.0  # 0.5 x 2^0, then 0.5 x 2^1
    assert manifest(tmp_path / "archive")["stats"]["retry/backoff_max_wait"] == 1.0
