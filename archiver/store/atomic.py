"""Files that appear only when complete: write a hidden temporary, fsync, rename, fsync the dir.

A reader (or a crawl killed with ``kill -9`` and run again) therefore sees either no file or the
whole file, never a prefix. Temporaries start with ``.`` and end with ``.tmp`` so readers and
``verify`` can tell them apart.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archiver.store.layout import WRITTEN_DIRS

TMP_SUFFIX = ".tmp"
logger = logging.getLogger(__name__)


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, write: Callable[[Path], None], *, durable: bool = True) -> None:
    """Run ``write(tmp)`` to fill a temporary, then publish it at ``path`` in one rename.

    The rename alone makes the file all-or-nothing for readers and after ``kill -9``;
    ``durable`` adds the fsyncs that make it survive a power loss too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path_for(path)
    try:
        write(tmp)
        if durable:
            with tmp.open("rb+") as handle:
                os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def json_text(data: Any) -> str:
    """How the archive's JSON files are laid out (local manifests and their remote copies)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"


def write_json_atomically(path: Path, data: Any, *, durable: bool = True) -> None:
    text = json_text(data)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, write, durable=durable)


def leftover_temporaries(root: Path) -> list[Path]:
    """Temporaries a killed writer left behind (they are never part of the archive).

    Only the archive's own directories are searched: an --out that holds other things (the
    home directory, say) keeps its unrelated hidden files.
    """
    return sorted(
        path
        for directory in WRITTEN_DIRS
        for path in (root / directory).rglob(f".*{TMP_SUFFIX}")
        if path.is_file()
    )


def remove_leftover_temporaries(root: Path) -> list[Path]:
    """Delete them: what a writer does on start, once it holds the archive's lock."""
    removed = leftover_temporaries(root)
    for tmp in removed:
        logger.warning("removing a temporary file left by an interrupted write: %s", tmp)
        tmp.unlink()
    return removed
