"""The parser version stamped on every row; bump it whenever extracted output changes."""

from __future__ import annotations

PARSER_VERSION = "2026.12.1"
