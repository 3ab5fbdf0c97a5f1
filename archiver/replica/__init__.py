"""A local replica of the site: deterministic pages and their ground truth, served on 127.0.0.1.

``Replica`` answers in process (truth, URLs, pages); ``running`` starts the HTTP server in a
subprocess. See ``docs/replica.md``.
"""

from __future__ import annotations

from archiver.replica.process import ReplicaHandle, running
from archiver.replica.site import Replica

__all__ = ["Replica", "ReplicaHandle", "running"]
