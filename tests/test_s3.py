"""Archives on object storage (``archiver.store.remote``) against moto's S3 server on 127.0.0.1.

The manifest is the commit point: a reader counts only the part files a manifest names, and a
writer uploads the files before the manifest, so whatever a killed upload left is not counted.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver import dataset
from archiver.cli import main
from archiver.groundtruth import compare
from archiver.item import ArchiveItem
from archiver.replica import Replica, ReplicaHandle, running
from archiver.report.card import refresh_card
from archiver.store.archive import ArchiveWriter
from archiver.store.remote import Publisher, RemoteArchive, RemoteFailed, committed, pull
from tests.moto_server import HoldingProxy, free_port, make_bucket, moto_server
from tests.run_cli import ROOT

_buckets = itertools.count()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint: str) -> str:
    """A new, empty bucket for each test."""
    name = f"archive-{next(_buckets)}"
    make_bucket(s3_endpoint, name)
    return name


def archive_items(root: Path, crawl_id: str, ids: range, warc: str | None = None) -> None:
    """Archive en items ``ids`` as a crawl does, two rows a part file."""
    writer = ArchiveWriter(root, crawl_id, batch_rows=2)
    writer.open()
    for item_id in ids:
        writer.add(
            ArchiveItem(
                key=f"en/{item_id}",
                lang="en",
                item_id=item_id,
                url=f"https://www.hizb-ut-tahrir.info/en/index.php/x/{item_id}.html",
                body=f"body {item_id} of {crawl_id}",
                fetched_at=datetime(2026, 1, 1, tzinfo=UTC).replace(second=len(crawl_id)),
                parser_version="test",
                warc_file=warc,
                warc_offset=0 if warc else None,
                warc_length=10 if warc else None,
            )
        )
    writer.close()
    writer.finish("finished", {})
    refresh_card(root)  # as a crawl's pipeline does after its manifest


def keys(location: str | Path) -> list[str]:
    return sorted(dataset.latest(location, columns=["key"]).column("key").to_pylist())


def test_a_published_archive_reads_back_the_same_from_s3(tmp_path: Path, bucket: str) -> None:
    archive_items(tmp_path, "c1", range(5))
    archive_items(tmp_path, "c22", range(3, 8))
    remote = RemoteArchive.parse(f"s3://{bucket}/team/archive")
    published = Publisher(tmp_path, remote).publish()
    assert published == 6 + 2 + 1  # six part files (2+2+1, 2+2+1), two manifests, the card
    assert Publisher(tmp_path, remote).publish() == 0  # nothing changed, nothing sent again
    local = (
        dataset.open(tmp_path).to_table().sort_by([("key", "ascending"), ("crawl_id", "ascending")])
    )
    there = (
        dataset.open(remote.url)
        .to_table()
        .sort_by([("key", "ascending"), ("crawl_id", "ascending")])
    )
    assert there.num_rows == 10 and there.equals(local)
    assert keys(remote.url) == [f"en/{i}" for i in range(8)]


class KilledBeforeManifests(RemoteArchive):
    """An upload that dies after the part files, before any manifest reaches the store."""

    def write(self, relative: str, data: bytes) -> None:
        raise OSError("killed")


def test_part_files_no_manifest_names_are_not_counted(tmp_path: Path, bucket: str) -> None:
    url = f"s3://{bucket}/a"
    archive_items(tmp_path, "c1", range(3))
    Publisher(tmp_path, RemoteArchive.parse(url)).publish()
    archive_items(tmp_path, "c22", range(10, 14))
    dying = KilledBeforeManifests(url, f"{bucket}/a", RemoteArchive.parse(url).fs)
    with pytest.raises(OSError, match="killed"):
        Publisher(tmp_path, dying).publish()
    remote = RemoteArchive.parse(url)
    assert len([p for p in remote.objects() if p.startswith("articles/")]) == 2 + 2
    assert keys(url) == ["en/0", "en/1", "en/2"]
    copy = tmp_path / "copy"
    orphans = pull(remote, copy, warcs=False)
    assert len(orphans) == 2 and all("c22" in name for name in orphans)
    assert keys(copy) == ["en/0", "en/1", "en/2"]


def test_a_part_waits_until_the_warc_file_its_rows_point_to_is_closed(
    tmp_path: Path, bucket: str
) -> None:
    warc = "warc/c1-00001.warc.gz"
    archive_items(tmp_path, "c1", range(2), warc=warc)
    (tmp_path / "warc").mkdir()
    still_open = tmp_path / "warc" / ".c1-00001.warc.gz.open"
    still_open.write_bytes(b"0123456789")
    remote = RemoteArchive.parse(f"s3://{bucket}/w")
    publisher = Publisher(tmp_path, remote)
    assert publisher.publish() == 2  # the manifest, naming no file yet, and the card
    assert keys(remote.url) == []
    assert remote.manifests(remote.objects())["crawls/c1.json"]["rows"] == 0
    still_open.rename(tmp_path / warc)
    assert publisher.publish() == 3  # the WARC file, the part file, the manifest again
    assert keys(remote.url) == ["en/0", "en/1"]
    assert remote.manifests(remote.objects())["crawls/c1.json"]["rows"] == 2


class TornReads(RemoteArchive):
    """A store that shows a manifest half overwritten to the first ``torn`` reads (as moto's
    server can while a writer replaces it)."""

    torn = 0

    def read(self, relative: str) -> bytes:
        whole = b'{"files": [], "rows": 0}'
        TornReads.torn -= 1
        return whole[:9] if TornReads.torn >= 0 else whole


@pytest.mark.parametrize(("torn", "readable"), [(1, True), (4, True), (5, False)])
def test_a_manifest_seen_half_written_is_read_again(torn: int, readable: bool) -> None:
    TornReads.torn = torn
    store = TornReads("s3://b/p", "b/p", object())
    if readable:
        assert store.manifest("crawls/c1.json") == {"files": [], "rows": 0}
    else:
        with pytest.raises(RemoteFailed, match=r"^s3://b/p/crawls/c1.json: unreadable manifest"):
            store.manifest("crawls/c1.json")


def test_committed_follows_manifests_and_compactions() -> None:
    manifests: list[dict[str, Any]] = [
        {"files": [{"path": "articles/a"}, {"path": "articles/b"}]},
        {
            "files": [{"path": "articles/m"}],
            "replaced": [
                {"path": "articles/a", "by": "articles/m"},
                {"path": "articles/b", "by": "articles/m"},
            ],
        },
    ]
    every = {"articles/a", "articles/b", "articles/m", "articles/orphan"}
    assert committed(manifests, every) == ["articles/m"]
    # The merged file never arrived: the files it was to replace still count.
    assert committed(manifests, every - {"articles/m"}) == ["articles/a", "articles/b"]


@pytest.mark.parametrize("url", ["s3://", "s3:///x"])
def test_an_s3_address_without_a_bucket_is_refused(url: str) -> None:
    with pytest.raises(RemoteFailed, match="names no bucket"):
        RemoteArchive.parse(url, fs=object())


# --- the archiver commands on s3://, against the replica ------------------------------------

ITEMS, SEED, LANGS = 30, 41, ("en", "ar")
LOCAL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
    "-s", "ARCHIVER_BATCH_ROWS=5",
]  # fmt: skip


@pytest.fixture(scope="module")
def small_replica() -> Iterator[ReplicaHandle]:
    with running(items=ITEMS, seed=SEED, langs=LANGS) as handle:
        yield handle


def truth_keys() -> list[str]:
    site = Replica(ITEMS, SEED, LANGS)
    return sorted(f"{lang}/{i}" for lang in LANGS for i in site.item_ids(lang))


def crawl_command(base_url: str, url: str, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "archiver.cli", "crawl", "--base-url", base_url,
        "--lang", ",".join(LANGS), "--out", url, *LOCAL, *extra,
    ]  # fmt: skip


def child_env(tmp: Path) -> dict[str, str]:
    """The crawl's staging copy goes under ``tmp``, where the test can look for leftovers."""
    return {**os.environ, "TMPDIR": str(tmp)}


@dataclass(frozen=True)
class Crawled:
    url: str
    output: str
    staging: Path  # TMPDIR of the crawl


@pytest.fixture(scope="module")
def crawled(
    s3_endpoint: str, small_replica: ReplicaHandle, tmp_path_factory: pytest.TempPathFactory
) -> Crawled:
    make_bucket(s3_endpoint, "crawled")
    url = "s3://crawled/team/archive"
    staging = tmp_path_factory.mktemp("staging")
    done = subprocess.run(
        crawl_command(small_replica.base_url, url),
        cwd=ROOT, env=child_env(staging), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return Crawled(url, done.stdout, staging)


def test_a_crawl_into_s3_holds_every_item_with_its_true_fields(crawled: Crawled) -> None:
    site = Replica(ITEMS, SEED, LANGS)
    rows = dataset.open(crawled.url).to_table().to_pylist()
    comparison = compare(rows, truth_keys(), lambda key: site.truth(*split_key(key)))
    assert comparison.ok, comparison.describe(limit=20)
    assert comparison.items == len(rows) == ITEMS * len(LANGS)
    assert f"manifest: {crawled.url}/crawls/" in crawled.output
    assert list(crawled.staging.iterdir()) == []  # the staging copy is gone


def split_key(key: str) -> tuple[str, int]:
    lang, item_id = key.split("/")
    return lang, int(item_id)


def test_the_s3_archive_verifies_and_every_row_finds_its_warc_record(
    crawled: Crawled, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", crawled.url]) == 0
    out = capsys.readouterr().out
    remote = RemoteArchive.parse(crawled.url)
    warcs = [remote.read(p) for p in remote.objects() if p.endswith(".warc.gz")]
    records = sum(1 for w in warcs for _ in ArchiveIterator(io.BytesIO(w)))
    assert f"{crawled.url}: {count_parts(crawled.url)} part files, 60 rows, " in out
    assert out.endswith(f" {len(warcs)} WARC files, {records} records: verified\n")
    assert "note:" not in out
    (manifest,) = remote.manifests(remote.objects()).values()
    assert manifest["finish_reason"] == "finished" and manifest["rows"] == 60
    assert manifest["options"]["ARCHIVER_REMOTE"] == crawled.url


def count_parts(url: str) -> int:
    return len(RemoteArchive.parse(url).committed_parts())


def test_duckdb_and_pyarrow_read_the_s3_archive_alike(crawled: Crawled) -> None:
    # DuckDB's httpfs extension is a download this machine cannot make: DuckDB reads the
    # pyarrow dataset of the same objects instead.
    table = dataset.open(crawled.url)
    by_lang = duckdb.from_arrow(table).aggregate("lang, count(*) AS n", "lang").fetchall()
    assert sorted(by_lang) == [("ar", ITEMS), ("en", ITEMS)]
    latest = dataset.latest(crawled.url, columns=["key"]).column("key").to_pylist()
    assert sorted(latest) == truth_keys()


def test_stats_export_and_report_read_the_s3_archive(
    crawled: Crawled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", crawled.url]) == 0
    stats = capsys.readouterr().out
    assert re.search(r"^all +30 +30 +60$", stats, re.MULTILINE), stats
    assert main(["stats", "--json", crawled.url]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["size"]["items"] == 60 and figures["size"]["warc_files"] >= 1
    out = tmp_path / "rows.jsonl"
    assert main(["export", crawled.url, "--format", "jsonl", "--latest", "-o", str(out)]) == 0
    exported = [json.loads(line)["key"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(exported) == truth_keys()
    assert main(["report", crawled.url]) == 0
    assert capsys.readouterr().out == f"{crawled.url}/report.html\n"
    page = RemoteArchive.parse(crawled.url).read("report.html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Archive report: archive</title>" in page


def test_compaction_on_s3_merges_then_deletes_the_replaced_objects(
    tmp_path: Path, bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"s3://{bucket}/c"
    archive_items(tmp_path, "c1", range(5))
    archive_items(tmp_path, "c22", range(3, 9))
    remote = RemoteArchive.parse(url)
    Publisher(tmp_path, remote).publish()
    before = dataset.open(url).to_table().sort_by([("key", "ascending"), ("crawl_id", "ascending")])
    assert count_parts(url) == 6
    assert main(["compact", url]) == 0
    assert " 6 part files merged into 1 (11 rows); manifest: s3://" in capsys.readouterr().out
    parts = [p for p in remote.objects() if p.startswith("articles/")]
    assert len(parts) == 1 and parts == remote.committed_parts()
    after = dataset.open(url).to_table().sort_by([("key", "ascending"), ("crawl_id", "ascending")])
    assert after.equals(before)
    assert main(["verify", url]) == 0
    assert capsys.readouterr().out.endswith(
        ": 1 part files, 11 rows, 0 WARC files, 0 records: verified\n"
    )


def manifest_naming(rows: int) -> Callable[[str, str, bytes], bool]:
    """Picks the upload of a crawl manifest that names ``rows`` rows or more."""

    def pick(method: str, path: str, body: bytes) -> bool:
        if method != "PUT" or "/crawls/" not in path:
            return False
        return int(json.loads(body)["rows"]) >= rows

    return pick


def test_a_crawl_killed_while_uploading_leaves_only_what_its_manifest_names(
    s3_endpoint: str, small_replica: ReplicaHandle, tmp_path: Path
) -> None:
    make_bucket(s3_endpoint, "killed")
    url = "s3://killed/archive"
    # A WARC file per response: a commit point, so an upload, after nearly every item. The
    # crawl talks to the store through a proxy that stops the upload of the first manifest
    # naming 10 rows or more, after the part files it names went up: kill -9 lands there.
    command = crawl_command(small_replica.base_url, url, "-s", "ARCHIVER_WARC_MAX_BYTES=1")
    with HoldingProxy(s3_endpoint, manifest_naming(10)) as proxy:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**child_env(tmp_path), "AWS_ENDPOINT_URL": proxy.url},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        held = proxy.held.wait(timeout=60)
        process.kill()
        assert process.wait(timeout=10) == -9
    assert held, "the crawl never uploaded a manifest naming 10 rows"
    killed_at = json.loads(proxy.held_body)
    remote = RemoteArchive.parse(url)
    (manifest,) = remote.manifests(remote.objects()).values()
    assert manifest["crawl_id"] == killed_at["crawl_id"]
    assert manifest["rows"] < killed_at["rows"]
    # The held manifest's new part files are in the store, named by nothing readers trust.
    uploaded = {p for p in remote.objects() if p.startswith("articles/")}
    named = {f["path"] for f in manifest["files"]}
    orphans = uploaded - named
    assert orphans and orphans <= {f["path"] for f in killed_at["files"]}
    rows = dataset.open(url).to_table(columns=["key"]).column("key").to_pylist()
    assert len(rows) == len(set(rows)) == manifest["rows"]
    assert main(["verify", url]) == 0
    # The next run completes the archive: what the killed one had not committed is fetched.
    done = subprocess.run(
        crawl_command(small_replica.base_url, url), cwd=ROOT, env=child_env(tmp_path),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    keys_now = dataset.open(url).to_table(columns=["key"]).column("key").to_pylist()
    assert sorted(keys_now) == truth_keys()
    assert main(["verify", url]) == 0


def test_an_s3_archive_that_is_not_there_is_one_clear_line(
    s3_endpoint: str, bucket: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", f"s3://{bucket}/nothing-here"]) == 1
    assert capsys.readouterr().err == (
        f"archiver stats: s3://{bucket}/nothing-here holds no archive (no crawl manifests there)\n"
    )
    assert main(["verify", "s3://no-such-bucket/x"]) == 1
    assert capsys.readouterr().err == (
        "archiver verify: s3://no-such-bucket/x: there is no bucket 'no-such-bucket' (or these "
        "credentials cannot see it); check the bucket and the AWS_* variables (docs/storage.md)\n"
    )
    # A crawl fails the same way before it fetches anything.
    out = ["--out", "s3://no-such-bucket/x", "--base-url", f"http://127.0.0.1:{free_port()}"]
    assert main(["crawl", *out]) == 1
    assert capsys.readouterr().err.startswith(
        "archiver crawl: s3://no-such-bucket/x: there is no bucket 'no-such-bucket'"
    )
