"""Per-language facts about the site's sections that the crawler needs (data, not logic)."""

from __future__ import annotations

from archiver.urls import LANGS

# The menu that lists every item of a section, newest first. [C] en latest-articles,
# tr son-eklenenler; the other sections are assumed to keep Joomla's English alias.
LATEST_MENU: dict[str, str] = {lang: "latest-articles" for lang in LANGS} | {"tr": "son-eklenenler"}


def parse_langs(value: str) -> list[str]:
    """``"en,ar"`` or ``"all"`` → section codes; unknown codes are a usage error."""
    if value.strip() == "all":
        return list(LANGS)
    langs = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown or not langs:
        raise ValueError(
            f"unknown language section(s) {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(LANGS)} or 'all'"
        )
    return langs
