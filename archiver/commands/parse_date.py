"""``archiver parse-date TEXT|- [--lang L]``: one date string, parsed alone, as JSON.

For checking what the normaliser makes of a string seen on a page; ``-`` reads one string per
line from stdin and prints one JSON object per line, so a column of raw dates can be piped in.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from archiver.dates import DateResult, parse_date
from archiver.exitcodes import EXIT_OK
from archiver.jsonable import jsonable
from archiver.urls import LANGS


def register(sub: Any) -> None:
    parser = sub.add_parser("parse-date", help="parse one date string (or - for stdin) to JSON")
    parser.add_argument("text", help="the date as printed, or - to read one per line from stdin")
    parser.add_argument(
        "--lang", choices=LANGS, default=None, help="the section the text comes from (en, ar…)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.text == "-":
        for line in sys.stdin:
            print(as_json(parse_date(line.rstrip("\r\n"), args.lang)), flush=True)
    else:
        print(as_json(parse_date(args.text, args.lang)))
    return EXIT_OK


def as_json(result: DateResult) -> str:
    """The result's columns, dates and instants in ISO 8601 (the instant in UTC)."""
    columns = {name: jsonable(value) for name, value in dataclasses.asdict(result).items()}
    return json.dumps(columns, ensure_ascii=False)
