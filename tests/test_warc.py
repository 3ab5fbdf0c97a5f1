"""WARC capture: records where the rows say, warcio's own checker, recovery after a kill."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from scrapy.http.headers import Headers
from warcio.archiveiterator import ArchiveIterator

from archiver.middlewares.warc import text_headers
from archiver.store.warc import (
    OPEN_SUFFIX,
    Exchange,
    WarcFileWriter,
    WarcRef,
    recover,
    request_head,
    status_line,
)
from archiver.store.warccheck import check_warc


def exchange(n: int) -> Exchange:
    body = f"<html><body><p>page {n} – صفحة</p></body></html>".encode() * 40
    return Exchange(
        url=f"http://127.0.0.1:8000/en/index.php/x/{n}.html",
        method="GET",
        request_headers=[("User-Agent", "archiver-test"), ("Accept", "text/html")],
        status=200,
        reason="OK",
        response_headers=[("Content-Type", "text/html; charset=utf-8")],
        body=body,
        fetched_at=datetime(2026, 11, 28, 12, 0, n, tzinfo=UTC),
    )


def read_at(root: Path, ref: WarcRef) -> tuple[str, str, bytes]:
    with (root / ref.file).open("rb") as handle:
        handle.seek(ref.offset)
        record = next(iter(ArchiveIterator(handle)))
        return (
            record.rec_type,
            record.rec_headers.get_header("WARC-Target-URI"),
            record.content_stream().read(),
        )


def test_rows_find_their_records_and_warcio_accepts_the_files(tmp_path: Path) -> None:
    writer = WarcFileWriter(tmp_path, "c1", max_bytes=600)  # small: forces rotation
    refs = [writer.write(exchange(n)) for n in range(4)]
    writer.close()
    assert len({ref.file for ref in refs}) > 1
    for n, ref in enumerate(refs):
        assert read_at(tmp_path, ref) == ("response", exchange(n).url, exchange(n).body)
    files = sorted((tmp_path / "warc").iterdir())
    assert [f.name for f in files] == [f"c1-{i:05d}.warc.gz" for i in range(1, len(files) + 1)]
    checked = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_killed_writer_is_recovered_to_its_complete_records(tmp_path: Path) -> None:
    writer = WarcFileWriter(tmp_path, "c1")
    refs = [writer.write(exchange(n)) for n in range(3)]
    (open_file,) = (tmp_path / "warc").glob(f"*{OPEN_SUFFIX}")
    data = open_file.read_bytes()
    writer.close()
    # What kill -9 in the middle of the third record leaves: the first two whole, a torn third,
    # under the hidden name.
    (tmp_path / refs[0].file).unlink()
    open_file.write_bytes(data[: refs[2].offset + refs[2].length // 2])
    assert recover(tmp_path) == [tmp_path / refs[0].file]
    published = tmp_path / refs[0].file
    assert not open_file.exists()
    assert published.stat().st_size == refs[2].offset
    for n, ref in enumerate(refs[:2]):
        assert read_at(tmp_path, ref) == ("response", exchange(n).url, exchange(n).body)


def test_a_record_torn_in_its_payload_is_cut_off_by_recovery(tmp_path: Path) -> None:
    """warcio reads a gzip member cut in its payload as a shorter record without a word: a
    page that does not compress to nothing (random words) is torn in its middle."""
    rng = random.Random(3)
    pages = [" ".join(f"w{rng.randrange(10**6)}" for _ in range(4000)).encode() for _ in range(3)]
    writer = WarcFileWriter(tmp_path, "c1")
    refs = [writer.write(replace(exchange(n), body=page)) for n, page in enumerate(pages)]
    (open_file,) = (tmp_path / "warc").glob(f".*{OPEN_SUFFIX}")
    data = open_file.read_bytes()
    writer.close()
    (tmp_path / refs[0].file).unlink()
    open_file.write_bytes(data[: refs[2].offset + refs[2].length // 2])
    assert recover(tmp_path) == [tmp_path / refs[0].file]
    assert (tmp_path / refs[0].file).stat().st_size == refs[2].offset
    assert check_warc(tmp_path / refs[0].file).problems == []


def test_a_chunked_response_is_recorded_without_its_transfer_encoding() -> None:
    headers = Headers({"Transfer-Encoding": "chunked", "Content-Type": "text/html"})
    assert text_headers(headers) == [
        ("X-Archive-Orig-Transfer-Encoding", "chunked"),
        ("Content-Type", "text/html"),
    ]


def test_status_lines_get_their_reason_phrase_and_requests_their_origin_form() -> None:
    assert status_line(404, "") == "HTTP/1.1 404 Not Found"
    assert status_line(200, "Fine") == "HTTP/1.1 200 Fine"
    assert status_line(599, "") == "HTTP/1.1 599"
    assert request_head("GET", "http://127.0.0.1:8000", [("Accept", "*/*")]) == (
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept: */*\r\n\r\n"
    )
    assert request_head("GET", "https://user@example.org/a/b?c=1&d=2", [("Host", "x")]) == (
        b"GET /a/b?c=1&d=2 HTTP/1.1\r\nHost: x\r\n\r\n"
    )
