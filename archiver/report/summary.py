"""What an archive holds, as numbers and as a plain-text table (demo and ``archiver stats``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from archiver.health import FIELD_DUE, FieldCounts, with_filled
from archiver.store.reader import latest


@dataclass
class Summary:
    items: Counter[tuple[str, str]] = field(default_factory=Counter)  # (lang, kind) → items
    years: Counter[tuple[str, int | None]] = field(default_factory=Counter)  # (lang, year) → items
    covered: Counter[tuple[str, str]] = field(default_factory=Counter)  # (lang, field) → filled
    expected: Counter[tuple[str, str]] = field(default_factory=Counter)  # (lang, field) → due

    @property
    def total(self) -> int:
        return sum(self.items.values())

    def coverage(self, lang: str, name: str) -> float | None:
        due = self.expected[(lang, name)]
        return self.covered[(lang, name)] / due if due else None


def summarise(root: Path) -> Summary:
    table = latest(root, columns=["lang", "kind", "year", *FIELD_DUE], each=with_filled)
    langs = table.column("lang").to_pylist()
    kinds = table.column("kind").to_pylist()
    summary = Summary(
        items=Counter(zip(langs, kinds, strict=True)),
        years=Counter(zip(langs, table.column("year").to_pylist(), strict=True)),
    )
    counts = FieldCounts.of(table)  # the health check's rules, over the latest view
    for (lang, _, name), due in counts.due.items():
        summary.expected[(lang, name)] += due
        summary.covered[(lang, name)] += counts.filled[(lang, _, name)]
    return summary


def format_summary(summary: Summary) -> str:
    langs = sorted({lang for lang, _ in summary.items})
    kinds = sorted({kind for _, kind in summary.items})
    width = max([len("kind"), *map(len, kinds)]) + 2
    lines = ["items per language and kind (latest version of each item)"]
    lines.append("kind".ljust(width) + "".join(lang.rjust(8) for lang in langs) + "total".rjust(8))
    for kind in kinds:
        counts = [summary.items[(lang, kind)] for lang in langs]
        lines.append(kind.ljust(width) + "".join(f"{n:8d}" for n in counts) + f"{sum(counts):8d}")
    per_lang = [sum(n for (lg, _), n in summary.items.items() if lg == lang) for lang in langs]
    lines.append("all".ljust(width) + "".join(f"{n:8d}" for n in per_lang) + f"{summary.total:8d}")
    lines.append("")
    lines.append("field coverage (share of the items that should have the field)")
    for name in FIELD_DUE:
        cells = []
        for lang in langs:
            share = summary.coverage(lang, name)
            cells.append("-".rjust(8) if share is None else f"{share:8.1%}")
        lines.append(name.ljust(width) + "".join(cells))
    return "\n".join(lines)


def format_years(summary: Summary) -> str:
    langs = sorted({lang for lang, _ in summary.years})
    years = sorted({year for _, year in summary.years}, key=lambda y: (y is None, y or 0))
    lines = [
        "items per year of publication",
        "year".ljust(10) + "".join(lg.rjust(8) for lg in langs),
    ]
    for year in years:
        label = "unknown" if year is None else str(year)
        lines.append(label.ljust(10) + "".join(f"{summary.years[(lg, year)]:8d}" for lg in langs))
    return "\n".join(lines)
