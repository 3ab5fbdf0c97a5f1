"""``archiver parse-date``: one string or stdin lines → one JSON object each."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from archiver.commands import parse_date as command

HEADER = "Tuesday, 24 Jumada al-awwal 1446 | 2024/11/26"


def run(argv: list[str]) -> int:
    # The command's own parser, so these tests do not depend on the other commands importing.
    parser = argparse.ArgumentParser(prog="archiver")
    command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


def test_one_string_prints_its_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["parse-date", HEADER, "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "published_date": "2024-11-26",
        "published_at": None,
        "published_hijri": "1446-05-24",
        "hijri_offset_days": 0,
        "date_source": "text",
        "date_status": "ok",
        "date_conflict": False,
        "date_raw": HEADER,
    }


def test_stdin_gives_one_object_per_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = (
        "2024-11-26T10:15:00+03:00\n\nالخميس، 16 شوال 1445هـ| 2024/04/25م\r\nNo: 1441 AH / 005\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert run(["parse-date", "-"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["published_date"], o["published_at"], o["date_status"]) for o in out] == [
        ("2024-11-26", "2024-11-26T07:15:00+00:00", "ok"),
        (None, None, "missing"),
        ("2024-04-25", None, "ok"),
        (None, None, "unparsed"),
    ]
    assert out[2]["date_raw"] == "الخميس، 16 شوال 1445هـ| 2024/04/25م"


def test_cli_registers_the_command() -> None:
    from archiver.cli import COMMANDS

    assert "parse_date" in COMMANDS
