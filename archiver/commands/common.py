"""What commands share: how they fail, how they log and keep quiet, and checks of argument
values and directories."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class CommandFailed(Exception):
    """A failure the operator can fix (a missing directory, an unwritable output): the
    ``archiver`` router prints it as one line on stderr and exits 1, without a traceback."""


def report(command: str, message: str) -> None:
    """An error of ``archiver COMMAND``, on stderr so that stdout carries only output."""
    print(f"archiver {command}: {message}", file=sys.stderr)


LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"
CONSOLE_LEVEL, FILE_LEVEL = "WARNING", "INFO"  # the defaults when --log-level is not given


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--quiet``, ``--log-file`` and ``--log-level``: the same on every command."""
    group = parser.add_argument_group("output and log")
    group.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing but errors (exit code only)"
    )
    group.add_argument(
        "--log-file", type=Path, help=f"append the log to FILE (at {FILE_LEVEL}, or --log-level)"
    )
    group.add_argument(
        "--log-level",
        type=str.upper,
        choices=LEVELS,
        help=f"log level on stderr and in --log-file (default: {CONSOLE_LEVEL} on stderr, "
        f"{FILE_LEVEL} in the file)",
    )


def configure_logging(quiet: bool, log_file: Path | None, level: str | None) -> None:
    """Log to stderr at ``level`` (WARNING by default, so a crawl does not start with Scrapy's
    start-up log; ERROR when quiet) and to ``log_file`` at ``level`` (INFO by default).
    Replaces the handlers an earlier call installed (tests call the router repeatedly)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "archiver", False)]:
        root.removeHandler(old)
        old.close()
    console = logging.StreamHandler(sys.stderr)
    console.setLevel("ERROR" if quiet else level or CONSOLE_LEVEL)
    handlers: list[logging.Handler] = [console]
    if log_file is not None:
        try:
            handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
        except OSError as error:
            raise CommandFailed(f"cannot write --log-file {log_file}: {error}") from error
        handlers[-1].setLevel(level or FILE_LEVEL)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handler.archiver = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(min(handler.level for handler in handlers))


@contextlib.contextmanager
def quieted(quiet: bool) -> Iterator[None]:
    """With ``quiet``, what a command prints (reports, notes, the progress line) goes nowhere;
    errors still reach stderr: the log's through its handler, a failure through the router."""
    if not quiet:
        yield
        return
    with (
        Path(os.devnull).open("w", encoding="utf-8") as sink,
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
    ):
        yield


def archive_dir(root: Path) -> Path:
    """``root`` when it is a directory; otherwise the command fails, naming it."""
    if not root.is_dir():
        raise CommandFailed(f"{root} is not a directory; give the archive's directory")
    return root


def output_dir(root: Path) -> Path:
    """``root`` when a command can create or add to an archive there."""
    if root.exists() and not root.is_dir():
        raise CommandFailed(f"{root} exists and is not a directory; choose another --out")
    return root


def archive_location(text: str) -> Path | str:
    """An argparse type: an ``s3://bucket/prefix`` address as given, anything else a path."""
    from archiver.store.remote import is_remote

    return text if is_remote(text) else Path(text)


def on_store(url: str, step: Callable[[], T]) -> T:
    """Run ``step`` against the object store at ``url``; its failure is the operator's to fix
    (no bucket, no credentials, no endpoint), so it becomes one line, not a traceback."""
    from archiver.store.remote import RemoteFailed

    try:
        return step()
    except (OSError, RemoteFailed) as error:
        raise CommandFailed(
            f"{url}: {error}; check the bucket and the AWS_* variables (docs/storage.md)"
        ) from None


@contextlib.contextmanager
def remote_copy(
    url: str, *, warcs: bool = False, replaced: bool = False, publish: bool = False
) -> Iterator[tuple[Path, list[str]]]:
    """A temporary local copy of the s3:// archive at ``url`` (``archiver.store.remote.pull``)
    and the part files no manifest names; with ``publish``, what the block committed in the
    copy is uploaded when it ends without an error."""
    from archiver.store.remote import Publisher, RemoteArchive, pull

    with tempfile.TemporaryDirectory(prefix="archiver-s3-") as work:
        root = Path(work)
        archive = on_store(url, lambda: RemoteArchive.parse(url))
        orphans = on_store(url, lambda: pull(archive, root, warcs=warcs, replaced=replaced))
        yield root, orphans
        if publish:
            on_store(url, Publisher(root, archive).publish)


@contextlib.contextmanager
def readable_archive(location: Path | str, *, warcs: bool = False) -> Iterator[Path]:
    """The archive's directory for a command that reads it: ``location`` itself, or for
    s3:// a local copy of its committed files (with ``warcs``, its WARC files too)."""
    if isinstance(location, Path):
        yield archive_dir(location)
        return
    with remote_copy(location, warcs=warcs) as (root, _):
        if not (root / "crawls").is_dir():
            raise CommandFailed(f"{location} holds no archive (no crawl manifests there)")
        yield root


@contextlib.contextmanager
def writable_archive(location: Path | str) -> Iterator[Path]:
    """The directory a command writes the archive in: ``location`` itself, or for s3:// a
    staging copy whose commits are uploaded, manifests last, when the block ends."""
    if isinstance(location, Path):
        yield location
        return
    with remote_copy(location, publish=True) as (root, _):
        yield root


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a usage error otherwise)."""
    number = _whole_number(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text} is too small; give 1 or more")
    return number


def port(text: str) -> int:
    """An argparse type: a TCP port, or 0 for any free one."""
    number = _whole_number(text)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port; give 1-65535, or 0 for a free one")
    return number
