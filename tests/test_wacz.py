"""`archiver export --format wacz`: a package replay tools open, validated by py-wacz itself,
whose CDX index finds every row's capture and whose pages list is the rows."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver.replica import running
from archiver.store.warc import warc_date
from tests.run_cli import archiver

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]
COLUMNS = ["key", "fetched_url", "title", "fetched_at", "warc_file", "warc_offset", "warc_length"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two crawls of a small section: the second edition revises an item and adds one."""
    out = tmp_path_factory.mktemp("wacz") / "archive"
    for edition, mode in ((0, "incremental"), (1, "full")):
        with running(20, 7, ("en",), edition=edition) as handle:
            done = archiver(
                "crawl", "--base-url", handle.base_url, "--lang", "en", "--out", str(out),
                "--mode", mode, *LOCAL,
            )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    return out


def export(archive: Path, out: Path, *extra: str) -> list[dict[str, Any]]:
    """Export, check py-wacz validates the file, and give back its CDX index's records."""
    done = archiver("export", str(archive), "--format", "wacz", *extra, "-o", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    valid = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert "the passed WACZ is valid" in valid.stdout
    with zipfile.ZipFile(out) as package:
        index = gzip.decompress(package.read("indexes/index.cdx.gz")).decode("utf-8")
    records = []
    for line in index.splitlines():
        _, timestamp, fields = line.split(" ", 2)
        records.append({"timestamp": timestamp, **json.loads(fields)})
    return records


def pages(path: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(path) as package:
        text = package.read("pages/pages.jsonl").decode("utf-8")
    return [json.loads(line) for line in text.splitlines()]


def expected_pages(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ordered = sorted(rows, key=lambda row: (row["fetched_at"], row["fetched_url"]))
    return [
        {"url": row["fetched_url"], "title": row["title"] or "", "ts": warc_date(row["fetched_at"])}
        for row in ordered
    ]


def test_every_row_capture_is_indexed_where_the_row_points(archive: Path, tmp_path: Path) -> None:
    rows = dataset.open(archive).to_table(columns=COLUMNS).to_pylist()
    assert len(rows) > len({row["key"] for row in rows})  # a revision: two versions of an item
    records = export(archive, tmp_path / "all.wacz")
    located = {(r["filename"], int(r["offset"])): r for r in records}
    for row in rows:
        record = located[(Path(row["warc_file"]).name, row["warc_offset"])]
        assert record["url"] == row["fetched_url"]
        assert record["timestamp"] == row["fetched_at"].strftime("%Y%m%d%H%M%S")
        assert int(record["length"]) == row["warc_length"]
        assert record["status"] == "200"
    header, *listed = pages(tmp_path / "all.wacz")
    assert header["format"] == "json-pages-1.0"
    assert listed == expected_pages(rows)


def test_latest_packages_only_the_latest_versions(archive: Path, tmp_path: Path) -> None:
    every = dataset.open(archive).to_table(columns=COLUMNS).to_pylist()
    newest = dataset.latest(archive, columns=COLUMNS).to_pylist()
    records = export(archive, tmp_path / "latest.wacz", "--latest")

    def capture(row: dict[str, Any]) -> tuple[str, str, int]:
        return row["fetched_url"], row["fetched_at"].strftime("%Y%m%d%H%M%S"), row["warc_length"]

    indexed = sorted((r["url"], r["timestamp"], int(r["length"])) for r in records)
    assert indexed == sorted(map(capture, newest))
    older = [row for row in every if capture(row) not in set(map(capture, newest))]
    assert len(older) == len(every) - len(newest) >= 1
    assert {r["filename"] for r in records} == {"latest.warc.gz"}
    assert pages(tmp_path / "latest.wacz")[1:] == expected_pages(newest)


def test_wacz_needs_an_output_file(archive: Path) -> None:
    done = archiver("export", str(archive), "--format", "wacz")
    assert done.returncode == 1
    assert done.stderr == (
        "archiver export: --format wacz writes a file; give it with -o FILE.wacz\n"
    )
