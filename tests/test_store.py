"""The Parquet store: schema, atomic part files, the reader API, verification."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from archiver import dataset
from archiver.columns import COLUMN_NAMES, COLUMNS
from archiver.item import ArchiveItem
from archiver.report.summary import format_summary, summarise
from archiver.store.atomic import remove_leftover_temporaries
from archiver.store.content_hash import content_sha256
from archiver.store.datadict import render
from archiver.store.export import export
from archiver.store.manifest import Manifest
from archiver.store.schema import SCHEMA_VERSION, YEAR_DESCRIPTION, to_row
from archiver.store.verify import verify
from archiver.store.writer import PartitionedWriter


def make_row(lang: str, item_id: int, **fields: Any) -> dict[str, Any]:
    item = ArchiveItem(
        key=f"{lang}/{item_id}",
        lang=lang,
        item_id=item_id,
        url=f"https://www.hizb-ut-tahrir.info/{lang}/index.php/x/{item_id}.html",
        title=f"Title {item_id}",
        body=f"Body of {item_id}",
        tags=["a", "b"],
        published_date=date(2024, 11, 26),
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
        parser_version="test",
        crawl_id="c1",
    ).replace(**fields)
    record = item.to_record()
    record["content_sha256"] = content_sha256(record)
    return to_row(record)


def write_rows(
    root: Path, rows: list[dict[str, Any]], crawl_id: str = "c1", batch: int = 3
) -> Manifest:
    manifest = Manifest(root, crawl_id)
    writer = PartitionedWriter(
        root, crawl_id, batch_rows=batch, on_commit=lambda part: manifest.add_files([part])
    )
    for row in rows:
        published = row["published_date"]
        writer.write(row, published.year if published else None)
    writer.close()
    manifest.finish("finished", {})
    return manifest


def test_round_trip_keeps_every_value_and_type(tmp_path: Path) -> None:
    rows = [make_row("en", i) for i in range(5)] + [
        make_row("ar", 7, published_date=None, title="عنوان")
    ]
    write_rows(tmp_path, rows)
    table = dataset.open(tmp_path).to_table()
    assert table.schema.names == [*COLUMN_NAMES, "year"]
    got = {r["key"]: r for r in table.to_pylist()}
    assert set(got) == {r["key"] for r in rows}
    for row in rows:
        stored = got[row["key"]]
        assert {k: stored[k] for k in COLUMN_NAMES} == row
    assert got["en/0"]["year"] == 2024
    assert got["ar/7"]["year"] is None  # the unknown-year partition reads as a null year
    assert table.schema.field("published_date").type == pa.date32()
    assert table.schema.field("fetched_at").type == pa.timestamp("us", tz="UTC")


def test_files_carry_the_schema_version_and_every_description(tmp_path: Path) -> None:
    write_rows(tmp_path, [make_row("en", 1)])
    (path,) = dataset.part_files(tmp_path)
    schema = pq.read_schema(path)
    assert schema.metadata[b"archiver.schema_version"] == str(SCHEMA_VERSION).encode()
    assert "lang" not in schema.names  # the hive partition, in the path only
    for column in COLUMNS:
        if column.name != "lang":
            described = schema.field(column.name).metadata[b"description"]
            assert described == column.description.encode()
    assert schema.field("year").metadata[b"description"] == YEAR_DESCRIPTION.encode()


def test_batches_become_separate_files_per_partition(tmp_path: Path) -> None:
    rows = [make_row("en", i) for i in range(7)] + [make_row("ar", i) for i in range(2)]
    manifest = write_rows(tmp_path, rows, batch=3)
    names = sorted(str(p.relative_to(tmp_path)) for p in dataset.part_files(tmp_path))
    assert [f.rows for f in manifest.files] == [3, 3, 2, 1]
    assert names == sorted(f.path for f in manifest.files)
    assert all(
        n.startswith(("articles/lang=en/2024/part-c1-", "articles/lang=ar/2024/part-c1-"))
        for n in names
    )


def test_latest_keeps_the_newest_version_per_key(tmp_path: Path) -> None:
    old = make_row("en", 1, body="old")
    new = make_row("en", 1, body="new", fetched_at=datetime(2026, 2, 1, tzinfo=UTC), crawl_id="c2")
    write_rows(tmp_path, [old, make_row("en", 2)], crawl_id="c1")
    write_rows(tmp_path, [new], crawl_id="c2")
    table = dataset.latest(tmp_path, columns=["key", "body"])
    assert sorted(table.to_pylist(), key=lambda r: r["key"]) == [
        {"key": "en/1", "body": "new"},
        {"key": "en/2", "body": "Body of 2"},
    ]
    assert dataset.latest_hashes(tmp_path)["en/1"] == new["content_sha256"]


def test_a_clean_archive_verifies(tmp_path: Path) -> None:
    write_rows(tmp_path, [make_row("en", i) for i in range(4)])
    report = verify(tmp_path)
    assert report.ok, report.problems
    assert (report.files, report.rows) == (2, 4)


def test_planted_partial_and_corrupt_files_are_named_and_never_read(tmp_path: Path) -> None:
    write_rows(tmp_path, [make_row("en", 1)])
    partition = tmp_path / "articles/lang=en/2024"
    (partition / ".part-c9-00001.parquet.123.tmp").write_bytes(b"PAR1 half a file")
    (partition / "part-c9-00002.parquet").write_bytes(b"not parquet at all")
    with pytest.warns(dataset.UnreadablePartWarning, match="part-c9-00002"):
        table = dataset.open(tmp_path).to_table()
    assert table.column("key").to_pylist() == ["en/1"]
    problems = verify(tmp_path).problems
    assert len(problems) == 2
    assert any(".part-c9-00001.parquet.123.tmp" in p and "interrupted" in p for p in problems)
    assert any(
        "part-c9-00002.parquet" in p and "not a readable Parquet file" in p for p in problems
    )


def test_verify_finds_tampered_files_and_duplicate_versions(tmp_path: Path) -> None:
    write_rows(tmp_path, [make_row("en", 1)], crawl_id="c1")
    write_rows(tmp_path, [make_row("en", 1)], crawl_id="c2")  # the same version again
    problems = verify(tmp_path).problems
    assert problems == ["1 item version(s) stored more than once (e.g. en/1)"]
    (path,) = [p for p in dataset.part_files(tmp_path) if "c2" in p.name]
    pq.write_table(pq.read_table(path), path)  # same rows, different bytes
    assert any("SHA-256 differs" in p for p in verify(tmp_path).problems)


def test_a_reverted_revision_is_a_version_not_a_duplicate(tmp_path: Path) -> None:
    def version(body: str, month: int, crawl: str) -> dict[str, Any]:
        fetched = datetime(2026, month, 1, tzinfo=UTC)
        return make_row("en", 1, body=body, fetched_at=fetched, crawl_id=crawl)

    write_rows(tmp_path, [version("A", 1, "c1")], crawl_id="c1")
    write_rows(tmp_path, [version("B", 2, "c2")], crawl_id="c2")
    write_rows(tmp_path, [version("A", 3, "c3")], crawl_id="c3")  # the correction reverted
    assert verify(tmp_path).problems == []
    assert dataset.latest(tmp_path, columns=["body"]).to_pylist() == [{"body": "A"}]
    write_rows(tmp_path, [version("A", 4, "c4")], crawl_id="c4")  # A right after A: a duplicate
    assert verify(tmp_path).problems == ["1 item version(s) stored more than once (e.g. en/1)"]


def test_content_hash_ignores_fetch_facts_and_sees_content() -> None:
    base = make_row("en", 1)
    refetched = make_row(
        "en",
        1,
        fetched_at=datetime(2027, 1, 1, tzinfo=UTC),
        page_header_date=date(2027, 1, 1),
        fetched_url="http://mirror/x",
        html_sha256="f" * 64,
    )
    edited = make_row("en", 1, body="Body of 1, corrected")
    assert refetched["content_sha256"] == base["content_sha256"]
    assert edited["content_sha256"] != base["content_sha256"]


def test_the_data_dictionary_is_generated_from_the_schema() -> None:
    docs = Path(__file__).parent.parent / "docs" / "data.md"
    assert docs.read_text(encoding="utf-8") == render(), (
        "docs/data.md is stale: run `python -m archiver.store.datadict > docs/data.md`"
    )


def test_export_streams_every_row_as_jsonl_and_csv(tmp_path: Path) -> None:
    rows = [make_row("en", 1), make_row("ar", 2, published_date=None, tags=[])]
    write_rows(tmp_path, rows)
    out = io.StringIO()
    assert export(tmp_path, out, "jsonl") == 2
    exported = sorted(
        (json.loads(line) for line in out.getvalue().splitlines()), key=lambda r: r["key"]
    )
    assert [r["key"] for r in exported] == ["ar/2", "en/1"]
    assert exported[1]["published_date"] == "2024-11-26"
    assert exported[1]["fetched_at"] == "2026-01-01T00:00:00+00:00"
    assert exported[1]["tags"] == ["a", "b"]
    assert exported[0]["year"] is None
    out = io.StringIO()
    assert export(tmp_path, out, "csv") == 2
    parsed = sorted(csv.DictReader(io.StringIO(out.getvalue())), key=lambda r: r["key"])
    assert parsed[1]["tags"] == '["a", "b"]'
    assert parsed[1]["title"] == "Title 1"
    assert parsed[0]["published_date"] == ""


def test_summary_counts_items_and_coverage(tmp_path: Path) -> None:
    write_rows(
        tmp_path,
        [
            make_row("en", 1, kind="news_comment", author="A. Writer", news="n", comment="c"),
            make_row("en", 2, kind="news_comment", author=None, news="n", comment=""),
            make_row("en", 3, kind="press_release"),
        ],
    )
    summary = summarise(tmp_path)
    assert summary.items == {("en", "news_comment"): 2, ("en", "press_release"): 1}
    assert summary.years == {("en", 2024): 3}
    assert summary.coverage("en", "author") == 0.5  # press releases are not due an author
    assert summary.coverage("en", "comment") == 0.5  # an empty string is not coverage
    assert summary.coverage("en", "title") == 1.0
    table = format_summary(summary)
    assert "news_comment          2       2" in table
    assert "author            50.0%" in table


def test_a_directory_that_is_not_an_archive_does_not_verify(tmp_path: Path) -> None:
    assert verify(tmp_path).problems == [
        f"{tmp_path}: no crawl manifests and no part files: not an archive"
    ]


def test_only_the_archives_own_temporaries_are_touched(tmp_path: Path) -> None:
    write_rows(tmp_path, [make_row("en", 1)])
    unrelated = tmp_path / "notes" / ".draft.tmp"  # an --out that holds other things too
    unrelated.parent.mkdir()
    unrelated.write_text("mine")
    ours = tmp_path / "articles" / "lang=en" / ".part-c9-00001.parquet.7.tmp"
    ours.write_bytes(b"PAR1")
    assert remove_leftover_temporaries(tmp_path) == [ours]
    assert unrelated.read_text() == "mine"
