"""The progress line reports what the crawl has done."""

from __future__ import annotations

from archiver.extensions.progress import progress_line


def test_progress_line() -> None:
    stats = {
        "archive/rows_written": 120,
        "archive/unchanged": 30,
        "response_received_count": 200,
        "archive/failures": 2,
    }
    assert progress_line(stats, 40.0) == (
        "120 rows written, 30 unchanged, 200 pages fetched (5.0/s), 2 failures, 40 s"
    )
    assert (
        progress_line({}, 0.0)
        == "0 rows written, 0 unchanged, 0 pages fetched (0.0/s), 0 failures, 0 s"
    )
