"""Date normaliser speed and accuracy, side by side with dateparser on the same strings.

The strings are shaped like the site's (every section's header widget, press-release block and
dateline, the listing's ISO datetime, K2's date text, Q&A signatures, headline titles) for
random days of 2006-2025. dateparser is given each string's language (its fastest, most
accurate setting); it is a benchmark-only dependency: ``.venv/bin/pip install dateparser``.

    .venv/bin/python bench/bench_dates.py [--n 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from archiver.dates import parse_date
from archiver.dates.render import FORMATS, TEMPLATES, render

# dateparser's language codes for the site's sections.
DATEPARSER_LANG = {"en": "en", "fr": "fr", "ar": "ar", "ur": "ur", "tr": "tr", "gr": "de",
                   "pe": "fa", "pa": "fa", "sw": "sw"}  # fmt: skip
K2_TEXT = "{:%A, %d %B %Y} 00:00"


@dataclass(frozen=True)
class Sample:
    kind: str
    lang: str
    text: str
    day: date


def corpus(n: int, seed: int) -> list[Sample]:
    rng = random.Random(seed)
    first, span = date(2006, 1, 1), (date(2025, 12, 31) - date(2006, 1, 1)).days
    samples = []
    for _ in range(n):
        day = first + timedelta(days=rng.randrange(span))
        lang = rng.choice(sorted(TEMPLATES))
        kind = rng.choice([*FORMATS, "listing", "k2_item", "qa_signature", "headline_title"])
        if kind in FORMATS:
            samples.append(Sample(f"{kind}", lang, render(kind, lang, day), day))
            continue
        if kind == "listing":
            moment = datetime.combine(day, datetime.min.time()) + timedelta(
                minutes=rng.randrange(1, 1440)
            )
            text = f"{moment:%Y-%m-%dT%H:%M:%S}+03:00"
        elif kind == "k2_item":
            text = K2_TEXT.format(day)
        elif kind == "qa_signature":
            text = (
                render("dateline", "en", day)
                .split(", ", 1)[1]
                .replace(" AH, corresponding to ", " AH / ")
                + " CE"
            )
        else:
            text = f"Pakistan Headlines {day:%d/%m/%Y}"
        samples.append(Sample(kind, "en", text, day))
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
    args = cli.parse_args()
    samples = corpus(args.n, args.seed)
    our_us = per_string_us(ours, samples, rounds=3)
    our_right = sum(ours(s) == s.day for s in samples)
    print(f"{len(samples)} strings; archiver.dates: {our_us:.1f} µs/string, "
          f"{our_right / len(samples):.1%} right")  # fmt: skip
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
    start = time.perf_counter()
    results = [theirs(s) for s in samples]
    their_us = (time.perf_counter() - start) / len(samples) * 1e6
    parsed = [s for s, r in zip(samples, results, strict=True) if r is not None]
    their_right = sum(r == s.day for s, r in zip(samples, results, strict=True))
    print(f"dateparser: {their_us:.1f} µs/string, parses {len(parsed) / len(samples):.1%}, "
          f"right {their_right / len(samples):.1%}")  # fmt: skip
    print(f"ratio over all strings: {their_us / our_us:.0f}× faster")
    if parsed:
        their_parsed_us = per_string_us(theirs, parsed, rounds=1)
        our_parsed_us = per_string_us(ours, parsed, rounds=3)
        print(f"on the {len(parsed)} strings dateparser parses: archiver.dates "
              f"{our_parsed_us:.1f} µs, dateparser {their_parsed_us:.1f} µs, "
              f"{their_parsed_us / our_parsed_us:.0f}× faster")  # fmt: skip
    print("\nby kind           n   ours µs  theirs parses  theirs right  ours right")
    for kind in sorted({s.kind for s in samples}):
        group = [(s, r) for s, r in zip(samples, results, strict=True) if s.kind == kind]
        kind_samples = [s for s, _ in group]
        print(f"{kind:<15} {len(group):>5} {per_string_us(ours, kind_samples, 3):>8.1f}"
              f" {statistics.mean(r is not None for _, r in group):>13.0%}"
              f" {statistics.mean(r == s.day for s, r in group):>13.0%}"
              f" {statistics.mean(ours(s) == s.day for s in kind_samples):>11.0%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
