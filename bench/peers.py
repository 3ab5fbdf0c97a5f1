"""The peers the benchmarks compare against, trafilatura and dateparser, from the ``bench``
extra (``pip install -e '.[bench]'``).

They are imported by name at run time and typed here by the part of their API the benchmarks
call, so mypy checks that use the same way whether the extra is installed or not (a fresh
clone's ``make lint`` has neither) and no import needs ignoring.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from datetime import datetime
from types import ModuleType
from typing import Protocol, cast


class Trafilatura(Protocol):
    def extract(
        self, filecontent: bytes, url: str | None = ..., *, output_format: str = ...,
        with_metadata: bool = ...,
    ) -> str | None: ...  # fmt: skip


class DateParser(Protocol):
    def parse(
        self, date_string: str, *, languages: Iterable[str] | None = ...
    ) -> datetime | None: ...


def _installed(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def trafilatura() -> Trafilatura | None:
    """The trafilatura module, or None without the bench extra."""
    return cast("Trafilatura | None", _installed("trafilatura"))


def dateparser() -> DateParser | None:
    """The dateparser module, or None without the bench extra."""
    return cast("DateParser | None", _installed("dateparser"))
