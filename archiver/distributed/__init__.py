"""A shared frontier: many crawl workers, one archive, one Redis (``--frontier redis://…``).

- ``state``: the crawl's shared state in Redis (queue leases, heartbeats, who seeds, the end).
- ``scheduler``: scrapy-redis's scheduler, routing item requests to the shared queue.
- ``worker``: a worker's life in the crawl (seed or not, take work, find the end).
- ``politeness``: one per-host request rate for all workers together.
- ``addon``: the settings that turn it all on when ``ARCHIVER_FRONTIER`` is set.
- ``launch``: ``--workers N``, N worker processes on this machine.

docs/scaling.md says when it pays and how to run it.
"""
