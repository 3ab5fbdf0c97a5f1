"""The archive as researchers read it: ``from archiver import dataset`` (docs/dataset.md).

The reader itself is ``archiver.store.reader``, beside the files it reads, so that the store's
own modules (the writer, compaction, export, verification) use it without importing upward;
this module is its public name, and stays.
"""

from __future__ import annotations

from archiver.store.reader import (
    UnreadablePartWarning,
    batches,
    latest,
    latest_hashes,
    latest_of,
    open,
    part_files,
    read,
    readable,
    skipped_files,
)

__all__ = [
    "UnreadablePartWarning",
    "batches",
    "latest",
    "latest_hashes",
    "latest_of",
    "open",
    "part_files",
    "read",
    "readable",
    "skipped_files",
]
