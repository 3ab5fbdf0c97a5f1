"""What ``archiver verify`` proves about an archive a real crawl wrote, and what it catches.

One small crawl of a one-section replica runs for the module (through the ``archiver``
command, as an operator runs it); each test damages a copy of the archive it left.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver import __version__, dataset
from archiver.replica import running
from archiver.store.verify import verify
from archiver.store.warc import gzip_member
from archiver.store.warccheck import check_warc, members
from archiver.store.writer import file_sha256
from tests.run_cli import archiver

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]
CONTACT = "mailto:archive-team@example.org"
ITEMS = 12
# Holds an archive's lock, as a running crawl does, until killed.
HOLD = """
import sys, time
from pathlib import Path
from archiver.store import lock
lock.acquire(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(30)
"""


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("crawled")
    with running(items=ITEMS, seed=7, langs=("en",)) as replica:
        done = crawl(replica.base_url, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def crawl(base_url: str, out: Path) -> subprocess.CompletedProcess[str]:
    contact = ["-s", f"ARCHIVER_CONTACT={CONTACT}"]
    return archiver("crawl", "--base-url", base_url, "--lang", "en", "--out", out, *LOCAL, *contact)


@pytest.fixture
def archive(crawled: Path, tmp_path: Path) -> Path:
    """A copy of the crawled archive, for one test to damage."""
    copy = tmp_path / "archive"
    shutil.copytree(crawled, copy)
    return copy


def warc_file(root: Path) -> Path:
    (path,) = (root / "warc").glob("*.warc.gz")
    return path


def flip(path: Path, at: int, length: int = 16) -> None:
    data = bytearray(path.read_bytes())
    data[at : at + length] = bytes(b ^ 0xFF for b in data[at : at + length])
    path.write_bytes(bytes(data))


def test_the_crawled_archive_verifies_with_every_warc_record_checked(archive: Path) -> None:
    report = verify(archive)
    assert report.problems == []
    assert report.notes == []
    assert report.warc_files == 1
    # warcinfo, then a response and a request for every page fetched (robots.txt, listings,
    # the items).
    assert report.warc_records % 2 == 1
    assert report.warc_records > 2 * ITEMS


def test_three_flipped_runs_in_a_warc_file_fail_verification(archive: Path) -> None:
    path = warc_file(archive)
    size = path.stat().st_size
    for at in (size // 4, size // 2, 3 * size // 4):
        flip(path, at)
    relative = str(path.relative_to(archive))
    problems = verify(archive).problems
    assert problems[0] == f"{relative}: SHA-256 differs from its crawl manifest"
    damaged = [p for p in problems if p.startswith(f"{relative}: at byte ")]
    assert len(damaged) == 3, problems


def test_a_record_rewritten_whole_fails_its_digests(archive: Path) -> None:
    """Damage that keeps the gzip member sound (a record re-compressed after a change, and the
    manifest's file hash brought in line) is still caught: the digests are recomputed."""
    path = warc_file(archive)
    relative = str(path.relative_to(archive))
    row = dataset.open(archive).to_table().to_pylist()[0]
    data = path.read_bytes()
    start, end = row["warc_offset"], row["warc_offset"] + row["warc_length"]
    record = gzip.decompress(data[start:end])
    # The payload's last byte changed (the record ends with it and a blank line).
    changed = record[:-5] + bytes([record[-5] ^ 1]) + record[-4:]
    path.write_bytes(data[:start] + gzip_member(changed) + data[end:])
    manifest_path = next((archive / "crawls").glob("*.json"))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    (entry,) = manifest["warc_files"]
    entry["sha256"], entry["bytes"] = file_sha256(path), path.stat().st_size
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    declared = dict(
        line.split(": ", 1) for line in record.split(b"\r\n\r\n")[0].decode().splitlines()[1:]
    )
    assert [p for p in verify(archive).problems if f" at byte {start}: " in p] == [
        f"{relative}: at byte {start}: response record: block digest failed: "
        f"{declared['WARC-Block-Digest']}",
        f"{relative}: at byte {start}: response record: payload digest failed "
        f"{declared['WARC-Payload-Digest']}",
    ]


def manifest_of(root: Path) -> tuple[Path, dict[str, Any]]:
    (path,) = (root / "crawls").glob("*.json")
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_every_warc_file_is_listed_with_its_hash_and_size(archive: Path) -> None:
    path = warc_file(archive)
    _, manifest = manifest_of(archive)
    assert manifest["warc_files"] == [
        {
            "path": str(path.relative_to(archive)),
            "sha256": file_sha256(path),
            "bytes": path.stat().st_size,
        }
    ]


def test_a_cut_warc_file_is_named_by_its_size_and_its_torn_record(archive: Path) -> None:
    path = warc_file(archive)
    size = path.stat().st_size
    with path.open("rb") as handle:
        last = list(members(handle))[-1].offset
    path.write_bytes(path.read_bytes()[:-100])
    relative = str(path.relative_to(archive))
    assert verify(archive).problems == [
        f"{relative}: {size - 100} bytes, its crawl manifest says {size}",
        f"{relative}: at byte {last}: the gzip member is cut short "
        f"({size - 100 - last} bytes unreadable)",
    ]


def test_verify_on_a_running_crawl_says_so_and_lists_no_problems(archive: Path) -> None:
    # What a live crawl looks like: its WARC file still open, the lock held.
    path = warc_file(archive)
    path.rename(path.with_name(f".{path.name}.open"))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(archive)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        report = verify(archive)
        done = archiver("verify", archive)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert (report.running, report.problems, report.ok) == (str(holder.pid), [], False)
    assert (done.returncode, done.stdout) == (
        1,
        f"{archive}: a crawl is writing this archive (process {holder.pid}); "
        "its files are unfinished until it ends: verify again then\n",
    )


def test_files_whose_crawl_manifest_is_missing_are_problems(archive: Path) -> None:
    manifest_path, manifest = manifest_of(archive)
    manifest_path.unlink()
    (archive / "crawls" / "other.json").write_text(json.dumps({"files": []}), encoding="utf-8")
    missing = f"crawls/{manifest['crawl_id']}.json"
    listed = [entry["path"] for entry in manifest["warc_files"] + manifest["files"]]
    report = verify(archive)
    assert sorted(report.problems) == sorted(
        f"{path}: its crawl manifest {missing} is missing" for path in listed
    )
    assert report.notes == []


def test_a_damaged_manifest_is_a_problem_for_verify_and_one_line_for_every_reader(
    archive: Path,
) -> None:
    """Before, verify, stats, export, compact, reextract and the crawl stopped with a
    JSONDecodeError traceback; what readers would count without the manifest is unknown."""
    manifest_path, _ = manifest_of(archive)
    manifest_path.write_bytes(manifest_path.read_bytes()[:100])  # cut short
    report = verify(archive)
    (problem,) = [p for p in report.problems if "manifest" in p]
    assert problem.startswith(f"{manifest_path}: unreadable crawl manifest (")
    assert problem.endswith(")")
    why = problem.removeprefix(f"{manifest_path}: unreadable crawl manifest (")[:-1]
    line = f"{manifest_path}: unreadable crawl manifest ({why}); see `archiver verify`"
    out = archive.parent / "export.jsonl"
    commands: list[list[str | Path]] = [
        ["stats", archive],
        ["stats", "--json", archive],
        ["report", archive],
        ["export", archive, "--format", "jsonl", "--out", out],
        ["compact", archive],
        ["reextract", archive],
        ["crawl", "--base-url", "http://127.0.0.1:9", "--mode", "full", "--out", archive],
    ]
    for command in commands:
        done = archiver(*command)
        assert (done.returncode, done.stderr) == (1, f"archiver {command[0]}: {line}\n")
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "mediaoffice", "-a", "base_url=http://127.0.0.1:9",
         "-s", f"ARCHIVER_OUT={archive}", "-s", "LOG_LEVEL=ERROR"],
        cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (1, f"scrapy crawl: {line}\n")
    assert not out.exists() and not (archive / "report.html").exists()
    assert len(list((archive / "crawls").glob("*.json"))) == 1  # the crawls started nothing


def test_a_compactions_leftover_temporary_is_named_as_such(archive: Path) -> None:
    partition = next((archive / "articles" / "lang=en").iterdir())
    leftover = partition / ".part-compact-20261201T000000Z-abcdef-00001.parquet.4242.tmp"
    leftover.write_bytes(b"PAR1 half a merged file")
    report = verify(archive)
    assert report.problems == []
    assert report.notes == [
        f"{leftover}: temporary file of an interrupted compaction, never read; "
        "the next crawl or `archiver compact` removes it"
    ]


def test_a_warc_file_recovered_after_a_kill_is_listed_by_the_next_run(archive: Path) -> None:
    """kill -9 before the crawl closed its WARC file: still open, listed in no manifest."""
    path = warc_file(archive)
    path.rename(path.with_name(f".{path.name}.open"))
    manifest_path, manifest = manifest_of(archive)
    manifest["warc_files"] = []
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with running(items=ITEMS, seed=7, langs=("en",)) as replica:
        done = crawl(replica.base_url, archive)
    assert done.returncode == 0, done.stdout + done.stderr
    later = next(p for p in (archive / "crawls").glob("*.json") if p != manifest_path)
    listed = json.loads(later.read_text(encoding="utf-8"))["warc_files"]
    assert str(path.relative_to(archive)) in [entry["path"] for entry in listed]
    assert len(listed) == 2  # and the second run's own file
    report = verify(archive)
    assert (report.problems, report.notes, report.warc_files) == ([], [], 2)


def test_warc_files_older_than_their_listing_are_one_note_until_the_next_crawl_lists_them(
    archive: Path,
) -> None:
    """Manifests written before WARC files were listed have no ``warc_files``: verify says so
    once for all such files, not once a file, and the next crawl lists them."""
    path = warc_file(archive)
    second = path.with_name(path.name.replace("-00001.", "-00002."))
    shutil.copyfile(path, second)  # a crawl of then that closed two files
    manifest_path, manifest = manifest_of(archive)
    del manifest["warc_files"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    report = verify(archive)
    assert (report.problems, report.warc_files) == ([], 2)
    assert report.notes == [
        "2 WARC file(s) of crawls whose manifests predate the listing of WARC files: their "
        "records' digests were checked, not their SHA-256 and size; the next `archiver crawl` "
        "into this archive lists them"
    ]
    with running(items=ITEMS, seed=7, langs=("en",)) as replica:
        done = crawl(replica.base_url, archive)
    assert done.returncode == 0, done.stdout + done.stderr
    later = next(p for p in (archive / "crawls").glob("*.json") if p != manifest_path)
    later_manifest = json.loads(later.read_text(encoding="utf-8"))
    listed = [entry["path"] for entry in later_manifest["warc_files"]]
    assert listed[:2] == [str(p.relative_to(archive)) for p in (path, second)]
    assert later_manifest["stats"]["warc/earlier_files_listed"] == 2
    report = verify(archive)
    assert (report.problems, report.notes, report.warc_files) == ([], [], 3)


def test_records_read_as_readers_expect(archive: Path) -> None:
    _, manifest = manifest_of(archive)
    with warc_file(archive).open("rb") as handle:
        records = []
        for record in ArchiveIterator(handle):
            records.append(
                (record.rec_type, record.rec_headers, record.http_headers, record.raw_stream.read())
            )
    kind, _, _, info = records[0]
    assert kind == "warcinfo"
    assert info.decode().splitlines() == [
        f"software: archiver/{__version__}",
        "format: WARC File Format 1.0",
        f"operator: {CONTACT}",
        "robots: obey",
        f"http-header-user-agent: {manifest['options']['USER_AGENT']}",
        f"isPartOf: {manifest['crawl_id']}",
    ]
    responses = [http for kind, _, http, _ in records if kind == "response"]
    requests = [(warc, http) for kind, warc, http, _ in records if kind == "request"]
    assert len(responses) == len(requests) > ITEMS
    assert {http.statusline for http in responses} == {"200 OK"}
    for warc, http in requests:
        target = urlsplit(warc.get_header("WARC-Target-URI"))
        origin_form = target.path + (f"?{target.query}" if target.query else "")
        # warcio reads a request line as protocol (the method) and the rest.
        assert (http.protocol, http.statusline) == ("GET", f"{origin_form} HTTP/1.1")
        assert http.get_header("Host") == target.netloc


def damage_pages(path: Path) -> None:
    """Flip runs all through a part file's data pages, leaving its footer sound: readers
    only find out when they read the rows."""
    data = bytearray(path.read_bytes())
    footer = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    for at in range(4, footer - 16, 64):
        data[at : at + 16] = bytes(b ^ 0xFF for b in data[at : at + 16])
    path.write_bytes(bytes(data))


def damaged_parts(root: Path) -> tuple[Path, Path, list[str]]:
    """Two part files damaged: one through its pages, one cut (its footer gone); the keys
    whose only rows they held."""
    paged, cut = dataset.part_files(root)[:2]
    keys = [pq.read_table(p, columns=["key"]).column("key")[0].as_py() for p in (paged, cut)]
    damage_pages(paged)
    cut.write_bytes(cut.read_bytes()[:-50])
    return paged, cut, keys


def test_stats_names_damaged_part_files_without_a_traceback(archive: Path) -> None:
    paged, cut, _ = damaged_parts(archive)
    done = archiver("stats", archive)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "archiver stats: 2 damaged part files left out of these figures; "
        "`archiver verify` checks every file"
    )
    table = done.stdout.split("\n\n")[0].splitlines()
    assert table[-1].split() == ["all", str(ITEMS - 2), str(ITEMS - 2)]  # the items that remain
    section = done.stdout.split("damaged part files (left out)\n", 1)[1].splitlines()
    assert [line.split(": ", 1)[0] for line in section] == [f"  {cut}", f"  {paged}"]
    done = archiver("stats", archive, "--json")
    assert (done.returncode, "Traceback" in done.stderr) == (1, False)
    figures = json.loads(done.stdout)
    assert [entry.split(": ", 1)[0] for entry in figures["damaged_files"]] == [
        str(cut),
        str(paged),
    ]


def test_export_exits_non_zero_when_it_skipped_rows(archive: Path, tmp_path: Path) -> None:
    damaged_parts(archive)
    out = tmp_path / "rows.jsonl"
    done = archiver("export", archive, "--format", "jsonl", "-o", out)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"archiver export: exported {ITEMS - 2} rows, but 2 damaged part files were left out; "
        "`archiver verify` names them"
    )
    assert len(out.read_text(encoding="utf-8").splitlines()) == ITEMS - 2


def test_the_next_crawl_fetches_again_the_items_only_damaged_files_held(archive: Path) -> None:
    _, _, keys = damaged_parts(archive)
    with running(items=ITEMS, seed=7, langs=("en",)) as replica:
        done = crawl(replica.base_url, archive)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 2 new or changed rows, " in done.stdout
    with pytest.warns(dataset.UnreadablePartWarning):
        rows = dataset.read(archive, ["key", "crawl_id"]).to_pylist()
    assert sorted(r["key"] for r in rows) == sorted({r["key"] for r in rows})
    assert len(rows) == ITEMS
    _, first = manifest_of_crawl(archive, 0)
    assert sorted(r["key"] for r in rows if r["crawl_id"] != first["crawl_id"]) == sorted(keys)


def manifest_of_crawl(root: Path, n: int) -> tuple[Path, dict[str, Any]]:
    path = sorted((root / "crawls").glob("*.json"))[n]
    return path, json.loads(path.read_text(encoding="utf-8"))


# A crawl whose disk fills up: the Parquet writes fail once two part files are committed, or
# the WARC writes once six records are written (the seventh half written, as a full disk
# leaves it).
DISK_FULL = """
import errno, sys
import pyarrow.parquet as pq
from archiver.cli import main
from archiver.store import warc

full = OSError(errno.ENOSPC, "No space left on device")
written = []
real_table, real_append = pq.write_table, warc.WarcFileWriter._append

def write_table(table, where, **kwargs):
    if sys.argv[1] == "parquet" and len(written) >= 2:
        raise full
    written.append(where)
    real_table(table, where, **kwargs)

def append(self, data):
    if sys.argv[1] == "warc" and len(written) >= 6:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise full
    written.append(data)
    real_append(self, data)

pq.write_table, warc.WarcFileWriter._append = write_table, append
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("failing", ["parquet", "warc"])
def test_a_full_disk_ends_the_run_with_one_line_and_loses_nothing_archived(
    tmp_path: Path, failing: str
) -> None:
    out = tmp_path / "archive"
    with running(items=ITEMS, seed=7, langs=("en",)) as replica:
        args = ["crawl", "--base-url", replica.base_url, "--lang", "en", "--out", str(out)]
        args += [*LOCAL, "-s", f"ARCHIVER_CONTACT={CONTACT}", "-s", "ARCHIVER_BATCH_ROWS=2"]
        done = subprocess.run(
            [sys.executable, "-c", DISK_FULL, failing, *args],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        kept = dataset.read(out, ["key"]).column("key").to_pylist()
        assert len(kept) < ITEMS
        mount = mount_point(out)
        assert done.stderr.splitlines()[-1] == (
            f"archiver crawl: the disk of {out} (the file system at {mount}) is full: "
            f"{len(kept)} rows reached the archive and are kept; free space there and run "
            "the same command again to fetch the rest"
        )
        assert done.stdout.splitlines()[-1] == "health: not checked; exit code 1"
        # The summary counts the rows committed, not those buffered and lost with the write.
        (archived,) = [line for line in done.stdout.splitlines() if line.startswith("archived:")]
        assert archived.startswith(f"archived: {len(kept)} new or changed rows, 0 unchanged, ")
        assert archived.endswith(f"; {len(kept)} new, 0 revised")
        stats = manifest_of_crawl(out, 0)[1]["stats"]
        assert (stats["archive/new"], stats["archive/rows_committed"]) == (len(kept), len(kept))
        if failing == "parquet":
            assert stats["archive/rows_written"] > len(kept)  # the case: buffered rows were lost
        report = verify(out)
        assert (report.problems, report.notes, report.rows) == ([], [], len(kept))
        again = crawl(replica.base_url, out)
    assert again.returncode == 0, again.stdout + again.stderr
    keys = dataset.read(out, ["key"]).column("key").to_pylist()
    assert set(kept) < set(keys)
    assert len(keys) == len(set(keys)) == ITEMS
    assert verify(out).problems == []


def mount_point(path: Path) -> Path:
    path = path.resolve()
    while not path.is_mount():
        path = path.parent
    return path


def sha256_record(body: bytes, declared: bytes | None = None) -> bytes:
    """A resource record whose block digest is SHA-256 in base 32, of ``declared`` (or of the
    body itself)."""
    digest = base64.b32encode(hashlib.sha256(declared or body).digest()).decode()
    head = (
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
        "WARC-Date: 2026-12-01T00:00:00Z\r\nWARC-Target-URI: urn:x:note\r\n"
        f"Content-Type: text/plain\r\nWARC-Block-Digest: sha256:{digest}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body + b"\r\n\r\n"


def test_digests_are_recomputed_with_the_algorithm_each_record_names(tmp_path: Path) -> None:
    sound = gzip_member(sha256_record(b"a note"))
    wrong = gzip_member(sha256_record(b"a note", declared=b"another note"))
    path = tmp_path / "x.warc.gz"
    path.write_bytes(sound + wrong)
    check = check_warc(path)
    claimed = base64.b32encode(hashlib.sha256(b"another note").digest()).decode()
    assert (check.records, check.problems) == (
        2,
        [f"at byte {len(sound)}: resource record: block digest failed: sha256:{claimed}"],
    )


def test_a_warc_file_a_killed_crawl_left_open_is_named(archive: Path) -> None:
    path = warc_file(archive)
    left = path.with_name(f".{path.name}.open")
    path.rename(left)
    report = verify(archive)
    assert report.notes == [
        f"{left.relative_to(archive)}: left open by an interrupted crawl; "
        "the next crawl cuts it to its last whole record and publishes it"
    ]
    # Until then the rows' records are not where the rows say, and the listed file is missing.
    assert len(report.problems) == ITEMS + 1
    assert report.problems[-1] == (
        f"{path.relative_to(archive)}: listed in a crawl manifest but missing"
    )


class Pieces(io.BytesIO):
    """A file that hands out at most ``step`` bytes a read, as reads of a real file may end."""

    def __init__(self, data: bytes, step: int) -> None:
        super().__init__(data)
        self.step = step

    def read(self, size: int | None = -1) -> bytes:
        return super().read(self.step if size is None or size < 0 else min(size, self.step))


def test_a_member_ending_where_a_read_ends_is_not_the_end_of_the_file() -> None:
    first, second = gzip_member(b"one record"), gzip_member(b"another record")
    found = [(m.offset, m.data) for m in members(Pieces(first + second, len(first)))]
    assert found == [(0, b"one record"), (len(first), b"another record")]
