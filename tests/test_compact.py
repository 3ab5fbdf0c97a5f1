"""Compaction: small part files merged per partition with the same rows, recorded so that
readers and ``verify`` stay right, and safe to crash and run again at either side of the commit."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver.cli import main
from archiver.item import ArchiveItem
from archiver.store import compact as compaction
from archiver.store.archive import ArchiveWriter
from archiver.store.manifest import Manifest
from archiver.store.verify import verify


def crawl(root: Path, crawl_id: str, items: list[tuple[str, int, int | None, str]]) -> None:
    """Archive (lang, id, year or None, body) items the way a crawl does, two rows a file."""
    writer = ArchiveWriter(root, crawl_id, batch_rows=2)
    writer.open()
    for lang, item_id, year, body in items:
        writer.add(
            ArchiveItem(
                key=f"{lang}/{item_id}",
                lang=lang,
                item_id=item_id,
                url=f"https://www.hizb-ut-tahrir.info/{lang}/index.php/x/{item_id}.html",
                body=body,
                tags=[f"t{item_id}"],
                published_date=date(year, 3, 1) if year else None,
                fetched_at=datetime(2026, 1, 1, tzinfo=UTC).replace(second=len(crawl_id)),
                parser_version="test",
            )
        )
    writer.close()
    writer.finish("finished", {})


def rows(root: Path) -> list[dict[str, Any]]:
    table = dataset.open(root).to_table()
    return sorted(table.to_pylist(), key=lambda r: (r["key"], r["crawl_id"]))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    crawl(tmp_path, "c1", [("en", i, 2024 - i % 2, "first") for i in range(7)])
    crawl(tmp_path, "c22", [("en", 1, 2023, "revised"), ("ar", 1, None, "no date")])
    crawl(tmp_path, "c333", [("ar", 2, None, "no date either"), ("ar", 3, None, "and a third")])
    return tmp_path


def test_compaction_keeps_every_row_in_fewer_files_and_verifies(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = rows(archive)
    assert len(before) == 11 and len(dataset.part_files(archive)) == 7
    assert main(["compact", str(archive)]) == 0
    printed = capsys.readouterr().out
    assert " 7 part files merged into 3 (11 rows); manifest: " in printed
    # en/year=2024: 2 files; en/year=2023: 2 files + the revision's; ar's unknown year: 2 files.
    assert len(dataset.part_files(archive)) == 3
    assert rows(archive) == before
    report = verify(archive)
    assert (report.problems, report.notes, report.rows) == ([], [], 11)
    (record_path,) = (archive / "crawls").glob("compact-*.json")
    record = json.loads(record_path.read_text(encoding="utf-8"))
    assert record["finish_reason"] == "finished"
    assert len(record["replaced"]) == 7 and record["rows"] == 11
    assert {entry["by"] for entry in record["replaced"]} == {f["path"] for f in record["files"]}
    assert main(["compact", str(archive)]) == 0
    assert capsys.readouterr().out.endswith(": nothing to merge\n")


def test_a_merged_file_can_be_merged_again(archive: Path) -> None:
    compaction.compact(archive)
    crawl(archive, "c4444", [("en", 20, 2024, "later"), ("en", 21, 2024, "later too")])
    before = rows(archive)
    result = compaction.compact(archive)
    assert (result.written, result.replaced, result.rows) == (1, 2, 6)
    assert rows(archive) == before
    report = verify(archive)  # the first crawl's files are gone through two merges
    assert (report.problems, report.notes) == ([], [])


def test_a_crash_after_the_merged_file_appears_leaves_nothing_read_twice(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = rows(archive)

    def killed(files: list[Path]) -> None:
        raise KeyboardInterrupt("killed before deleting the replaced files")

    with monkeypatch.context() as patch:
        patch.setattr(compaction, "delete_replaced", killed)
        with pytest.raises(KeyboardInterrupt):
            compaction.compact(archive)
    assert len(dataset.part_files(archive)) == 8  # one merged file beside the 2 it replaces
    assert rows(archive) == before
    report = verify(archive)
    assert report.problems == []
    assert len(report.notes) == 2
    assert all("replaced by a compaction that was interrupted" in n for n in report.notes)
    result = compaction.compact(archive)
    assert result.leftovers_removed == 2
    assert rows(archive) == before
    assert len(dataset.part_files(archive)) == 3
    report = verify(archive)
    assert (report.problems, report.notes, report.rows) == ([], [], 11)


def test_a_crash_before_the_merged_file_appears_changes_nothing(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = rows(archive)
    record = Manifest.add_merged

    def killed(self: Manifest, *args: Any) -> None:
        record(self, *args)
        raise KeyboardInterrupt("killed after recording the merge, before publishing it")

    with monkeypatch.context() as patch:
        patch.setattr(Manifest, "add_merged", killed)
        with pytest.raises(KeyboardInterrupt):
            compaction.compact(archive)
    assert len(dataset.part_files(archive)) == 7
    assert rows(archive) == before
    report = verify(archive)
    assert report.problems == []
    assert len(report.notes) == 1
    assert "merged file of an interrupted compaction, never published" in report.notes[0]
    result = compaction.compact(archive)
    assert (result.leftovers_removed, result.replaced) == (0, 7)
    assert rows(archive) == before
    report = verify(archive)
    assert (report.problems, report.notes, report.rows) == ([], [], 11)
