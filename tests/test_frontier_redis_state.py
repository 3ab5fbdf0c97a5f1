"""The shared frontier's state in a real redis-server: leases, the end, the host rate."""

from __future__ import annotations

import itertools
import time

import pytest
import redis

from archiver.distributed.state import FrontierBusy, SharedState, worst
from archiver.exitcodes import EXIT_FAILURE, EXIT_HEALTH, EXIT_OK, EXIT_USAGE
from tests.redis_server import redis_server, redis_url

__all__ = ["redis_server", "redis_url"]  # the fixtures, used by name


def worker(url: str, name: str, lease: float = 30.0) -> SharedState:
    state = SharedState(redis.Redis.from_url(url), "t", name, lease)
    state.join()
    return state


def queue(state: SharedState, *members: bytes) -> None:
    state.server.zadd(state.queue_key, {m: -1 for m in members})


def test_a_taken_request_is_leased_and_a_dead_workers_lease_goes_back(redis_url: str) -> None:
    a, b = worker(redis_url, "a", lease=0.3), worker(redis_url, "b")
    queue(a, b"r1", b"r2")
    assert a.take() in (b"r1", b"r2")
    assert a.queued() == 1
    assert b.requeue_dead() == 0  # a is alive: its lease holds
    time.sleep(0.4)  # a misses its heartbeats (killed)
    b.beat()
    assert b.requeue_dead() == 1
    assert sorted(b.server.zrange(b.queue_key, 0, -1)) == [b"r1", b"r2"]
    assert b.workers() == ["b"]


def test_released_requests_do_not_come_back(redis_url: str) -> None:
    a, b = worker(redis_url, "a", lease=0.3), worker(redis_url, "b")
    queue(a, b"r1", b"r2")
    first, second = a.take(), a.take()
    assert first is not None and second is not None and a.take() is None
    a.release([first])
    time.sleep(0.4)
    b.beat()
    assert b.requeue_dead() == 1
    assert b.server.zrange(b.queue_key, 0, -1) == [second]


def test_the_crawl_ends_only_when_walked_empty_and_nobody_busy_or_dead(redis_url: str) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b", lease=0.3)
    assert a.claim_seeder() and not b.claim_seeder()
    queue(a, b"r1")
    assert not a.finished()  # the walk is not over
    a.walked()
    assert not b.finished()  # a request is queued
    assert b.take() == b"r1"
    a.report(busy=False)
    assert not a.finished()  # b holds it
    time.sleep(0.4)  # b dies with it
    assert not a.finished()  # dead with a lease: not over until it is requeued
    a.beat()
    assert a.requeue_dead() == 1
    assert a.take() == b"r1"
    a.report(busy=False)
    assert a.finished()
    assert a.server.get(a.key("done")) == b"1"


def test_a_dead_seeder_is_replaced_until_the_walk_is_over(redis_url: str) -> None:
    a, b = worker(redis_url, "a", lease=0.3), worker(redis_url, "b")
    assert a.claim_seeder()
    assert not b.claim_seeder()
    time.sleep(0.4)
    assert b.claim_seeder()
    b.walked()
    c = worker(redis_url, "c")
    assert not c.claim_seeder()


def test_the_exit_code_is_the_worst_and_the_last_out_clears_the_keys(redis_url: str) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    b.server.hset(b.key("codes"), "b", str(EXIT_HEALTH))
    b.server.sadd(b.key("left"), "b")
    b.server.delete(b.key("alive", "b"))
    assert a.crawl_exit_code(EXIT_OK, timeout=5) == EXIT_HEALTH
    assert a.server.keys("archiver:t:*") == []


def test_a_finishing_crawl_refuses_a_newcomer_and_a_stale_one_is_cleared(redis_url: str) -> None:
    a = worker(redis_url, "a", lease=0.3)
    a.server.set(a.key("done"), "1")
    with pytest.raises(FrontierBusy, match="still finishing"):
        worker(redis_url, "b")
    time.sleep(0.4)  # every worker of that crawl is gone
    worker(redis_url, "c")
    assert not a.server.exists(a.key("done"))


def test_host_slots_are_spaced_by_the_interval_across_workers(redis_url: str) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    waits = [s.reserve("127.0.0.1:8000", 0.5) for s in (a, b, a, b)]
    assert waits[0] == pytest.approx(0, abs=0.05)
    for earlier, later in itertools.pairwise(waits):
        assert later - earlier == pytest.approx(0.5, abs=0.05)
    assert a.reserve("127.0.0.1:9000", 0.5) == pytest.approx(0, abs=0.05)  # per host


def test_worst_orders_failure_usage_health_success() -> None:
    assert worst([EXIT_OK, EXIT_HEALTH]) == EXIT_HEALTH
    assert worst([EXIT_HEALTH, EXIT_FAILURE, EXIT_USAGE]) == EXIT_FAILURE
    assert worst([EXIT_OK, -9]) == EXIT_FAILURE  # a worker killed by a signal
    assert worst([EXIT_OK, EXIT_OK]) == EXIT_OK
