"""The licence and citation files say what pyproject.toml says, so a release cannot drift."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from archiver import __version__

ROOT = Path(__file__).parent.parent


def test_licence_and_citation_match_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^([a-z-]+): (.+)$", citation, re.M))
    assert fields["cff-version"] == "1.2.0"
    assert fields["version"] == project["version"] == __version__
    assert fields["license"] == "MIT"
