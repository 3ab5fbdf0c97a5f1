"""The recipes of docs/dataset.md and docs/researchers.md, run as written against a small
archive: pyarrow, pandas, polars and DuckDB read it with the documented types, the unknown-year
partition and the list columns included, and every row leads back to its WARC record."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from archiver import dataset
from archiver.item import ArchiveItem
from archiver.store.archive import ArchiveWriter
from archiver.store.schema import LEGACY_UNKNOWN_YEAR, LEGACY_VERSION, dataset_schema, file_schema
from archiver.store.warc import Exchange, WarcFileWriter

DOCS = Path(__file__).parent.parent / "docs" / "dataset.md"
CARD = DOCS.with_name("researchers.md")
SETUP = 'ARCHIVE = "data/demo"'
# (lang, item_id, published year or None, body, crawl): en/1 is revised by the second crawl.
ITEMS = [
    ("en", 1, 2023, "First text.", "c1"),
    ("en", 2, 2024, "Second.", "c1"),
    ("ar", 5, None, "نص بلا تاريخ", "c1"),
    ("en", 1, 2023, "First text, corrected.", "c2"),
]


def recipes(doc: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", doc.read_text(encoding="utf-8"), re.M | re.S)


def run_recipes(doc: Path, root: Path) -> dict[str, Any]:
    """The namespace a doc's recipes leave, run in order from its ``ARCHIVE = …`` block."""
    blocks = recipes(doc)
    assert blocks[0].strip() == SETUP
    namespace: dict[str, Any] = {"ARCHIVE": str(root)}
    for block in blocks[1:]:
        exec(compile(block, str(doc), "exec"), namespace)
    return namespace


def archive_items(root: Path) -> None:
    """Two crawls' rows, each item with its captured response in the WARC files."""
    for crawl_id in ("c1", "c2"):
        warc = WarcFileWriter(root, crawl_id)
        writer = ArchiveWriter(root, crawl_id)
        writer.open()
        for n, (lang, item_id, year, body, crawl) in enumerate(ITEMS):
            if crawl != crawl_id:
                continue
            url = f"http://127.0.0.1:8000/{lang}/index.php/x/{item_id}.html"
            html = f"<html><body><p>{body}</p></body></html>".encode()
            fetched = datetime(2026, 1, 1, 12, n, tzinfo=UTC)
            ref = warc.write(Exchange(url, "GET", [], 200, "OK", [], html, fetched))
            writer.add(
                ArchiveItem(
                    key=f"{lang}/{item_id}",
                    lang=lang,
                    item_id=item_id,
                    url=url.replace("http://127.0.0.1:8000", "https://www.hizb-ut-tahrir.info"),
                    fetched_url=url,
                    body=body,
                    tags=["t1", "t2"] if item_id == 1 else [],
                    published_date=date(year, 6, 1) if year else None,
                    fetched_at=ref.fetched_at,
                    html_sha256=hashlib.sha256(html).hexdigest(),
                    warc_file=ref.file,
                    warc_offset=ref.offset,
                    warc_length=ref.length,
                    parser_version="test",
                )
            )
        writer.close()
        writer.finish("finished", {})
        warc.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    archive_items(root)
    return root


@pytest.fixture(scope="module")
def ran(archive: Path) -> dict[str, Any]:
    """The namespace docs/dataset.md's recipes leave on the small archive."""
    return run_recipes(DOCS, archive)


def test_the_dataset_cards_recipes_give_the_archives_figures(archive: Path) -> None:
    card = run_recipes(CARD, archive)
    assert card["per_kind"].to_dict() == {("ar", "other"): 1, ("en", "other"): 2}
    assert card["flagged"]["key"].tolist() == ["ar/5"]  # the undated item
    assert sorted(card["every_version"]["key"]) == ["ar/5", "en/1", "en/1", "en/2"]
    assert card["total_items"] == 3
    assert card["figures"]["size"]["rows"] == 4


def test_pyarrow_reads_every_version_and_the_latest_with_the_schema(ran: dict[str, Any]) -> None:
    assert ran["versions"].schema.equals(dataset_schema())
    assert ran["versions"].num_rows == 4
    latest = {r["key"]: r for r in ran["latest"].to_pylist()}
    assert sorted(latest) == ["ar/5", "en/1", "en/2"]
    assert latest["en/1"]["body"] == "First text, corrected."
    assert latest["en/1"]["crawl_id"] == "c2"
    assert latest["ar/5"]["year"] is None
    assert ran["english"].to_pylist() == [
        {"key": "en/1", "title": None, "published_date": date(2023, 6, 1), "author": None,
         "tags": ["t1", "t2"]},
        {"key": "en/2", "title": None, "published_date": date(2024, 6, 1), "author": None,
         "tags": []},
    ]  # fmt: skip
    assert ran["undated"].column("key").to_pylist() == ["ar/5"]
    assert ran["history"].column("body").to_pylist() == ["First text.", "First text, corrected."]


def test_pandas_keeps_the_documented_types(ran: dict[str, Any]) -> None:
    df = ran["df"]
    assert len(df) == 3
    assert df["published_date"].dtype == pd.ArrowDtype(pa.date32())
    assert df["fetched_at"].dtype == pd.ArrowDtype(pa.timestamp("us", tz="UTC"))
    assert df["tags"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    assert df["year"].dtype == pd.ArrowDtype(pa.int32())
    assert df["item_id"].dtype == pd.ArrowDtype(pa.int64())
    by_key = df.set_index("key")
    assert pd.isna(by_key.loc["ar/5", "year"])
    assert by_key.loc["en/1", "tags"] == ["t1", "t2"]
    assert ran["per_year"].to_dict() == {("ar", pd.NA): 1, ("en", 2023): 1, ("en", 2024): 1}
    assert ran["tagged"]["key"].tolist() == ["en/1"]


def test_polars_keeps_the_documented_types(ran: dict[str, Any]) -> None:
    for frame, rows in ((ran["pl_latest"], 3), (ran["pl_versions"], 4)):
        assert frame.height == rows
        assert frame.schema["published_date"] == pl.Date
        assert frame.schema["fetched_at"] == pl.Datetime("us", "UTC")
        assert frame.schema["tags"] == pl.List(pl.String)
        assert frame.schema["year"] == pl.Int32
        undated = frame.filter(pl.col("key") == "ar/5")
        assert undated["year"].to_list() == [None]
        assert undated["lang"].to_list() == ["ar"]


def test_duckdb_reads_the_dataset_and_the_files_alike(ran: dict[str, Any]) -> None:
    assert ran["counts"] == [("ar", None, 1), ("en", 2023, 2), ("en", 2024, 1)]
    db_latest = ran["db_latest"]
    assert db_latest.num_rows == 3
    assert db_latest.schema.field("published_date").type == pa.date32()
    assert db_latest.schema.field("tags").type == pa.list_(pa.string())
    assert db_latest.schema.field("year").type == pa.int32()
    rows = {r["key"]: r for r in db_latest.to_pylist()}
    assert rows["en/1"]["body"] == "First text, corrected."
    assert rows["ar/5"]["year"] is None
    assert rows["en/1"]["tags"] == ["t1", "t2"]


def test_a_row_leads_back_to_its_capture(ran: dict[str, Any]) -> None:
    assert ran["capture"].url.endswith(f"/{ran['row']['key'].split('/')[1]}.html")
    assert ran["target"] == ran["capture"].url
    assert ran["body"] == ran["capture"].body
    assert ran["body"].startswith(b"<html><body><p>")


def _types(schema: pa.Schema) -> dict[str, pa.DataType]:
    """Column → type, DuckDB's name for UTC (its session zone, "Etc/UTC") read as "UTC"."""
    return {
        f.name: pa.timestamp(f.type.unit, tz="UTC")
        if pa.types.is_timestamp(f.type) and f.type.tz == "Etc/UTC"
        else f.type
        for f in schema
    }


def test_the_plain_calls_of_all_four_readers_give_the_same_types(
    ran: dict[str, Any], archive: Path
) -> None:
    documented = _types(dataset_schema())
    assert _types(ran["pa_plain"].schema) == documented
    assert _types(ran["db_plain"].to_arrow_table().schema) == documented
    polars_documented = pl.DataFrame(dataset_schema().empty_table()).schema
    assert dict(ran["pl_plain"].schema) == dict(polars_documented)
    versions = dataset.open(archive).to_table()
    assert ran["pa_plain"].num_rows == ran["pl_plain"].height == len(ran["pd_versions"]) == 4
    pandas_types = versions.to_pandas().dtypes.to_dict()
    assert pandas_types.pop("lang") == "str"
    plain = ran["pd_versions"].dtypes.to_dict()
    assert isinstance(plain.pop("lang"), pd.CategoricalDtype)  # pandas' way with a partition
    assert plain == pandas_types
    undated = ran["pl_plain"].filter(pl.col("key") == "ar/5")
    assert undated.select("lang", "year").rows() == [("ar", None)]


def test_version_1_archives_still_read_as_one_dataset(archive: Path, tmp_path: Path) -> None:
    """A version 1 archive (lang in the files, the year only in a year=… directory) and a
    version 2 one read the same, and so does an archive holding both."""
    old = tmp_path / "v1"
    shutil.copytree(archive, old)
    moved = sorted((old / "articles").rglob("*.parquet"))[:2]  # a mixed archive: half moved
    for path in moved:
        table = pq.read_table(path, partitioning=None)
        year = table.column("year")[0].as_py()
        lang = path.parent.parent.name.split("=", 1)[1]
        table = table.drop(["year"]).add_column(1, "lang", pa.array([lang] * table.num_rows))
        target = path.parent.parent / f"year={LEGACY_UNKNOWN_YEAR if year is None else year}"
        target.mkdir()
        pq.write_table(table.cast(file_schema(LEGACY_VERSION)), target / path.name)
        path.unlink()
    assert any(p.parent.name.startswith("year=") for p in dataset.part_files(old))
    expected = dataset.open(archive).to_table().sort_by("fetched_at")
    assert dataset.open(old).to_table().sort_by("fetched_at").equals(expected)
    latest = dataset.latest(old, filter=ds.field("year").is_null())
    assert latest.column("key").to_pylist() == ["ar/5"]
