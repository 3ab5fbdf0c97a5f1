"""Revisions: the replica's next edition revises a few items' text; a full re-crawl gives
exactly those a second row, later than the first, and the latest view shows the new text."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from archiver import dataset
from archiver.replica import Replica, running

ITEMS, SEED, LANGS = 100, 7, ("en", "ar")
LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]


def crawl(edition: int, out: Path, mode: str) -> None:
    with running(ITEMS, SEED, LANGS, edition=edition) as handle:
        done = subprocess.run(
            [sys.executable, "-m", "archiver.cli", "crawl", "--base-url", handle.base_url,
             "--lang", ",".join(LANGS), "--out", str(out), "--mode", mode, *LOCAL],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("revisions")
    crawl(0, out, "incremental")
    crawl(1, out, "full")
    return out


@pytest.fixture(scope="module")
def edition1() -> Replica:
    return Replica(ITEMS, SEED, LANGS, edition=1)


def test_exactly_the_revised_items_get_a_second_later_row(archive: Path, edition1: Replica) -> None:
    table = dataset.open(archive).to_table(columns=["key", "fetched_at", "crawl_id"])
    versions: dict[str, list[datetime]] = defaultdict(list)
    for row in table.to_pylist():
        versions[row["key"]].append(row["fetched_at"])
    expected = {f"{lang}/{i}" for lang in LANGS for i in edition1.item_ids(lang)}
    assert set(versions) == expected  # the new edition's new items are archived too
    revised = edition1.revised_keys(1)
    assert len(revised) >= 5
    assert {key for key, times in versions.items() if len(times) > 1} == revised
    assert all(len(versions[key]) == 2 for key in revised)
    assert len({row["crawl_id"] for row in table.to_pylist()}) == 2
    for key in revised:
        first, second = sorted(versions[key])
        assert first < second, key


def test_latest_shows_the_revised_text(archive: Path, edition1: Replica) -> None:
    edition0 = Replica(ITEMS, SEED, LANGS)
    latest = {r["key"]: r["body"] for r in dataset.latest(archive, ["key", "body"]).to_pylist()}
    for key in edition1.revised_keys(1):
        lang, item_id = key.split("/")
        assert latest[key] == edition1.truth(lang, int(item_id))["body"], key
        assert latest[key] != edition0.truth(lang, int(item_id))["body"], key
