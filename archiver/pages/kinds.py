"""Which kind of item a page is, from what it shows: header block, menu path, title, labels.

Unmistakable structure (a press-release header, a headlines title, a News and a Comment label)
wins over the menu path (an item is filed under any category), and the menu path wins over
guesses from the body (one label alone, media links).
"""

from __future__ import annotations

import re

from archiver.pages import labels as L
from archiver.pages.content import Content

# Menu-path segments (decoded, lower case; matched whole, or as the start of a segment
# followed by "-") → kind. [C] paths from site.md; [M] guesses.
PATH_KINDS: tuple[tuple[str, str], ...] = (
    ("news-comment", "news_comment"),  # [C] en, ar (radio-broadcast/news-comment)
    ("press-releases", "press_release"),  # [C] en
    ("pressreleases", "press_release"),  # [C] ar
    ("basin-aciklamasi", "press_release"),  # [C] tr
    ("taarifa-kwa-vyombo-vya-habari", "press_release"),  # [C] sw
    ("mb/zmb", "press_release"),  # [I] gr
    ("q-and-a", "qa"),  # [C] en
    ("qestions", "qa"),  # [C] en (sic)
    ("headlines", "headlines"),  # [M]
    ("articles", "article"),  # [C] en
    ("al-raya-newspaper", "article"),  # [C] en
    ("alraiah-newspaper", "article"),  # [C] ar
    ("dawah", "article"),  # [C] en
    ("leaflets", "article"),  # [C] ar
    ("audio", "media"),  # [M]
    ("video", "media"),  # [M]
    ("videos", "media"),  # [M]
    ("multimedia", "media"),  # [M]
    # [M] the other sections' article and media menus, as docs/markup.md's replica models them
    ("makaleler", "article"),  # tr
    ("görsel-işitsel", "media"),  # tr
    ("artikel", "article"),  # gr
    ("مضامین", "article"),  # ur
    ("ویڈیو", "media"),  # ur
    ("مقالات", "article"),  # pe
    ("ویدیو", "media"),  # pe
    ("مقالې", "article"),  # pa
    ("ویډیو", "media"),  # pa
    ("makala", "article"),  # sw
)
_PATH_PATTERNS = tuple(
    (re.compile(r"(?:^|/)" + re.escape(fragment) + r"(?:$|[/-])"), kind)
    for fragment, kind in PATH_KINDS
)
# A digest's title: words for headlines or commentary, then (after the region, if any) the day.
_HEADLINE_DATE = re.compile(
    L.alternation([*L.every(L.HEADLINE_WORDS), *L.every(L.COMMENTARY_WORDS)])
    + r"\D{0,40}(?P<date>\d{1,2}/\d{1,2}/\d{4})",
    re.IGNORECASE,
)
_QA_TITLE = re.compile(r"^" + L.alternation(L.every(L.QA_TITLES)), re.IGNORECASE)
# A media item says little: below this many characters of body it is the media that counts.
MEDIA_BODY_CHARS = 400


def headline_date(title: str | None) -> str | None:
    """The DD/MM/YYYY date of a headlines digest title, as printed."""
    match = _HEADLINE_DATE.search(title or "")
    return match["date"] if match else None


def detect_kind(
    content: Content, category_path: str | None, title: str | None, media: list[str]
) -> str:
    if content.header is not None:
        return "press_release"
    if headline_date(title):
        return "headlines"
    if content.news is not None and content.comment is not None:
        return "news_comment"
    path = (category_path or "").casefold()
    for pattern, kind in _PATH_PATTERNS:
        if pattern.search(path):
            return kind
    if _QA_TITLE.match(title or "") or content.has_qa_labels:
        return "qa"
    if content.has_news_labels:
        return "news_comment"
    if media and len(content.body or "") < MEDIA_BODY_CHARS:
        return "media"
    return "other"
