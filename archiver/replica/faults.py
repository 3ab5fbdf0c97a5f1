"""Fault injection: what goes wrong with which request, decided by hashing, never by chance.

A spec names rates. Transient faults (``500``, ``503``, ``429``, ``delay``, ``truncate``,
``drop``) belong to a request target (path and query) and hit its first ``attempts`` requests,
so a crawler that retries gets the page in the end. Permanent faults (``deleted``, ``nonhtml``,
``loop``, ``duplicate``) belong to an item and never clear. Both are pure functions of the
spec's seed and the target or item, so a run can be repeated and a test knows what to expect.
See ``docs/replica.md`` for the syntax.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from archiver.replica.catalog import mix

TRANSIENT = ("500", "503", "429", "delay", "truncate", "drop")
PERMANENT = ("deleted", "nonhtml", "loop", "duplicate")
# Permanent faults that keep an item from ever being served as its page.
UNAVAILABLE = ("deleted", "loop")
_SCALE = float(1 << 64)


@dataclass(frozen=True)
class FaultSpec:
    rates: dict[str, float] = field(default_factory=dict)  # fault name → share of targets/items
    retry_after: int = 2  # seconds, sent with 503 and 429 (0: no header)
    delay_seconds: float = 5.0  # how long a delayed response waits before it starts
    attempts: int = 1  # transient faults hit the first this-many requests of a target
    seed: int = 0

    def rate(self, name: str) -> float:
        return self.rates.get(name, 0.0)


_PARAMETERS = {"retry_after": int, "delay_seconds": float, "attempts": int, "seed": int}


def parse_faults(text: str) -> FaultSpec:
    """``500=0.05,503=0.05,retry_after=2,…,seed=3`` → a spec; ValueError names what is wrong."""
    rates: dict[str, float] = {}
    parameters: dict[str, int | float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"fault spec: {part!r} is not NAME=VALUE")
        if name not in TRANSIENT + PERMANENT and name not in _PARAMETERS:
            raise ValueError(f"fault spec: unknown name {name!r}")
        try:
            if name in _PARAMETERS:
                parameters[name] = _PARAMETERS[name](value)
            else:
                rates[name] = float(value)
        except ValueError as error:
            raise ValueError(f"fault spec: {name}={value!r} is not a number") from error
    for group in (TRANSIENT, PERMANENT):
        if any(not 0.0 <= rates.get(n, 0.0) <= 1.0 for n in group):
            raise ValueError("fault spec: every rate lies between 0 and 1")
        if sum(rates.get(n, 0.0) for n in group) > 1.0:
            raise ValueError(f"fault spec: the rates of {', '.join(group)} add up to more than 1")
    if parameters.get("attempts", 1) < 1 or parameters.get("retry_after", 0) < 0:
        raise ValueError("fault spec: attempts must be at least 1, retry_after at least 0")
    return FaultSpec(rates=rates, **parameters)  # type: ignore[arg-type]


def _pick(spec: FaultSpec, names: tuple[str, ...], ticket: int) -> str | None:
    """The fault whose slice of [0, 1) holds the ticket, or None past the last slice."""
    point = ticket / _SCALE
    for name in names:
        point -= spec.rate(name)
        if point < 0:
            return name
    return None


def transient(spec: FaultSpec, target: str, attempt: int) -> str | None:
    """The transient fault of the ``attempt``-th request (1 = first) of ``path?query``."""
    if attempt > spec.attempts:
        return None
    digest = int.from_bytes(hashlib.blake2b(target.encode(), digest_size=8).digest(), "big")
    return _pick(spec, TRANSIENT, mix(spec.seed, digest))


def permanent(spec: FaultSpec, lang: str, item_id: int) -> str | None:
    """The permanent fault of an item, if any."""
    return _pick(spec, PERMANENT, mix(spec.seed, int.from_bytes(lang.encode(), "big"), item_id))
