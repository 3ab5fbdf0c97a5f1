"""Date normaliser speed and accuracy, side by side with dateparser on the same strings.

The strings come from outside the parser: the replica's printer (``archiver.replica.datefmt``,
its own templates and month tables: every section's header widget, press-release block, Q&A
signature, dual date of the text, long date, Hijri date, numeric date and K2's created line,
and the listing's ISO time) for random days of 2006-2025, and the hand-worked cases of
``tests/dates_cases.py`` (every example of shared/dates.md, alone and in the contexts the site
prints it). Both parsers take turns over the same strings with the same passes: one untimed
pass each, then ``--rounds`` timed passes; each figure is the median. dateparser is given each
printed string's section language (its fastest, most accurate setting) and, for a hand-worked
string (which names no section), the site's eight languages to choose from; it is a
benchmark-only dependency: ``pip install -e '.[bench]'``. A string is parsed right when the day
comes out that it means (none, where it names none). Prints Markdown.

    .venv/bin/python bench/bench_dates.py [--n 10000] [--seed 1] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.dates import parse_date
from archiver.replica import datefmt
from archiver.replica.catalog import MAKKAH
from archiver.replica.lexicon import LEXICONS
from bench import peers
from bench.markdown import table
from bench.timing import take_turns
from tests.dates_cases import CASES, CONTEXT_CASES

# dateparser's language codes for the site's sections.
DATEPARSER_LANG = {"en": "en", "fr": "fr", "ar": "ar", "ur": "ur", "tr": "tr", "gr": "de",
                   "pe": "fa", "pa": "fa", "sw": "sw"}  # fmt: skip
# A hand-worked string names no section: dateparser chooses among the site's languages.
SITE_LANGUAGES = sorted(set(DATEPARSER_LANG.values()))
FIRST, LAST = date(2006, 1, 1), date(2025, 12, 31)
KINDS = (*datefmt.FORMS, "listing", "k2_item")
HAND_WORKED = "hand_worked"


@dataclass(frozen=True)
class Sample:
    kind: str
    lang: str | None  # the section that printed it (None: a hand-worked case names none)
    text: str
    day: date | None  # the day the string means (None: it names none)


def printed(kind: str, lang: str, moment: datetime) -> str:
    """``moment`` as the replica prints it in one of ``KINDS``."""
    if kind == "listing":  # the listing's <time datetime>, as archiver/replica/pages.py
        return moment.isoformat()
    if kind == "k2_item":
        return datefmt.k2_date(LEXICONS[lang], moment)
    return datefmt.printed(kind, lang, moment.date())


def corpus(n: int, seed: int) -> list[Sample]:
    """``n`` strings printed by the replica for random moments, then every hand-worked case
    once."""
    rng = random.Random(seed)
    samples = []
    for _ in range(n):
        day = FIRST + timedelta(days=rng.randrange((LAST - FIRST).days))
        moment = datetime.combine(day, time(), MAKKAH) + timedelta(minutes=rng.randrange(1440))
        lang, kind = rng.choice(sorted(LEXICONS)), rng.choice(KINDS)
        samples.append(Sample(kind, lang, printed(kind, lang, moment), day))
    for case in [*CASES, *(case for _, case in CONTEXT_CASES)]:
        samples.append(Sample(HAND_WORKED, None, case.date_raw or "", case.published_date))
    return samples


def by_kind(samples: list[Sample]) -> dict[str, list[Sample]]:
    """The samples grouped by kind, kinds in sorted order, each group in corpus order."""
    groups: dict[str, list[Sample]] = {}
    for sample in sorted(samples, key=lambda s: s.kind):
        groups.setdefault(sample.kind, []).append(sample)
    return groups


def ours(sample: Sample) -> date | None:
    return parse_date(sample.text, sample.lang).published_date


def share(flags: list[bool]) -> str:
    return f"{statistics.mean(flags):.1%}"


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--n", type=int, default=10_000)
    cli.add_argument("--seed", type=int, default=1)
    cli.add_argument("--rounds", type=int, default=5)
    args = cli.parse_args()
    dateparser = peers.dateparser()
    if dateparser is None:
        print("dateparser is not installed (`pip install -e '.[bench]'`): nothing compared.")
        return 1
    # dateparser's own dependencies warn about their internals; not ours to fix here.
    warnings.filterwarnings("ignore")

    def theirs(sample: Sample) -> date | None:
        languages = SITE_LANGUAGES if sample.lang is None else [DATEPARSER_LANG[sample.lang]]
        parsed = dateparser.parse(sample.text, languages=languages)
        return None if parsed is None else parsed.date()

    groups = by_kind(corpus(args.n, args.seed))
    samples = [sample for group in groups.values() for sample in group]
    parsers: list[Callable[[Sample], date | None]] = [ours, theirs]
    turns = take_turns(parsers, list(groups.values()), args.rounds)
    right = [[got == s.day for s, got in zip(samples, out, strict=True)] for out in turns.outputs]
    found = [[got is not None for got in out] for out in turns.outputs]
    mine, other = turns.us_per_input(0), turns.us_per_input(1)
    print(
        f"{len(samples):,} strings: {args.n:,} printed by the replica (random moments of "
        f"{FIRST.year}–{LAST.year}, every section and form, seed {args.seed}) and "
        f"{len(samples) - args.n} hand-worked; one untimed pass of each parser, then "
        f"{args.rounds} timed passes in turns, median. Right: the day the string means (none "
        "where it names none).\n"
    )
    print(
        table(
            ["", "archiver.dates", "dateparser"],
            [
                ["µs per string", f"{mine:.1f}", f"{other:.1f}"],
                ["strings parsed to the right day", share(right[0]), share(right[1])],
                ["strings parsed to some day", share(found[0]), share(found[1])],
            ],
        )
    )
    print(f"\narchiver.dates is **{other / mine:.0f}×** as fast over all strings.\n")
    rows, start = [], 0
    for index, (kind, group) in enumerate(groups.items()):
        span = slice(start, start + len(group))
        start += len(group)
        rows.append(
            [
                f"`{kind}`",
                len(group),
                f"{turns.us_per_input(0, index):.1f}",
                f"{turns.us_per_input(1, index):.1f}",
                share(right[0][span]),
                share(right[1][span]),
            ]
        )
    header = [
        "kind",
        "strings",
        "archiver µs",
        "dateparser µs",
        "archiver right",
        "dateparser right",
    ]
    print(table(header, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
