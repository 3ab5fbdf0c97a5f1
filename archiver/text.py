"""Pure text helpers shared by the page objects: white space, paragraphs, cloaked e-mails.

Kept free of HTML parsing so each rule can be tested on plain strings.
"""

from __future__ import annotations

import html
import re

# Joomla's email cloaking assigns the address to ``addy{hex}`` in one or more statements;
# ``addy_text{hex}`` (the link text) is deliberately not matched: the address is what we keep.
_ADDY_STATEMENT = re.compile(r"addy([0-9a-fA-F]+)\s*=\s*((?:'(?:[^'\\]|\\.)*'|[^;'])*);")
_JS_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'")
_JS_ESCAPE = re.compile(r"\\(.)")


def squash(text: str) -> str:
    """Collapse every run of white space (NBSP included) to one space and trim the ends."""
    return " ".join(text.split())


def join_lines(lines: list[str]) -> str:
    """A paragraph from its ``<br>``-separated lines: each squashed, empty ones dropped."""
    return "\n".join(s for s in (squash(line) for line in lines) if s)


def join_paragraphs(paragraphs: list[str]) -> str | None:
    """Paragraphs separated by one blank line; None when there is no text at all."""
    kept = [p for p in paragraphs if p]
    return "\n\n".join(kept) if kept else None


def flat(text: str) -> str:
    """A multi-line paragraph as one line (line breaks become spaces)."""
    return squash(text.replace("\n", " "))


def decode_cloaked_emails(script: str) -> dict[str, str]:
    """Addresses assembled by Joomla's cloaking scripts, keyed by the cloak's hex id.

    The address is the concatenation, in order, of the string literals assigned to
    ``addy{hex}``; literals hold HTML entities (``&#64;``) that are decoded at the end.
    """
    found: dict[str, list[str]] = {}
    for match in _ADDY_STATEMENT.finditer(script):
        parts = found.setdefault(match[1], [])
        parts.extend(_JS_ESCAPE.sub(r"\1", lit) for lit in _JS_STRING.findall(match[2]))
    return {key: html.unescape("".join(parts)) for key, parts in found.items() if parts}
