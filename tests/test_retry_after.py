"""Parsing Retry-After values (the crawl-level behaviour is tested against the replica)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from hypothesis import given
from hypothesis import strategies as st

from archiver.middlewares.backoff import backoff_seconds
from archiver.middlewares.retry_after import retry_after_seconds

NOW = datetime(2026, 11, 28, 12, 0, 0, tzinfo=UTC)


def test_delta_seconds() -> None:
    assert retry_after_seconds("2", NOW) == 2.0
    assert retry_after_seconds(" 120 ", NOW) == 120.0


def test_http_date_in_the_future_and_past() -> None:
    assert retry_after_seconds("Sat, 28 Nov 2026 12:00:30 GMT", NOW) == 30.0
    assert retry_after_seconds("Sat, 28 Nov 2026 11:00:00 GMT", NOW) == 0.0


def test_garbage_is_not_a_wait() -> None:
    assert retry_after_seconds("soon", NOW) is None
    assert retry_after_seconds("-5", NOW) is None


@given(st.integers(min_value=0, max_value=10**6))
def test_any_http_date_gives_its_distance(seconds: int) -> None:
    header = format_datetime(NOW + timedelta(seconds=seconds), usegmt=True)
    assert retry_after_seconds(header, NOW) == float(seconds)


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff_seconds(n, 2.0, 60.0) for n in range(1, 8)] == [2, 4, 8, 16, 32, 60, 60]
