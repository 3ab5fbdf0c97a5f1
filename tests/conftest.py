"""Shared fixtures: one replica server for the whole session, and its in-process twin."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from archiver.replica import Replica, ReplicaHandle, running
from archiver.urls import LANGS

REPLICA_ITEMS = 250
REPLICA_SEED = 20241126


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaHandle]:
    """The replica site on 127.0.0.1, every section, ``REPLICA_ITEMS`` items each."""
    with running(items=REPLICA_ITEMS, seed=REPLICA_SEED, langs=LANGS) as handle:
        yield handle


@pytest.fixture(scope="session")
def replica_site() -> Replica:
    """The same site in process: truth, URLs and pages without HTTP."""
    return Replica(REPLICA_ITEMS, REPLICA_SEED, LANGS)


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
