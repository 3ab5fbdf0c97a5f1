"""Redis memory of a shared frontier: N item requests queued and fingerprinted as a crawl does.

    redis-server --port 6399 --save "" --appendonly no &
    .venv/bin/python bench/frontier_memory.py redis://127.0.0.1:6399/0 --requests 150000

Each request is made by the site spider (``item_request``: replica item URLs of every section,
with their listing dates) and goes through ``FrontierScheduler``'s two steps: the key
duplicate filter, then scrapy-redis's priority queue. Prints ``used_memory`` before and after
(FLUSHDB first: use a scratch server).
"""

from __future__ import annotations

import argparse
import itertools

import redis
from scrapy_redis.queue import PriorityQueue

from archiver.distributed.scheduler import KeyDupeFilter
from archiver.replica import Replica
from archiver.urls import LANGS
from spiders.mediaoffice import MediaOfficeSpider

BASE = "https://www.hizb-ut-tahrir.info"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url", help="redis://HOST:PORT/DB of a scratch redis-server")
    parser.add_argument("--requests", type=int, default=150_000)
    args = parser.parse_args()
    server = redis.Redis.from_url(args.url)
    server.flushdb()
    before = int(server.info("memory")["used_memory"])
    spider = MediaOfficeSpider(base_url=BASE, lang="all")
    queue = PriorityQueue(server=server, spider=spider, key="archiver:bench:requests")
    seen = KeyDupeFilter(server, "archiver:bench:dupefilter")
    per_lang = -(-args.requests // len(LANGS))
    site = Replica(per_lang, 1, LANGS)
    listed = itertools.chain.from_iterable(
        ((lang, item_id) for item_id in site.item_ids(lang)) for lang in LANGS
    )
    for lang, item_id in itertools.islice(listed, args.requests):
        day = site.entry(lang, item_id).published.isoformat()
        request = spider.item_request(BASE + site.item_url(lang, item_id), day)
        if not seen.request_seen(request):
            queue.push(request)
    after = int(server.info("memory")["used_memory"])
    queued, keys = len(queue), server.scard("archiver:bench:dupefilter")
    print(f"{queued} requests queued, {keys} keys fingerprinted")
    print(f"used_memory: {before / 2**20:.1f} MiB before, {after / 2**20:.1f} MiB after")
    print(f"{(after - before) / queued:.0f} bytes per request (queue + fingerprint)")
    server.delete("archiver:bench:requests")
    fingerprints = int(server.info("memory")["used_memory"]) - before
    print(f"of which the fingerprints alone: {fingerprints / 2**20:.1f} MiB")
    server.flushdb()


if __name__ == "__main__":
    main()
