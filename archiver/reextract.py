"""Re-run today's page objects over the archive's WARC captures, without any network access.

A parser fix thus reaches every page ever fetched. Each item's newest capture is re-read (the
listing pages captured beside it give back the listing dates); what comes out differently
becomes a new version of the item under a new crawl id, with the capture's own fetch time and
WARC pointer. Unchanged items write nothing.

A damaged archive does not stop it: what cannot be read (``archiver.store.warcread``) and a page
the page objects fail on are each a ``Damage``, counted (``damaged``), named in the run's
manifest failures and handed to the caller; the item keeps its earlier row.

With ``processes`` above one, the whole work is shared: worker processes index stretches of the
WARC files, then re-read chunks of items and write part files of their own; this process
merges the index (reading a file whose stretches do not meet again whole), hands out the
chunks and lists the part files in the manifest.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import pickle
import signal
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

from archiver.extraction import extract
from archiver.fetched import stamp_fetch
from archiver.item import ArchiveItem
from archiver.pages import ListingPage
from archiver.report.card import refresh_card
from archiver.store.archive import ArchiveWriter, Commit, OnCommit, Outcome, VersionWriter
from archiver.store.manifest import new_crawl_id
from archiver.store.warc import WarcRef
from archiver.store.warcread import (
    Bounds,
    Damage,
    Stretch,
    read_capture,
    stretch_captures,
    stretches,
    why,
)
from archiver.store.writer import PartFile
from archiver.urls import parse_item_url

CHUNK_MAX = 32  # items a worker takes at a time: few round trips, an even share at the end
# A WARC file at least this large is indexed in one stretch per process (a 2,000-item crawl of
# 60 KB pages writes 28 MB).
SPLIT_BYTES = 4 << 20
STOP_SECONDS = 5.0  # a worker told to stop has this long to remove what it was writing


def _is_listing(url: str) -> bool:
    return parse_item_url(url) is None


@dataclass
class Indexed:
    """What the index learns from one stretch of a WARC file, in file order."""

    stretch: Stretch
    bounds: Bounds = field(default_factory=Bounds)
    items: list[tuple[str, str, WarcRef]] = field(default_factory=list)  # key, URL, place
    listed: list[tuple[str, str]] = field(default_factory=list)  # key, date as printed
    listing_pages: int = 0
    not_ok: int = 0  # captures whose status was not 200
    damaged: list[Damage] = field(default_factory=list)


def index_stretch(root: Path, stretch: Stretch) -> Indexed:
    """The item captures and listing dates of one stretch (item bodies are left unread here,
    and read one at a time by ``reread``)."""
    indexed = Indexed(stretch)
    found = stretch_captures(root, stretch, indexed.damaged, _is_listing, indexed.bounds)
    for capture, ref in found:
        if capture.status != 200:
            indexed.not_ok += 1
            continue
        item_ref = parse_item_url(capture.url)
        if item_ref is not None:
            indexed.items.append((item_ref.key, capture.url, ref))
            continue
        try:
            entries = ListingPage(capture.body, capture.url).entries()
        # Any error: the boundary of one listing page, as in ``reread``; its items are still
        # re-read, without the dates it lists.
        except Exception as error:  # noqa: BLE001
            place = f"{ref.file} at offset {ref.offset}"
            indexed.damaged.append(Damage(capture.url, place, why(error)))
            continue
        for entry in entries:
            listed = parse_item_url(entry.url)
            if listed is not None and entry.datetime_raw:
                indexed.listed.append((listed.key, entry.datetime_raw))
        indexed.listing_pages += 1
    return indexed


def _mended(root: Path, indexed: list[Indexed]) -> list[Indexed]:
    """The stretches in file order, each file whose stretches do not meet (damage at a cut, or
    a member that did not inflate) indexed again whole, as one process would."""
    mended: list[Indexed] = []
    ordered = sorted(indexed, key=lambda part: (part.stretch.file, part.stretch.start))
    for file, parts in itertools.groupby(ordered, key=lambda part: part.stretch.file):
        group = list(parts)
        reach = 0
        for part in group:
            meets = part.bounds.sound and part.bounds.first == reach
            reach = part.bounds.after if meets else -1
        if reach == group[-1].stretch.end:
            mended += group
        else:
            mended.append(index_stretch(root, Stretch(file, 0, group[-1].stretch.end, True)))
    return mended


def _merged(
    indexed: list[Indexed], counts: Counter[str], note: Callable[[Damage], None]
) -> tuple[dict[str, str], dict[str, tuple[str, WarcRef]]]:
    """The listing date of every listed item (the first listing in file order gives it), and
    each item's newest capture: its URL and place."""
    listing_dates: dict[str, str] = {}
    newest: dict[str, tuple[str, WarcRef]] = {}
    for part in indexed:
        counts["captures_not_ok"] += part.not_ok
        counts["listing_pages"] += part.listing_pages
        for damage in part.damaged:
            note(damage)
        for key, printed in part.listed:
            listing_dates.setdefault(key, printed)
        for key, url, ref in part.items:
            if key not in newest or newest[key][1].fetched_at < ref.fetched_at:
                newest[key] = (url, ref)
    return listing_dates, newest


@dataclass(frozen=True)
class Job:
    """One item to re-read: its newest capture, the date its listing printed and what the
    archive holds of it."""

    key: str
    url: str
    ref: WarcRef
    listing_date: str | None
    previous: str | None  # the content hash of the key's latest version in the archive


def reread(root: Path, job: Job) -> ArchiveItem | Damage:
    """One item re-extracted from its capture (the whole per-record work: runs in a worker);
    a ``Damage`` when the capture cannot be read or the page objects fail on it."""
    try:
        capture = read_capture(root, job.ref.file, job.ref.offset)
        return stamp_fetch(
            extract(capture.body, capture.url, job.listing_date, encoding=capture.encoding),
            url=capture.url,
            status=capture.status,
            body=capture.body,
            fetched_at=job.ref.fetched_at,
            warc=job.ref,
        )
    # Any error: the boundary of one record. It is named and counted; the other records of the
    # archive are still re-read, and the archive keeps this item's earlier row.
    except Exception as error:  # noqa: BLE001
        place = f"{job.ref.file} at offset {job.ref.offset}"
        return Damage(job.url, place, why(error))


@dataclass(frozen=True)
class Reread:
    """A chunk of jobs done: what each item was against the archive, or why it could not be
    re-read (one message a chunk of up to ``CHUNK_MAX`` items: the parent is woken that many
    times less often)."""

    results: list[Outcome | Damage]


@dataclass(frozen=True)
class Committed:
    """The part files a share wrote in one task (or at its end), each with its rows' keys and
    outcomes: the manifest is saved once for them all (a worker's last flush writes one file
    per partition it holds, ≈35 at once in a 2,000-item run)."""

    parts: list[Commit]


Message = Indexed | Reread | Committed
Task = Stretch | list[Job]


class Share:
    """One process's part of the work: stretches of WARC files indexed, and chunks of jobs
    re-read into part files of its own (numbered ``sequence``). Every result is told."""

    def __init__(
        self,
        root: Path,
        tell: Callable[[Message], None],
        versions: Callable[[OnCommit], VersionWriter],
    ) -> None:
        """``versions`` makes the writer, given where to report what it commits."""
        self.root = root
        self.tell = tell
        self.committed: list[Commit] = []
        self.versions = versions(self._commit)

    def _commit(self, part: PartFile, rows: list[tuple[str, Outcome]]) -> None:
        self.committed.append((part, rows))

    def _tell_committed(self) -> None:
        if self.committed:
            self.tell(Committed(self.committed))
            self.committed = []

    def do(self, task: Task) -> None:
        if isinstance(task, Stretch):
            self.tell(index_stretch(self.root, task))
            return
        results: list[Outcome | Damage] = []
        try:
            for job in task:
                if _Stop.asked:
                    raise SystemExit("stopped by the run")
                result = reread(self.root, job)
                if isinstance(result, Damage):
                    results.append(result)
                else:
                    results.append(self.versions.add(result, job.previous)[1])
        finally:  # a failed write still lists the files written before it
            self._tell_committed()  # before the chunk's results: its rows are in the manifest
        self.tell(Reread(results))

    def run(self, tasks: Iterable[Task], last: bool) -> None:
        """Do ``tasks``; with ``last``, then write what is buffered (its part files told)."""
        for task in tasks:
            self.do(task)
        if last:
            try:
                self.versions.close()
            finally:
                self._tell_committed()


@dataclass(frozen=True)
class _Ended:
    """A worker's last message: None when its share is done, else why it stopped."""

    error: BaseException | None


def _work(
    root: Path, crawl_id: str, sequence: tuple[int, int], tasks: Queue[Any], results: Connection
) -> None:
    """A worker process: tasks from ``tasks`` until None, every message to ``results``.
    SIGTERM (the parent stopping the run) ends it after the item it is on, so that a part file
    being written is published and reported, not left as a temporary or unlisted."""
    signal.signal(signal.SIGTERM, _stop_after_this_item)

    def versions(on_commit: OnCommit) -> VersionWriter:
        return VersionWriter(root, crawl_id, on_commit, sequence=sequence)

    ended = _Ended(None)
    try:
        Share(root, results.send, versions).run(iter(tasks.get, None), last=True)
    # Any error, Ctrl-C too: the parent waits for this worker's end and raises it there.
    except BaseException as error:  # noqa: BLE001
        ended = _Ended(_sendable(error))
    with contextlib.suppress(OSError):  # the parent may have stopped listening
        results.send(ended)
        results.close()


class _Stop:
    """Set in a worker by SIGTERM; read between items (``Share.do``)."""

    asked = False


def _stop_after_this_item(signum: int, frame: object) -> None:
    _Stop.asked = True


def _sendable(error: BaseException) -> BaseException:
    """``error``, or its text when it does not come back whole from a pickle (an attribute
    that cannot be pickled, arguments its class does not take)."""
    try:
        pickle.loads(pickle.dumps(error))
    # Any error of the round trip: the text goes instead.
    except Exception:  # noqa: BLE001
        return RuntimeError(why(error))
    return error


class Workers:
    """``processes`` forked worker processes, each doing the tasks it takes from one queue, and
    every message they send told. Forked, so they start at once with the page objects already
    imported (a fork server took ≈0.8 s to import them, longer than the whole index, while the
    second core waited); forked before the archive is opened, so before pyarrow (reading the
    archive's hashes) starts threads of its own."""

    def __init__(
        self, root: Path, crawl_id: str, processes: int, tell: Callable[[Message], None]
    ) -> None:
        context = multiprocessing.get_context("fork")
        self.tell = tell
        self.tasks: Queue[Any] = context.Queue()
        self.processes: list[BaseProcess] = []
        self.results: list[Connection] = []
        for index in range(processes):
            receive, send = context.Pipe(duplex=False)
            sequence = (index + 1, processes)
            worker = context.Process(
                target=_work, args=(root, crawl_id, sequence, self.tasks, send), daemon=True
            )
            worker.start()
            send.close()
            self.processes.append(worker)
            self.results.append(receive)
        self.working = list(self.results)
        self.stopped = False

    def stop(self, kill: bool) -> None:
        """Wait for the workers to end; with ``kill``, end them first (their tasks are not
        wanted any more): SIGTERM, then SIGKILL for one still there after ``STOP_SECONDS``."""
        if self.stopped:
            return
        self.stopped = True
        if kill:
            for worker in self.processes:
                worker.terminate()
            for connection in self.working:
                self._drain(connection)
        self.tasks.cancel_join_thread()  # tasks left in the queue: this process need not wait
        for worker in self.processes:
            worker.join(STOP_SECONDS if kill else None)
            if worker.is_alive():
                worker.kill()
                worker.join()

    def _drain(self, connection: Connection) -> None:
        """Tell the part files a stopping worker still reports, so that the manifest lists
        every file it published; its other messages are not wanted any more."""
        with contextlib.suppress(EOFError, OSError):
            while connection.poll(STOP_SECONDS):
                message = connection.recv()
                if isinstance(message, _Ended):
                    return
                if isinstance(message, Committed):
                    self.tell(message)

    def run(self, tasks: Iterable[Task], last: bool) -> None:
        """Hand out ``tasks`` and tell every message until their results are in (an
        ``Indexed`` for each stretch, a ``Reread`` for each chunk of jobs); with ``last``, until
        the workers have written what they buffer and ended."""
        owed = 0
        for task in tasks:
            self.tasks.put(task)
            owed += 1
        if last:
            for _ in self.processes:
                self.tasks.put(None)
        while owed or (last and self.working):
            for connection in _ready(self.working):
                message = self._receive(connection)
                if isinstance(message, _Ended):
                    self.working.remove(connection)
                    if message.error is not None:
                        raise message.error
                    continue
                if not isinstance(message, Committed):  # part files come beside results
                    owed -= 1
                self.tell(message)
            if owed and not self.working:
                raise RuntimeError("the re-extraction workers ended with tasks left undone")

    def _receive(self, connection: Connection) -> Any:
        try:
            return connection.recv()
        except EOFError:
            worker = self.processes[self.results.index(connection)]
            worker.join()
            raise RuntimeError(
                f"a re-extraction worker stopped (exit code {worker.exitcode}); "
                "run again: unchanged items write nothing"
            ) from None


def _ready(connections: list[Connection]) -> list[Connection]:
    """Those of ``connections`` with a message waiting (waits for one)."""
    ready = wait(connections)
    return [connection for connection in connections if connection in ready]


def reextract(
    root: Path,
    crawl_id: str | None = None,
    progress: Callable[[Mapping[str, int], int], None] | None = None,
    processes: int = 1,
    damaged: Callable[[Damage], None] | None = None,
) -> Counter[str]:
    """Re-extract every item's newest capture into ``root``; returns what happened, counted.
    ``progress`` is called after each item with the counts so far and the number of items;
    ``processes`` share the work over that many cores (the rows written are the same);
    ``damaged`` is called with each part of the archive that could not be re-read (also
    counted, ``damaged``, and listed in the run's manifest failures).

    Raises ``ArchiveLocked`` before reading anything when a crawl is writing the archive.
    """
    if processes < 1:
        raise ValueError(f"processes must be at least 1, not {processes}")
    counts: Counter[str] = Counter()
    crawl_id = crawl_id or new_crawl_id()
    archive = ArchiveWriter(root, crawl_id, options={"reextract": True})
    indexed: list[Indexed] = []
    items = 0

    def note(damage: Damage) -> None:
        counts["damaged"] += 1
        archive.add_failure(damage.url, f"unreadable capture ({damage.place}): {damage.reason}")
        if damaged is not None:
            damaged(damage)

    def told(message: Message) -> None:
        if isinstance(message, Indexed):
            indexed.append(message)
        elif isinstance(message, Committed):
            archive.add_parts(message.parts)
        else:
            for result in message.results:
                if isinstance(result, Damage):
                    note(result)
                else:
                    counts[result] += 1
                if progress is not None:
                    progress(counts, items)

    workers = Workers(root, crawl_id, processes, told) if processes > 1 else None
    # One process writes through the archive's own writer (its buffered rows are written
    # when the archive closes, even after a failure).
    runner: Share | Workers = workers or Share(root, told, lambda _: archive.versions)
    reason = "failed"
    try:
        archive.open()
        try:
            runner.run(stretches(root, processes, SPLIT_BYTES), last=False)
            listing_dates, newest = _merged(_mended(root, indexed), counts, note)
            jobs = [
                Job(key, url, ref, listing_dates.get(key), archive.known.get(key))
                for key, (url, ref) in sorted(newest.items())
            ]
            items = len(jobs)
            size = max(1, min(CHUNK_MAX, items // (processes * 4)))
            runner.run((jobs[at : at + size] for at in range(0, items, size)), last=True)
            reason = "finished"
        finally:
            if workers is not None:  # before the lock is released: nothing is written after
                workers.stop(kill=reason != "finished")
            archive.close()
            archive.finish(reason, dict(counts))
            refresh_card(root)
    finally:
        if workers is not None:  # stopped already, unless the archive could not be opened
            workers.stop(kill=True)
    return counts
