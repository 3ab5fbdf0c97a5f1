"""--quiet, --log-file and --log-level: on every command, from one mechanism; a crawl's console
shows no Scrapy start-up log unless asked, and its log file gets the INFO log."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import pytest

from archiver.cli import COMMANDS, build_parser
from archiver.replica import running
from tests.run_cli import archiver

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def test_every_command_takes_the_three_options() -> None:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert len(sub.choices) == len(COMMANDS)
    for name, command in sub.choices.items():
        options = {o for action in command._actions for o in action.option_strings}
        assert {"-q", "--quiet", "--log-file", "--log-level"} <= options, name
        levels = {a.dest: a.choices for a in command._actions}["log_level"]
        assert list(levels or ()) == ["DEBUG", "INFO", "WARNING", "ERROR"], name


@pytest.fixture(scope="module")
def crawled(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A crawl with the default console level and a log file."""
    out = tmp_path_factory.mktemp("quiet")
    with running(20, 5, ("en",)) as handle:
        done = archiver(
            "crawl", "--base-url", handle.base_url, "--lang", "en", "--out", out / "archive",
            "--log-file", out / "crawl.log", *LOCAL,
        )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done


def test_a_crawl_logs_info_to_its_file_and_not_to_the_console(
    crawled: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, done = crawled
    log = (out / "crawl.log").read_text(encoding="utf-8")
    assert "[scrapy.core.engine] INFO: Spider opened" in log
    assert "[scrapy.core.engine] INFO: Spider closed (finished)" in log
    assert done.stderr == ""  # neither Scrapy's start-up log nor any warning
    assert done.stdout.splitlines()[-1] == "health: ok; exit code 0"


def test_log_level_asks_for_the_start_up_log_on_the_console(tmp_path: Path) -> None:
    with running(5, 5, ("en",)) as handle:
        done = archiver(
            "crawl", "--base-url", handle.base_url, "--lang", "en", "--out", tmp_path,
            "--max-items", "2", "--log-level", "info", *LOCAL,
        )  # fmt: skip
    assert "[scrapy.core.engine] INFO: Spider opened" in done.stderr


def test_quiet_prints_nothing_but_errors(
    crawled: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    archive = crawled[0] / "archive"
    for args in (
        ["stats", archive],
        ["verify", archive],
        ["export", archive, "--format", "csv", "-o", tmp_path / "rows.csv"],
        ["reextract", archive, "--progress", "on"],
        ["parse-date", "2024/11/26"],
    ):
        done = archiver(*args, "--quiet")
        assert (done.returncode, done.stdout, done.stderr) == (0, "", ""), args
    assert (tmp_path / "rows.csv").read_text(encoding="utf-8").count("\n") > 20
    missing = tmp_path / "missing"
    done = archiver("stats", missing, "-q")
    assert (done.returncode, done.stdout) == (1, "")
    assert (
        done.stderr
        == f"archiver stats: {missing} is not a directory; give the archive's directory\n"
    )


def test_a_quiet_crawl_still_writes_its_log_file(tmp_path: Path) -> None:
    with running(5, 5, ("en",)) as handle:
        done = archiver(
            "crawl", "--base-url", handle.base_url, "--lang", "en", "--out", tmp_path / "a",
            "--quiet", "--log-file", tmp_path / "log", "-s", "ARCHIVER_PROGRESS=on", *LOCAL,
        )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert "INFO: Spider closed (finished)" in (tmp_path / "log").read_text(encoding="utf-8")


def test_an_unwritable_log_file_is_one_line(tmp_path: Path) -> None:
    done = archiver("stats", tmp_path, "--log-file", tmp_path / "no" / "log")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith(
        f"archiver stats: cannot write --log-file {tmp_path / 'no' / 'log'}: "
    )
    assert "Traceback" not in done.stderr
