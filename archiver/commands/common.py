"""What commands share: how they fail, and checks of argument values and directories."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


class CommandFailed(Exception):
    """A failure the operator can fix (a missing directory, an unwritable output): the
    ``archiver`` router prints it as one line on stderr and exits 1, without a traceback."""


def report(command: str, message: str) -> None:
    """An error of ``archiver COMMAND``, on stderr so that stdout carries only output."""
    print(f"archiver {command}: {message}", file=sys.stderr)


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
