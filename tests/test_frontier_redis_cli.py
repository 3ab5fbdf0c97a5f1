"""``archiver crawl --frontier`` / ``--workers``: operator mistakes get one line and exit 2,
before the archive is touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from archiver.cli import main
from archiver.commands.crawl import worker_argv
from archiver.exitcodes import EXIT_USAGE


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--workers", "2"], "--workers needs --frontier redis://HOST:PORT/DB"),
        (["--frontier", "http://127.0.0.1:6379"], "--frontier takes redis://HOST:PORT/DB"),
    ],
)
def test_frontier_options_are_checked(
    extra: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "archive"
    code = main(["crawl", "--base-url", "http://127.0.0.1:9", "--out", str(out), *extra])
    assert code == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_unreachable_redis_is_one_line_and_touches_nothing(
    closed_port: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "archive"
    url = f"redis://127.0.0.1:{closed_port}/0"
    code = main(["crawl", "--base-url", "http://127.0.0.1:9", "--out", str(out), "--frontier", url])
    assert code == EXIT_USAGE
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"archiver crawl: --frontier {url}: cannot reach Redis (")
    assert list(out.iterdir()) == []  # checked writable, then refused before the lock


def test_each_worker_runs_the_command_without_workers() -> None:
    argv = ["crawl", "--workers", "3", "--lang", "en", "--workers=2", "--frontier", "redis://h/0"]
    assert worker_argv(argv) == ["crawl", "--lang", "en", "--frontier", "redis://h/0"]
