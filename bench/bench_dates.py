"""Date normaliser speed and accuracy, side by side with dateparser on the same strings.

The strings come from outside the parser: the replica's printer (``archiver.replica.datefmt``,
its own templates and month tables: every section's header widget, press-release block, Q&A
signature, dual date of the text, long date, Hijri date and numeric date) for random days of
2006-2025, the listing's ISO datetime and K2's date text, and the hand-worked cases of
``tests/dates_cases.py`` (every example of shared/dates.md, alone and in the contexts the site
prints it). Both parsers get the same strings and the same number of timed passes (best of
``--rounds``). dateparser is given each string's language (its fastest, most accurate setting);
it is a benchmark-only dependency: ``.venv/bin/pip install dateparser``.

    .venv/bin/python bench/bench_dates.py [--n 10000] [--seed 1] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.dates import parse_date
from archiver.replica import datefmt
from archiver.replica.languages import LEXICONS
from tests.dates_cases import CASES, CONTEXT_CASES

# dateparser's language codes for the site's sections.
DATEPARSER_LANG = {"en": "en", "fr": "fr", "ar": "ar", "ur": "ur", "tr": "tr", "gr": "de",
                   "pe": "fa", "pa": "fa", "sw": "sw"}  # fmt: skip
K2_TEXT = "{:%A, %d %B %Y} 00:00"
FIRST, LAST = date(2006, 1, 1), date(2025, 12, 31)


@dataclass(frozen=True)
class Sample:
    kind: str
    lang: str
    text: str
    day: date | None  # the day the string means (None: it names none)


def corpus(n: int, seed: int) -> list[Sample]:
    """``n`` printed strings of random days, then every hand-worked case once."""
    rng = random.Random(seed)
    kinds = [*datefmt.FORMS, "listing", "k2_item"]
    samples = []
    for _ in range(n):
        day = FIRST + timedelta(days=rng.randrange((LAST - FIRST).days))
        lang = rng.choice(sorted(LEXICONS))
        kind = rng.choice(kinds)
        if kind == "listing":
            moment = datetime.combine(day, datetime.min.time()) + timedelta(
                minutes=rng.randrange(1, 1440)
            )
            samples.append(Sample(kind, "en", f"{moment:%Y-%m-%dT%H:%M:%S}+03:00", day))
        elif kind == "k2_item":
            samples.append(Sample(kind, "en", K2_TEXT.format(day), day))
        else:
            samples.append(Sample(kind, lang, datefmt.printed(kind, lang, day), day))
    for case in [*CASES, *(case for _, case in CONTEXT_CASES)]:
        samples.append(Sample("hand_worked", "en", case.date_raw or "", case.published_date))
    return samples


def per_string_us(
    parse: Callable[[Sample], object], samples: Sequence[Sample], rounds: int
) -> float:
    """Best of ``rounds`` passes, in microseconds per string."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for sample in samples:
            parse(sample)
        best = min(best, time.perf_counter() - start)
    return best / len(samples) * 1e6


def ours(sample: Sample) -> date | None:
    return parse_date(sample.text, sample.lang).published_date


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--n", type=int, default=10_000)
    cli.add_argument("--seed", type=int, default=1)
    cli.add_argument("--rounds", type=int, default=3)
    args = cli.parse_args()
    samples = corpus(args.n, args.seed)
    try:
        import dateparser
    except ImportError:
        print("dateparser is not installed: .venv/bin/pip install dateparser for the comparison")
        return 1
    # dateparser's own dependencies warn about their internals; not ours to fix here.
    warnings.filterwarnings("ignore")

    def theirs(sample: Sample) -> date | None:
        parsed = dateparser.parse(sample.text, languages=[DATEPARSER_LANG[sample.lang]])
        return None if parsed is None else parsed.date()

    theirs(samples[0])  # loads its language data once, outside the timing
    our_us = per_string_us(ours, samples, args.rounds)
    their_us = per_string_us(theirs, samples, args.rounds)
    our_results = [ours(s) for s in samples]
    their_results = [theirs(s) for s in samples]
    our_right = [r == s.day for s, r in zip(samples, our_results, strict=True)]
    their_right = [r == s.day for s, r in zip(samples, their_results, strict=True)]
    print(f"{len(samples)} strings ({len(samples) - args.n} hand-worked), best of "
          f"{args.rounds} passes each")  # fmt: skip
    print(f"archiver.dates: {our_us:.1f} µs/string, {statistics.mean(our_right):.1%} right")
    print(f"dateparser:     {their_us:.1f} µs/string, {statistics.mean(their_right):.1%} right, "
          f"parses {statistics.mean(r is not None for r in their_results):.1%}")  # fmt: skip
    print(f"ratio over all strings: {their_us / our_us:.0f}× faster")
    print("\nby kind           n   ours µs theirs µs  ours right  theirs right")
    for kind in sorted({s.kind for s in samples}):
        rows = [i for i, s in enumerate(samples) if s.kind == kind]
        group = [samples[i] for i in rows]
        print(f"{kind:<15} {len(group):>5} {per_string_us(ours, group, args.rounds):>9.1f}"
              f" {per_string_us(theirs, group, args.rounds):>9.1f}"
              f" {statistics.mean(our_right[i] for i in rows):>11.0%}"
              f" {statistics.mean(their_right[i] for i in rows):>13.0%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
