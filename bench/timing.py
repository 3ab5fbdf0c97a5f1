"""Turn-taking timing shared by the benchmarks: every way gets the same passes, in turns.

A burst of load from another process then lands on every way alike instead of on whichever
was running at that moment, and no way is given more passes (or a warmer cache) than another.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Turns(Generic[Out]):
    """What ``take_turns`` measured, indexed by way in the order the ways were given."""

    outputs: list[list[Out]]  # each way's outputs of its untimed pass, batch after batch
    seconds: list[list[list[float]]]  # each way's seconds per batch, one figure per round
    sizes: list[int]  # the number of inputs of each batch

    def us_per_input(self, way: int, batch: int | None = None) -> float:
        """The median over the rounds of one way's time per input, in microseconds: over
        one batch, or (``None``) over all of them, each round's batches summed."""
        chosen = self.seconds[way] if batch is None else [self.seconds[way][batch]]
        per_round: list[float] = [sum(passes) for passes in zip(*chosen, strict=True)]
        count = sum(self.sizes) if batch is None else self.sizes[batch]
        return statistics.median(per_round) / count * 1e6


def take_turns(
    ways: Sequence[Callable[[In], Out]],
    batches: Sequence[Sequence[In]],
    rounds: int,
    clock: Callable[[], float] = time.perf_counter,
) -> Turns[Out]:
    """One untimed pass of every way over every input (imports, compiled patterns, caches
    warm up; its outputs are kept for the accuracy figures), then ``rounds`` rounds in which
    each way in turn makes one timed pass over each batch."""
    outputs = [[way(given) for batch in batches for given in batch] for way in ways]
    seconds: list[list[list[float]]] = [[[] for _ in batches] for _ in ways]
    for _ in range(rounds):
        for way, per_batch in zip(ways, seconds, strict=True):
            for batch, passes in zip(batches, per_batch, strict=True):
                started = clock()
                for given in batch:
                    way(given)
                passes.append(clock() - started)
    return Turns(outputs, seconds, [len(batch) for batch in batches])
