"""Bad arguments and busy resources end a command with one line on stderr and an exit code.

Every command runs as an operator runs it, ``python -m archiver.cli`` in a subprocess: the
line on stderr, an empty stdout, and no traceback are what a cron mail or a pipe sees.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

import pytest

from archiver.commands import export as export_command
from archiver.jsonable import jsonable
from archiver.store import lock
from tests.run_cli import archiver
from tests.test_store import make_row, write_rows

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """en/1 in two versions whose published year differs (so two partitions), en/2, ar/3."""
    root = tmp_path_factory.mktemp("archive")
    write_rows(root, [make_row("en", 1), make_row("en", 2), make_row("ar", 3)], crawl_id="c1")
    revised = make_row(
        "en", 1, body="revised", published_date=date(2023, 5, 1),
        fetched_at=datetime(2026, 2, 1, tzinfo=UTC), crawl_id="c2",
    )  # fmt: skip
    write_rows(root, [revised], crawl_id="c2")
    return root


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


# --- failures (exit 1): one line on stderr, nothing on stdout ------------------------------


@pytest.mark.parametrize(
    "command",
    [["verify"], ["stats"], ["compact"], ["reextract"], ["export", "--format", "jsonl"]],
)
def test_a_missing_archive_directory_is_named_on_stderr(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    done = archiver(command[0], missing, *command[1:])
    assert (done.returncode, done.stdout) == (1, "")
    expected = (
        f"archiver {command[0]}: {missing} is not a directory; give the archive's directory\n"
    )
    assert done.stderr == expected


@pytest.mark.parametrize("command", ["compact", "reextract"])
def test_a_locked_archive_is_reported_on_stderr(command: str, tmp_path: Path) -> None:
    lock.acquire(tmp_path)
    try:
        done = archiver(command, tmp_path)
    finally:
        lock.release(tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"archiver {command}: {tmp_path} is being written by another crawl "
        f"(process {os.getpid()}); wait for it to finish, or use another --out\n"
    )


def test_a_replica_on_a_busy_port_says_to_choose_another(busy_port: int) -> None:
    done = archiver("replica", "--port", str(busy_port))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"archiver replica: cannot listen on 127.0.0.1:{busy_port}: Address already in use; "
        "choose another --port, or --port 0 for a free one\n"
    )


def test_a_demo_into_a_file_stops_before_it_starts(tmp_path: Path) -> None:
    occupied = tmp_path / "file"
    occupied.write_text("not an archive", encoding="utf-8")
    done = archiver("demo", "--out", occupied)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"archiver demo: {occupied} exists and is not a directory; choose another --out\n"
    )


def test_an_export_to_a_directory_or_below_a_file_fails_cleanly(
    archive: Path, tmp_path: Path
) -> None:
    done = archiver("export", archive, "--format", "csv", "--out", tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"archiver export: --out {tmp_path} is a directory; give a file name\n"
    (tmp_path / "file").write_text("", encoding="utf-8")
    below_a_file = tmp_path / "file" / "rows.csv"
    done = archiver("export", archive, "--format", "csv", "--out", below_a_file)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"archiver export: export to {below_a_file} failed: "
        f"[Errno 17] File exists: '{tmp_path / 'file'}'\n"
    )


def test_extracting_a_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "page.html"
    done = archiver("extract", missing)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"archiver extract: cannot read {missing}: "
        f"[Errno 2] No such file or directory: '{missing}'\n"
    )


# --- usage errors (exit 2): argparse names the argument -----------------------------------


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["demo", "--items", "-1"], "argument --items: -1 is too small; give 1 or more"),
        (["demo", "--items", "ten"], "argument --items: 'ten' is not a whole number"),
        (["replica", "--items", "0"], "argument --items: 0 is too small; give 1 or more"),
        (
            ["replica", "--port", "70000"],
            "argument --port: 70000 is not a port; give 1-65535, or 0 for a free one",
        ),
        (["replica", "--edition", "-1"], "the edition is 0 or more"),
        (["parse-date", "today", "--lang", "xx"], "argument --lang: invalid choice: 'xx'"),
    ],
)
def test_bad_values_are_usage_errors(command: list[str], message: str) -> None:
    done = archiver(*command)
    assert (done.returncode, done.stdout) == (2, "")
    assert f"archiver {command[0]}: " in done.stderr and message in done.stderr
    assert "Traceback" not in done.stderr


# --- export: the file appears whole or not at all ------------------------------------------


def test_export_out_writes_every_version_or_the_latest(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "rows.jsonl"
    done = archiver("export", archive, "--format", "jsonl", "--out", out)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "exported 4 rows\n")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((r["key"], r["body"], r["published_date"]) for r in rows) == [
        ("ar/3", "Body of 3", "2024-11-26"),
        ("en/1", "Body of 1", "2024-11-26"),
        ("en/1", "revised", "2023-05-01"),
        ("en/2", "Body of 2", "2024-11-26"),
    ]
    done = archiver("export", archive, "--format", "jsonl", "--latest", "--out", out)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "exported 3 rows\n")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["key"], r["body"], r["fetched_at"]) for r in rows] == [
        ("ar/3", "Body of 3", "2026-01-01T00:00:00+00:00"),
        ("en/1", "revised", "2026-02-01T00:00:00+00:00"),
        ("en/2", "Body of 2", "2026-01-01T00:00:00+00:00"),
    ]
    assert [p.name for p in out.parent.iterdir()] == ["rows.jsonl"]  # no temporary left


def test_an_interrupted_export_leaves_the_previous_file_untouched(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash_halfway(root: Path, out: TextIO, fmt: str, latest_only: bool = False) -> int:
        out.write('{"key": "en/1"}\n')
        raise KeyboardInterrupt

    out = tmp_path / "rows.jsonl"
    out.write_text("yesterday's export\n", encoding="utf-8")
    monkeypatch.setattr("archiver.store.export.export", crash_halfway)
    with pytest.raises(KeyboardInterrupt):
        export_command._export_to_file(archive, out, "jsonl", latest_only=False)
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rows.jsonl"]


# --- one way to write dates as JSON --------------------------------------------------------


def test_jsonable_writes_dates_and_instants_in_iso_8601() -> None:
    assert jsonable(date(2024, 11, 26)) == "2024-11-26"
    assert jsonable(datetime(2024, 11, 26, 7, 15, tzinfo=UTC)) == "2024-11-26T07:15:00+00:00"
    assert [jsonable(v) for v in (None, 3, "x", ["a"])] == [None, 3, "x", ["a"]]


def test_a_reader_that_stops_early_ends_the_command_without_a_traceback(tmp_path: Path) -> None:
    # As `archiver parse-date - < dates.txt | head -1`: far more output than a pipe buffers.
    dates = tmp_path / "dates.txt"
    dates.write_text("2024/11/26\n" * 20_000, encoding="utf-8")
    command = [sys.executable, "-m", "archiver.cli", "parse-date", "-"]
    with dates.open(encoding="utf-8") as stdin, subprocess.Popen(
        command, cwd=ROOT, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        assert json.loads(process.stdout.readline())["published_date"] == "2024-11-26"
        process.stdout.close()
        assert process.wait(timeout=60) == 1
        assert process.stderr.read() == ""
