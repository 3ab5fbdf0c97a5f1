"""``archiver reextract`` over a damaged archive: a record that cannot be read or re-extracted
is counted, named (in the summary and the run's manifest) and skipped, and the rest is read,
with one process or two."""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import shutil
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from archiver import reextract as module
from archiver.cli import main
from archiver.exitcodes import EXIT_FAILURE
from archiver.item import ArchiveItem
from archiver.reextract import reextract
from archiver.replica import Replica
from archiver.store.archive import VersionWriter
from archiver.store.verify import verify
from archiver.store.warc import Exchange, WarcFileWriter
from archiver.store.warccheck import members
from archiver.store.warcread import (
    Bounds,
    Damage,
    Stretch,
    captures,
    forgiving_captures,
    stretch_captures,
    stretches,
)
from archiver.urls import parse_item_url

ITEMS = 6
BASE = "http://127.0.0.1:8081"  # where the pages would have been fetched from (never asked)
HEADERS = [("Content-Type", "text/html; charset=utf-8")]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive holding only a WARC: the first listing page and every item of a small
    replica section, in that order."""
    root = tmp_path_factory.mktemp("pristine") / "archive"
    site = Replica(ITEMS, 20241126, ("en",))
    warc = WarcFileWriter(root, "c1")
    latest = site.menus("en")[0]
    pages = [(site.listing_url("en", latest), site.render_listing("en", latest))]
    pages += [(site.item_url("en", i), site.render_item("en", i)) for i in site.item_ids("en")]
    for second, (url, body) in enumerate(pages):
        assert body is not None
        moment = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=second)
        warc.write(Exchange(BASE + url, "GET", [], 200, "OK", HEADERS, body.encode(), moment))
    warc.close()
    return root


@pytest.fixture(autouse=True)
def split_every_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """With two processes, even these small WARC files are indexed in stretches."""
    monkeypatch.setattr(module, "SPLIT_BYTES", 0)


def damaged_copy(pristine: Path, tmp_path: Path, damage: Any) -> tuple[Path, str, list[int]]:
    """A copy of the archive whose WARC file ``damage(bytes, offsets)`` rewrote; the file's
    name and the offsets of its response records (listing first)."""
    root = tmp_path / "archive"
    shutil.copytree(pristine, root)
    (path,) = (root / "warc").glob("*.warc.gz")
    offsets = [ref.offset for _, ref in captures(root)]
    path.write_bytes(damage(path.read_bytes(), offsets))
    return root, str(path.relative_to(root)), offsets


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes(b ^ 0xFF for b in data[at : at + 16]) + data[at + 16 :]


def manifest_failures(root: Path, crawl_id: str) -> list[dict[str, Any]]:
    path = root / "crawls" / f"{crawl_id}.json"
    failures: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["failures"]
    return failures


@pytest.mark.parametrize("processes", [1, 2])
def test_a_flipped_run_of_bytes_loses_one_record_and_the_rest_is_read(
    pristine: Path, tmp_path: Path, processes: int
) -> None:
    root, file, offsets = damaged_copy(
        pristine, tmp_path, lambda data, at: flip(data, (at[3] + at[4]) // 2)
    )
    found: list[Damage] = []
    counts = reextract(root, crawl_id="r1", processes=processes, damaged=found.append)
    assert (counts["new"], counts["damaged"], counts["listing_pages"]) == (ITEMS - 1, 1, 1)
    (damage,) = found
    assert damage.url == file
    assert damage.place.startswith(f"{file} at offset ")
    assert offsets[3] <= int(damage.place.rsplit(" ", 1)[1]) < offsets[4]
    (failure,) = manifest_failures(root, "r1")
    assert failure["url"] == file
    assert failure["reason"].startswith(f"unreadable capture ({damage.place}): ")


def test_bytes_that_are_no_record_are_skipped_to_the_next_record(
    pristine: Path, tmp_path: Path
) -> None:
    junk = b"this is no gzip member of a WARC file " * 40
    root, file, offsets = damaged_copy(
        pristine, tmp_path, lambda data, at: data[: at[3]] + junk + data[at[3] :]
    )
    found: list[Damage] = []
    counts = reextract(root, crawl_id="r1", damaged=found.append)
    assert (counts["new"], counts["damaged"]) == (ITEMS, 1)  # every item: only junk was lost
    assert [damage.place for damage in found] == [f"{file} at offset {offsets[3]}"]


@pytest.mark.parametrize("processes", [1, 2])
def test_a_record_cut_short_is_damaged_not_re_extracted_from_half_a_page(
    pristine: Path, tmp_path: Path, processes: int
) -> None:
    root, file, offsets = damaged_copy(
        pristine, tmp_path, lambda data, at: data[: (at[-1] + len(data)) // 2]
    )
    found: list[Damage] = []
    counts = reextract(root, crawl_id="r1", processes=processes, damaged=found.append)
    assert (counts["new"], counts["damaged"]) == (ITEMS - 1, 1)
    (damage,) = found
    assert damage.url.startswith(BASE + "/en/index.php/")
    assert damage.place == f"{file} at offset {offsets[-1]}"
    assert damage.reason.startswith("DamagedRecord: ")


def test_a_page_the_page_objects_fail_on_is_named_and_the_rest_go_on(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stands for the next page no test has found yet (the worker does the same work)."""
    root, _, _ = damaged_copy(pristine, tmp_path, lambda data, at: data)
    real = module.extract  # type: ignore[attr-defined]
    victim = [c.url for c, _ in captures(root)][2]

    def failing(body: bytes, url: str, *args: Any, **kwargs: Any) -> ArchiveItem:
        if url == victim:
            raise RecursionError("maximum recursion depth exceeded")
        return real(body, url, *args, **kwargs)

    monkeypatch.setattr(module, "extract", failing)
    found: list[Damage] = []
    counts = reextract(root, crawl_id="r1", damaged=found.append)
    assert (counts["new"], counts["damaged"]) == (ITEMS - 1, 1)
    assert [(d.url, d.reason) for d in found] == [
        (victim, "RecursionError: maximum recursion depth exceeded")
    ]


def test_the_command_counts_and_names_the_damage_and_exits_non_zero(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, file, _ = damaged_copy(
        pristine, tmp_path, lambda data, at: flip(data, (at[3] + at[4]) // 2)
    )
    assert main(["reextract", str(root), "--progress", "off"]) == EXIT_FAILURE
    out, err = capsys.readouterr()
    assert out.startswith(f"re-extracted {ITEMS - 1} items: 0 revised, {ITEMS - 1} new")
    assert "1 damaged record skipped" in out
    (line,) = err.splitlines()
    assert line.startswith(f"damaged: {file} at offset ")


def test_a_listing_page_the_page_objects_fail_on_is_named_and_its_items_still_read(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, file, offsets = damaged_copy(pristine, tmp_path, lambda data, at: data)

    class Failing:
        def __init__(self, body: bytes, url: str) -> None:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(module, "ListingPage", Failing)
    found: list[Damage] = []
    counts = reextract(root, crawl_id="r1", damaged=found.append)
    assert (counts["new"], counts["damaged"], counts["listing_pages"]) == (ITEMS, 1, 0)
    (damage,) = found
    assert damage.place == f"{file} at offset {offsets[0]}"
    assert damage.reason == "RecursionError: maximum recursion depth exceeded"


def _read_by_warcio(root: Path, bodies: Any) -> list[Any]:
    """What warcio's forgiving reader alone reads of the archive's WARC file."""
    (path,) = (root / "warc").glob("*.warc.gz")
    with path.open("rb") as handle:
        file = str(path.relative_to(root))
        return list(forgiving_captures(handle, file, [], bodies, 0))


@pytest.mark.parametrize("which", ["every body", "no body", "listing bodies"])
def test_the_header_only_reading_gives_what_warcio_reads(pristine: Path, which: str) -> None:
    def bodies(url: str) -> bool:
        return {"every body": True, "no body": False}.get(which, "/index.php/" not in url)

    read = list(captures(pristine, None, bodies))
    assert len(read) == ITEMS + 1
    assert read == _read_by_warcio(pristine, bodies)
    assert [len(capture.body) > 0 for capture, _ in read] == [bodies(c.url) for c, _ in read]


def _two_in_one(data: bytes, at: list[int]) -> bytes:
    """The third response record and the record after it in one gzip member."""
    with io.BytesIO(data) as handle:
        spans = [(m.offset, m.length, m.data) for m in members(handle)]
    index = next(i for i, (offset, _, _) in enumerate(spans) if offset == at[2])
    (start, first, one), (_, second, two) = spans[index], spans[index + 1]
    assert one is not None and two is not None
    return data[:start] + gzip.compress(one + two) + data[start + first + second :]


def test_a_member_holding_two_records_is_one_damage_and_the_rest_is_read(
    pristine: Path, tmp_path: Path
) -> None:
    """Not as our writer makes them (one record a member, so that a row can point to it):
    warcio refuses such a member too, and its count of lengths inside it goes negative."""

    root, file, offsets = damaged_copy(pristine, tmp_path, _two_in_one)
    urls = [capture.url for capture, _ in captures(pristine)]
    found: list[Damage] = []
    assert [capture.url for capture, _ in captures(root, found)] == urls[:2] + urls[3:]
    assert found == [
        Damage(
            file,
            f"{file} at offset {offsets[2]}",
            "DamagedRecord: not one record as long as its Content-Length",
        )
    ]
    for_warcio: list[Damage] = []
    (path,) = (root / "warc").glob("*.warc.gz")
    with path.open("rb") as handle:  # before, a negative seek raised OSError
        later = list(forgiving_captures(handle, file, for_warcio, bool, offsets[1]))
    assert [capture.url for capture, _ in later][-len(urls[3:]) :] == urls[3:]
    assert [d.reason for d in for_warcio] == ["DamagedRecord: records that share one gzip member"]
    counts = reextract(root, crawl_id="r1")
    assert (counts["new"], counts["damaged"]) == (ITEMS - 1, 1)


def _index_of(root: Path, plan: list[Stretch]) -> tuple[Any, Counter[str], list[Damage]]:
    """What the index gives from these stretches, read one after another."""
    counts: Counter[str] = Counter()
    noted: list[Damage] = []
    parts = [module.index_stretch(root, stretch) for stretch in plan]
    return module._merged(module._mended(root, parts), counts, noted.append), counts, noted


Damaging = Callable[[bytes, list[int]], bytes]  # the file's bytes, its records' offsets


def _at(victim: int, change: Callable[[bytes, int], bytes]) -> Damaging:
    """A damage done at the ``victim``-th response record."""
    return lambda data, at: change(data, at[victim])


@pytest.mark.parametrize("parts", [2, 3, 5])
def test_stretches_index_what_one_reading_does_wherever_the_damage_is(
    pristine: Path, tmp_path: Path, parts: int
) -> None:
    """Damage at or near a cut, or none: the stretches of a file must meet, or the file is
    read again whole; either way the index is the one a single reading gives."""
    damages: dict[str, Damaging] = {"none": lambda data, at: data}
    for victim in range(ITEMS + 1):
        damages[f"flip {victim}"] = _at(victim, lambda data, start: flip(data, start + 40))
        damages[f"junk {victim}"] = _at(
            victim, lambda data, start: data[:start] + b"j" + data[start:]
        )
    damages["two records in one member"] = _two_in_one
    for name, damage in damages.items():
        root, _, _ = damaged_copy(pristine, tmp_path / name.replace(" ", "_"), damage)
        plan = stretches(root, parts, 0)
        assert len(plan) == parts and not any(stretch.whole for stretch in plan)
        whole = stretches(root, 1, 0)
        assert _index_of(root, plan) == _index_of(root, whole), name
        # Read in stretches, not again whole, where every member inflates.
        sound = all(module.index_stretch(root, stretch).bounds.sound for stretch in plan)
        assert sound == (name in ("none", "two records in one member")), name


@pytest.mark.parametrize("parts", [2, 4])
def test_the_stretches_of_a_sound_file_meet_and_read_every_record_once(
    pristine: Path, parts: int
) -> None:
    read, reach = [], 0
    for stretch in stretches(pristine, parts, 0):
        bounds = Bounds()
        read += list(stretch_captures(pristine, stretch, [], bool, bounds))
        assert bounds.sound and bounds.first == reach
        reach = bounds.after
    (path,) = (pristine / "warc").glob("*.warc.gz")
    assert reach == path.stat().st_size
    assert read == list(captures(pristine, None, bool))


def test_a_worker_that_dies_stops_the_run_with_its_exit_code(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _, _ = damaged_copy(pristine, tmp_path, lambda data, at: data)

    def dying(root: Path, job: Any) -> Any:
        os._exit(3)

    monkeypatch.setattr(module, "reread", dying)
    with pytest.raises(RuntimeError, match=r"a re-extraction worker stopped \(exit code 3\)"):
        reextract(root, crawl_id="r1", processes=2)
    manifest = json.loads((root / "crawls" / "r1.json").read_text(encoding="utf-8"))
    assert manifest["finish_reason"] == "failed"


def test_an_error_in_a_worker_is_raised_in_the_caller(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _, _ = damaged_copy(pristine, tmp_path, lambda data, at: data)

    def failing(root: Path, job: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "reread", failing)
    with pytest.raises(OSError, match="No space left on device"):
        reextract(root, crawl_id="r1", processes=2)


class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("holds what cannot be sent")
        self.callback = lambda: None  # a lambda does not pickle


def test_an_error_that_does_not_pickle_still_reaches_the_caller_as_text(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _, _ = damaged_copy(pristine, tmp_path, lambda data, at: data)

    def failing(root: Path, job: Any) -> Any:
        raise _Unpicklable

    monkeypatch.setattr(module, "reread", failing)
    with pytest.raises(RuntimeError, match=r"^_Unpicklable: holds what cannot be sent$"):
        reextract(root, crawl_id="r1", processes=2)


def test_a_run_that_fails_lists_every_part_file_it_wrote_and_leaves_no_temporary(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One worker fails while the other writes a part file an item: what reached the disk is
    in the manifest, and the other worker, stopped, leaves no half-written file."""
    root, _, _ = damaged_copy(pristine, tmp_path, lambda data, at: data)
    monkeypatch.setattr(module, "VersionWriter", functools.partial(VersionWriter, batch_rows=1))
    real = module.reread
    last = max(ref.key for c, _ in captures(root) if (ref := parse_item_url(c.url)) is not None)

    def failing(root: Path, job: Any) -> Any:
        if job.key == last:
            raise OSError(28, "No space left on device")
        return real(root, job)

    monkeypatch.setattr(module, "reread", failing)
    with pytest.raises(OSError, match="No space left on device"):
        reextract(root, crawl_id="r1", processes=2)
    manifest = json.loads((root / "crawls" / "r1.json").read_text(encoding="utf-8"))
    on_disk = {str(p.relative_to(root)) for p in (root / "articles").rglob("*.parquet")}
    assert {entry["path"] for entry in manifest["files"]} == on_disk
    assert len(on_disk) >= 1
    assert [p.name for p in root.rglob("*.tmp")] == []
    report = verify(root)  # (the fixture's WARC file has no manifest of its own)
    assert [problem for problem in report.problems if not problem.startswith("warc/")] == []
    assert [note for note in report.notes if "not listed" in note] == []
