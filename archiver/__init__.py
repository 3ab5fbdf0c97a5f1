"""archiver: an archival crawler for the Central Media Office site of Hizb ut Tahrir.

Importing it asks pyarrow for the system allocator, unless ``ARROW_DEFAULT_MEMORY_POOL`` is
set already or pyarrow was imported first: pyarrow's wheel allocates with mimalloc, which keeps
freed memory, and the archive's writers and readers free a part file's worth at a time. The
peak of a 20,000-item crawl was 289-295 MiB with mimalloc and 255 MiB with the system
allocator; reading the card of that archive added 142 and 49 MiB (docs/benchmarks.md, Memory).
The variable must be set before pyarrow first allocates: a setting read later would not reach
the allocator pyarrow's C++ parts use.
"""

import os

os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from archiver.extraction import extract  # after the allocator is chosen

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]
