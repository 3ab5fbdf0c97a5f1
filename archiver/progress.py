"""A progress line on standard error that rewrites itself in place: what a crawl (through
archiver.extensions.progress) and re-extraction show while they run."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TextIO

MODES = ("auto", "on", "off")


def wanted(mode: str, stream: TextIO) -> bool:
    """Whether to show progress on ``stream`` in ``mode`` (auto: only on a terminal)."""
    if mode not in MODES:
        raise ValueError(f"progress {mode!r} is not one of {', '.join(MODES)}")
    return mode == "on" or (mode == "auto" and stream.isatty())


def clock(seconds: float) -> str:
    """``0:07``, ``12:40``, ``1:02:03``: a duration as people read it."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def rate_and_eta(done: int, total: int | None, elapsed: float) -> str:
    """``4.0/s, 0:30 elapsed, ETA 0:15`` (no ETA while the total is unknown or no rate yet)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    text = f"{rate:.1f}/s, {clock(elapsed)} elapsed"
    if total is not None and rate > 0:
        text += f", ETA {clock(max(total - done, 0) / rate)}"
    return text


def reextract_line(counts: Mapping[str, int], total: int, elapsed: float) -> str:
    """Re-extraction's line: its total is known from the start (every item's newest capture)."""
    done = sum(counts.get(name, 0) for name in ("new", "revised", "unchanged"))
    return (
        f"re-extracted {done} of {total} items: {counts.get('revised', 0)} revised, "
        f"{counts.get('new', 0)} new, {counts.get('unchanged', 0)} unchanged; "
        + rate_and_eta(done, total, elapsed)
    )


class Line:
    """Rewrites one line of ``stream`` in place, at most every ``interval`` seconds unless
    forced; ``end`` leaves the last state on screen."""

    def __init__(self, stream: TextIO, interval: float) -> None:
        self.stream = stream
        self.interval = interval
        self.started = self.shown = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def due(self) -> bool:
        return time.monotonic() - self.shown >= self.interval

    def show(self, text: str) -> None:
        self.shown = time.monotonic()
        self.stream.write(f"\r\x1b[K{text}")
        self.stream.flush()

    def end(self, text: str) -> None:
        self.show(text)
        self.stream.write("\n")
        self.stream.flush()
