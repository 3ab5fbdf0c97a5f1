"""The shared state of one frontier crawl in Redis, under ``archiver:{name}:``.

``requests`` is scrapy-redis's priority queue (a sorted set) and ``dupefilter`` its set of
fingerprints. The rest is ours:

- ``workers``: the crawl's workers; ``alive:{w}`` each one's heartbeat (expires after the lease).
- ``lease:{w}``: the requests worker ``w`` took and has not yet committed, with their queue
  scores. Taking moves a request from the queue into the lease in one step; when ``w``'s
  heartbeat expires (``kill -9``, a lost machine) a survivor moves the lease back to the queue.
- ``busy``: workers with work in hand. ``seeder``: who walks the listings (held while its
  heartbeat lasts); ``walked``: the walk is over.
- ``done``: the end, set once the walk is over, the queue is empty, no worker is busy and none
  is dead with a lease: no worker can make more work, so none waits on a timer.
- ``codes`` / ``left``: each worker's exit code and who has exited; the last out deletes all.
- ``host:{host}``: the next free moment for a request to that host (``politeness``).

Every step that reads and writes together is a Lua script, so workers never race.
"""

from __future__ import annotations

import time
from typing import Any

import redis

from archiver.exitcodes import EXIT_FAILURE, EXIT_HEALTH, EXIT_OK, EXIT_USAGE
from archiver.store.manifest import crawl_id_for

# Worst last: a crawl's exit code is the worst of its workers'.
SEVERITY = (EXIT_OK, EXIT_HEALTH, EXIT_USAGE, EXIT_FAILURE)

_TAKE = """
local top = redis.call('ZPOPMIN', KEYS[1])
if #top == 0 then return false end
redis.call('ZADD', KEYS[2], top[2], top[1])
redis.call('SADD', KEYS[3], ARGV[1])
return top[1]
"""
_REQUEUE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local held = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for i = 1, #held, 2 do redis.call('ZADD', KEYS[3], held[i + 1], held[i]) end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
return #held / 2
"""
_FINISH = """
if redis.call('EXISTS', KEYS[4]) == 1 then return 1 end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('ZCARD', KEYS[2]) > 0 or redis.call('SCARD', KEYS[3]) > 0 then return 0 end
for _, w in ipairs(redis.call('SMEMBERS', KEYS[5])) do
  if redis.call('EXISTS', ARGV[1] .. 'alive:' .. w) == 0 then return 0 end
end
redis.call('SET', KEYS[4], '1')
return 1
"""
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, free)
redis.call('SET', KEYS[1], string.format('%.6f', at + tonumber(ARGV[1])), 'EX', 3600)
return string.format('%.6f', at - now)
"""
_LEAVE = """
redis.call('SADD', KEYS[2], ARGV[2])
for _, w in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('SISMEMBER', KEYS[2], w) == 0
     and redis.call('EXISTS', ARGV[1] .. 'alive:' .. w) == 1 then return 0 end
end
return 1
"""


class FrontierBusy(ValueError):
    """The previous crawl on this frontier is still finishing."""


class SharedState:
    def __init__(self, server: redis.Redis, name: str, worker: str, lease_seconds: float) -> None:
        self.server = server
        self.prefix = f"archiver:{name}:"
        self.worker = worker
        self.lease_ms = max(1, int(lease_seconds * 1000))
        self.seeding = False  # this worker walks the listings (join, claim_seeder)
        self.queue_key = self.key("requests")
        self.dupefilter_key = self.key("dupefilter")
        self._take = server.register_script(_TAKE)
        self._requeue = server.register_script(_REQUEUE)
        self._finish = server.register_script(_FINISH)
        self._reserve = server.register_script(_RESERVE)
        self._leave = server.register_script(_LEAVE)

    def key(self, *parts: str) -> str:
        return self.prefix + ":".join(parts)

    # --- joining and staying ---------------------------------------------------------------
    def join(self) -> None:
        """Enter the crawl (who seeds is settled when the spider opens: ``claim_seeder``).

        A crawl that ended but whose workers all vanished before cleaning up is cleared; one
        whose workers are still exiting refuses the newcomer (``FrontierBusy``).
        """
        if self.server.exists(self.key("done")):
            if any(self.alive(w) for w in self.workers()):
                raise FrontierBusy(
                    "the previous crawl on this frontier is still finishing: run again when "
                    "its workers have exited, or use another -s ARCHIVER_FRONTIER_NAME"
                )
            self.clear()
        self.beat()

    def claim_seeder(self) -> bool:
        """Become the seeder if the walk is not over and no live worker walks it."""
        if self.server.exists(self.key("walked")):
            return False
        claimed = self.server.set(self.key("seeder"), self.worker, nx=True, px=self.lease_ms)
        self.seeding = bool(claimed)
        return self.seeding

    def beat(self) -> None:
        """The heartbeat: this worker's lease (and its seeder role) lasts one more lease.
        It enrols the worker again, should a survivor have taken it for dead in between."""
        pipe = self.server.pipeline()
        pipe.set(self.key("alive", self.worker), "1", px=self.lease_ms)
        pipe.sadd(self.key("workers"), self.worker)
        pipe.get(self.key("seeder"))
        seeder = pipe.execute()[2]
        if seeder is not None and seeder.decode() == self.worker:
            self.server.pexpire(self.key("seeder"), self.lease_ms)

    def alive(self, worker: str) -> bool:
        return bool(self.server.exists(self.key("alive", worker)))

    def workers(self) -> list[str]:
        return sorted(_text(w) for w in self.server.smembers(self.key("workers")))

    # --- work ------------------------------------------------------------------------------
    def take(self) -> bytes | None:
        """The next queued request (encoded), now leased to this worker."""
        keys = [self.queue_key, self.key("lease", self.worker), self.key("busy")]
        data: bytes | None = self._take(keys=keys, args=[self.worker])
        return data

    def release(self, leased: list[bytes]) -> None:
        """Requests whose outcome is safe (committed rows, or handed back to the queue)."""
        if leased:
            self.server.zrem(self.key("lease", self.worker), *leased)

    def release_all(self) -> None:
        self.server.delete(self.key("lease", self.worker))

    def requeue_dead(self) -> int:
        """Move the leases of workers whose heartbeat expired back to the queue."""
        moved = 0
        for worker in self.workers():
            keys = [
                self.key("alive", worker),
                self.key("lease", worker),
                self.queue_key,
                self.key("busy"),
                self.key("workers"),
            ]
            moved += max(0, int(self._requeue(keys=keys, args=[worker])))
        return moved

    def report(self, busy: bool) -> None:
        if busy:
            self.server.sadd(self.key("busy"), self.worker)
        else:
            self.server.srem(self.key("busy"), self.worker)

    def walked(self) -> None:
        self.server.set(self.key("walked"), "1")

    def finished(self) -> bool:
        """Whether the crawl is over (and, when it just is, say so to every worker)."""
        keys = [self.key(k) for k in ("walked", "requests", "busy", "done", "workers")]
        return bool(self._finish(keys=keys, args=[self.prefix]))

    def queued(self) -> int:
        return int(self.server.zcard(self.queue_key))

    def reserve(self, host: str, interval: float) -> float:
        """Seconds to wait before this request may go to ``host``: the next free moment,
        taken, so all workers together keep ``interval`` between requests."""
        return float(self._reserve(keys=[self.key("host", host)], args=[repr(interval)]))

    # --- the end ---------------------------------------------------------------------------
    def crawl_exit_code(self, own: int, timeout: float) -> int:
        """Post this worker's exit code, wait (beating) until every live worker has posted
        its own, and return the worst; the last worker out clears the crawl's keys."""
        self.release_all()
        self.server.hset(self.key("codes"), self.worker, str(own))
        self.report(busy=False)
        deadline = time.monotonic() + timeout
        while True:
            self.beat()
            codes = {_text(k): int(v) for k, v in self.server.hgetall(self.key("codes")).items()}
            waiting = [w for w in self.workers() if w not in codes and self.alive(w)]
            if not waiting or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        code = worst([own, *codes.values()])
        keys = [self.key("workers"), self.key("left")]
        if self._leave(keys=keys, args=[self.prefix, self.worker]):
            self.clear()
        else:
            self.server.delete(self.key("alive", self.worker))
        return code

    def clear(self) -> None:
        for key in self.server.scan_iter(match=self.prefix + "*", count=1000):
            self.server.delete(key)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def worst(codes: list[int]) -> int:
    """The worst of exit codes: failure, usage, a failed health check, success (an unknown
    code, as of a worker killed by a signal, is a failure)."""
    known = [code if code in SEVERITY else EXIT_FAILURE for code in codes]
    return max(known, key=SEVERITY.index)


def connect(url: str) -> redis.Redis:
    """A client for ``redis://HOST:PORT/DB``, checked at once (one line when it fails)."""
    try:
        server: redis.Redis = redis.Redis.from_url(url, socket_connect_timeout=10)
        server.ping()
    except (ValueError, redis.RedisError) as error:
        raise ValueError(
            f"--frontier {url}: cannot reach Redis ({error}); give redis://HOST:PORT/DB "
            "of a running redis-server"
        ) from None
    return server


def state_for(crawler: Any) -> SharedState:
    """The frontier state of a crawler (``ARCHIVER_FRONTIER``), one per crawler, its worker
    named by the crawl id."""
    state: SharedState | None = getattr(crawler, "archiver_frontier", None)
    if state is None:
        settings = crawler.settings
        state = SharedState(
            connect(settings["ARCHIVER_FRONTIER"]),
            settings["ARCHIVER_FRONTIER_NAME"],
            crawl_id_for(crawler),
            settings.getfloat("ARCHIVER_FRONTIER_LEASE"),
        )
        crawler.archiver_frontier = state
    return state
