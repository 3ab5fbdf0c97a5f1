"""Archives on object storage (``archiver.store.remote``) against moto's S3 server on 127.0.0.1.

The manifest is the commit point: a reader counts only the part files a manifest names, and a
writer uploads the files before the manifest, so whatever a killed upload left is not counted.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver.item import ArchiveItem
from archiver.store.archive import ArchiveWriter
from archiver.store.remote import Publisher, RemoteArchive, RemoteFailed, committed, pull
from tests.moto_server import make_bucket, moto_server

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
