"""Archives on S3-compatible object storage: ``--out s3://bucket/prefix``.

S3 has no atomic rename, so no object is ever written under a temporary name: every file goes
straight to its final key, and a crawl manifest is the commit point. A reader counts only the
part files some manifest names (``committed_parts``); a writer uploads the files first and the
manifest that names them last (``Publisher``), so a writer killed mid-upload leaves objects no
reader counts (``archiver verify`` notes them). One writer per prefix at a time is the rule
there (docs/storage.md): the local lock cannot reach across machines.

Commands do their work on local files, as on a local archive: ``pull`` copies the committed
state into a local directory and ``Publisher.publish`` sends back what was committed there.
The connection comes from the standard AWS environment variables; pyarrow does not read
``AWS_ENDPOINT_URL`` itself, so it is passed on here.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pyarrow.fs as pafs
import pyarrow.parquet as pq

from archiver.store.atomic import json_text
from archiver.store.layout import ARTICLES_DIR, CRAWLS_DIR, WARC_DIR
from archiver.store.manifest import replaced_among

SCHEME = "s3://"
CARD_NAME = "README.md"  # archiver.report.card writes it at the archive's root
# S3 crawls commit at WARC rotations: a smaller file bounds what a killed worker loses there.
REMOTE_WARC_MAX_BYTES = 64 << 20
MANIFEST_READS = 5


class RemoteFailed(Exception):
    """The object store refused or could not be reached; the message names the archive."""


def is_remote(location: str | Path) -> bool:
    return str(location).startswith(SCHEME)


def s3_filesystem() -> pafs.S3FileSystem:
    """An S3 client from the AWS environment, with ``AWS_ENDPOINT_URL_S3`` or
    ``AWS_ENDPOINT_URL`` as its endpoint (MinIO, Ceph, moto, …) when one is set."""
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    return pafs.S3FileSystem(endpoint_override=endpoint or None)


@dataclass(frozen=True)
class RemoteArchive:
    url: str  # s3://bucket/prefix, as the operator gave it
    base: str  # bucket/prefix: what pyarrow's filesystem calls the archive's root
    fs: Any  # pyarrow.fs.FileSystem (S3, or any other for tests)

    @classmethod
    def parse(cls, url: str, fs: Any = None) -> RemoteArchive:
        base = url.removeprefix(SCHEME).rstrip("/")
        if not base or base.startswith("/"):
            raise RemoteFailed(f"{url!r} names no bucket; give s3://BUCKET/PREFIX")
        return cls(url, base, fs if fs is not None else s3_filesystem())

    def key(self, relative: str) -> str:
        return f"{self.base}/{relative}"

    def objects(self) -> dict[str, int]:
        """Every object under the prefix: path relative to it → size."""
        selector = pafs.FileSelector(self.base, recursive=True, allow_not_found=True)
        infos = self.fs.get_file_info(selector)
        start = len(self.base) + 1
        return {i.path[start:]: i.size for i in infos if i.type == pafs.FileType.File}

    def read(self, relative: str) -> bytes:
        with self.fs.open_input_stream(self.key(relative)) as stream:
            data: bytes = stream.read()
        return data

    def write(self, relative: str, data: bytes) -> None:
        """One PUT: the object appears whole or not at all."""
        with self.fs.open_output_stream(self.key(relative)) as stream:
            stream.write(data)

    def manifests(self, objects: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Every crawl manifest under the prefix, by relative path, in name order."""
        return {name: self.manifest(name) for name in sorted(filter(_is_manifest, objects))}

    def manifest(self, relative: str) -> dict[str, Any]:
        """A manifest, read again while it does not parse: S3 replaces an object whole, but
        moto's server (the tests' store) lets a reader see one half overwritten."""
        for _ in range(MANIFEST_READS - 1):
            with contextlib.suppress(ValueError):
                return _json_object(self.read(relative))
            time.sleep(0.05)
        try:
            return _json_object(self.read(relative))
        except ValueError as error:
            raise RemoteFailed(f"{self.url}/{relative}: unreadable manifest ({error})") from None

    def committed_parts(self) -> list[str]:
        """The part files a reader counts: named by a manifest, present, not replaced."""
        objects = self.objects()
        return committed(self.manifests(objects).values(), set(objects))


def _json_object(data: bytes) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(data)
    return record


def _is_manifest(relative: str) -> bool:
    path = PurePosixPath(relative)
    return str(path.parent) == CRAWLS_DIR and path.suffix == ".json"


def committed(manifests: Iterable[dict[str, Any]], present: set[str]) -> list[str]:
    """Part files named by ``manifests`` and ``present``, less those a compaction replaced."""
    records = list(manifests)
    named = {entry["path"] for m in records for entry in m.get("files", [])}
    merged = {entry["path"]: entry["by"] for m in records for entry in m.get("replaced", [])}
    replaced = replaced_among(merged, present.__contains__)
    return sorted(p for p in named & present if p not in replaced)


def pull(archive: RemoteArchive, root: Path, *, warcs: bool, replaced: bool = False) -> list[str]:
    """Copy the committed archive into the empty directory ``root``: every manifest and the
    card, the part files readers count (with ``replaced``, also those a compaction replaced
    that are still there, for verify), and with ``warcs`` every WARC file.

    Returns the part files there that no manifest names: uploads of a killed writer.
    """
    bucket = archive.base.split("/", 1)[0]
    if archive.fs.get_file_info(bucket).type == pafs.FileType.NotFound:
        raise RemoteFailed(f"there is no bucket {bucket!r} (or these credentials cannot see it)")
    objects = archive.objects()
    manifests = archive.manifests(objects)
    named = {entry["path"] for m in manifests.values() for entry in m.get("files", [])}
    parts = {p for p in objects if p.startswith(f"{ARTICLES_DIR}/")}
    wanted = set(manifests) | ({CARD_NAME} & set(objects))
    wanted |= named & parts if replaced else set(committed(manifests.values(), set(objects)))
    if warcs:
        wanted |= {p for p in objects if p.startswith(f"{WARC_DIR}/")}
    for relative in sorted(wanted):
        _download(archive, relative, root / relative)
    return sorted(parts - named)


def _download(archive: RemoteArchive, relative: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.fs.open_input_stream(archive.key(relative)) as stream, target.open("wb") as out:
        while chunk := stream.read(1 << 20):
            out.write(chunk)


class Publisher:
    """Sends what a local archive directory has committed to its remote copy, in the order
    that keeps the remote copy consistent: closed WARC files, then the part files whose WARC
    records are all remote, then each changed manifest naming only remote files, then the
    card; last, deletes the objects a published compaction replaced.

    A part file whose rows point into a WARC file still open locally waits for the next
    call: WARC files are uploaded only once closed, never as a growing prefix.
    """

    def __init__(self, root: Path, archive: RemoteArchive) -> None:
        self.root = root
        self.archive = archive
        objects = archive.objects()
        self.present = set(objects)
        # Manifests and card as the remote copy holds them: unchanged ones are not sent again.
        self.sent = {p: archive.read(p) for p in objects if _is_manifest(p) or p == CARD_NAME}

    def publish(self) -> int:
        """Upload what is ready; returns the number of objects written or deleted."""
        done = 0
        warc_dir = self.root / WARC_DIR
        if warc_dir.is_dir():
            for path in sorted(warc_dir.glob("*.warc.gz")):
                done += self._upload(str(path.relative_to(self.root)))
        records = {}
        for path in sorted((self.root / CRAWLS_DIR).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            for entry in record.get("files", []):
                if self._ready(entry["path"]):
                    done += self._upload(entry["path"])
            records[str(path.relative_to(self.root))] = record
        for relative, record in records.items():
            done += self._send(relative, json_text(self._shown(record)).encode("utf-8"))
        if (self.root / CARD_NAME).is_file():
            done += self._send(CARD_NAME, (self.root / CARD_NAME).read_bytes())
        return done + self._delete_replaced(records.values())

    def _shown(self, record: dict[str, Any]) -> dict[str, Any]:
        """The manifest as the remote copy may see it: without the files still to upload."""
        files = record.get("files", [])
        kept = [
            f for f in files if f["path"] in self.present or not (self.root / f["path"]).exists()
        ]
        if len(kept) == len(files):
            return record
        return {**record, "files": kept, "rows": sum(f["rows"] for f in kept)}

    def _ready(self, relative: str) -> bool:
        if relative in self.present or not (self.root / relative).is_file():
            return False
        warc_files = pq.read_table(self.root / relative, columns=["warc_file"]).column(0)
        return all(w is None or w in self.present for w in set(warc_files.to_pylist()))

    def _upload(self, relative: str) -> int:
        if relative in self.present:
            return 0
        _upload_file(self.archive, self.root / relative, relative)
        self.present.add(relative)
        return 1

    def _send(self, relative: str, data: bytes) -> int:
        if self.sent.get(relative) == data:
            return 0
        self.archive.write(relative, data)
        self.sent[relative] = data
        self.present.add(relative)
        return 1

    def _delete_replaced(self, records: Iterable[dict[str, Any]]) -> int:
        merged = {e["path"]: e["by"] for r in records for e in r.get("replaced", [])}
        gone = sorted(replaced_among(merged, self.present.__contains__) & self.present)
        for relative in gone:
            self.archive.fs.delete_file(self.archive.key(relative))
            self.present.discard(relative)
        return len(gone)


def _upload_file(archive: RemoteArchive, path: Path, relative: str) -> None:
    with path.open("rb") as source, archive.fs.open_output_stream(archive.key(relative)) as out:
        while chunk := source.read(8 << 20):
            out.write(chunk)
