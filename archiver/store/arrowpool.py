"""Which allocator pyarrow uses in a crawl's process (``ARCHIVER_ARROW_MEMORY_POOL``).

pyarrow's wheel allocates with mimalloc, which keeps freed pages for reuse. In a crawl that
writes a part file every 200 rows and reads the whole archive for its card at the end, that
kept memory grew with the crawl: the peak resident set of a 20,000-item crawl was 355 MiB with
mimalloc, 254 MiB with the system allocator, 259 MiB with jemalloc (2,000 items: 261, 207, 212;
bench/bench_memory.py measures it). The system allocator is the default: every build of
pyarrow has it. Set only in processes that crawl, never on importing the library: a researcher's
process keeps whatever pyarrow chose.
"""

from __future__ import annotations

import pyarrow as pa

POOLS = ("system", "jemalloc", "mimalloc")


def use_pool(name: str) -> None:
    """Make ``name`` pyarrow's default pool for this process ("": leave pyarrow's choice).
    Raises ValueError naming the choices for an unknown name, or the pool this build lacks."""
    if not name:
        return
    if name not in POOLS:
        raise ValueError(f"ARCHIVER_ARROW_MEMORY_POOL must be one of {', '.join(POOLS)} or empty")
    make = {
        "system": pa.system_memory_pool,
        "jemalloc": pa.jemalloc_memory_pool,
        "mimalloc": pa.mimalloc_memory_pool,
    }[name]
    try:
        pool = make()
    except NotImplementedError as error:  # a pyarrow built without it
        raise ValueError(f"this pyarrow has no {name} allocator ({error}); use system") from None
    pa.set_memory_pool(pool)
