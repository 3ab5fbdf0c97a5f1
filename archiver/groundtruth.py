"""Comparing an archive with the truth the replica knows: the demo's and the tests' yardstick."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from archiver.columns import COLUMN_NAMES


@dataclass(frozen=True)
class Mismatch:
    key: str
    field: str
    expected: Any
    got: Any


@dataclass
class Comparison:
    items: int = 0
    fields_checked: int = 0
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unexpected or self.duplicated or self.mismatches)

    def describe(self, limit: int = 10) -> str:
        lines = [
            f"{self.items} items, {self.fields_checked} fields compared with the ground truth: "
            f"{len(self.mismatches)} differ, {len(self.missing)} items missing, "
            f"{len(self.unexpected)} unexpected, {len(self.duplicated)} duplicated"
        ]
        lines += [f"  missing {key}" for key in self.missing[:limit]]
        lines += [f"  unexpected {key}" for key in self.unexpected[:limit]]
        lines += [f"  duplicated {key}" for key in self.duplicated[:limit]]
        lines += [
            f"  {m.key} {m.field}: expected {m.expected!r}, got {m.got!r}"
            for m in self.mismatches[:limit]
        ]
        return "\n".join(lines)


def compare(
    rows: Iterable[Mapping[str, Any]],
    expected_keys: Iterable[str],
    truth: Callable[[str], Mapping[str, Any]],
    fields: Collection[str] = COLUMN_NAMES,
) -> Comparison:
    """Every expected key present once, and every field of ``fields`` that the truth names
    equal to the row's (the truth may know more than the archive stores)."""
    result = Comparison()
    by_key: dict[str, Mapping[str, Any]] = {}
    for row in rows:
        if row["key"] in by_key:
            result.duplicated.append(row["key"])
        by_key[row["key"]] = row
    wanted = list(expected_keys)
    result.unexpected = sorted(set(by_key) - set(wanted))
    for key in wanted:
        if key not in by_key:
            result.missing.append(key)
            continue
        row = by_key[key]
        result.items += 1
        for name, expected in truth(key).items():
            if name not in fields:
                continue
            result.fields_checked += 1
            got = row.get(name)
            if got != expected:
                result.mismatches.append(Mismatch(key, name, expected, got))
    return result
