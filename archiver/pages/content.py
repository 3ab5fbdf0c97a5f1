"""The content block's paragraphs split into the dataset's text fields.

Pure over ``Block`` lists (see blocks.py), so every rule of docs/markup.md "The content block"
is testable without HTML: the press-release header and contact footer are cut off, the typed
title / subtitle / "(Translated)" lines are lifted out, the rest is ``body``; the labels,
sign-offs and signatures inside the body give ``news``, ``comment``, ``author`` and ``signoff``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from archiver.fold import compact, fold
from archiver.pages import labels as L
from archiver.pages.blocks import Block
from archiver.pages.title import TRANSLATED_TAIL
from archiver.text import flat, join_paragraphs

# The header block never reaches further than this many paragraphs into the content.
HEAD_LIMIT = 12


def _label_pattern(*tables: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    words = sorted({w for table in tables for w in L.every(table)}, key=len, reverse=True)
    return re.compile(r"^" + L.alternation(words) + r"\s*[:：]\s*", re.IGNORECASE)


_NEWS = _label_pattern(L.NEWS_LABELS)
_COMMENT = _label_pattern(L.COMMENT_LABELS)
_QUESTION = _label_pattern(L.QUESTION_LABELS)
_ANSWER = _label_pattern(L.ANSWER_LABELS)
_HIJRI_LINE = re.compile(r"^" + L.alternation(L.every(L.HIJRI_LINE_LABELS), regex=True) + r"\s*")
_GREGORIAN_LINE = re.compile(
    r"^" + L.alternation(L.every(L.GREGORIAN_LINE_LABELS), regex=True) + r"\s*"
)
_YEAR = re.compile(r"\d{4}")
_DATE_LABEL = L.alternation(
    [*L.every(L.HIJRI_LINE_LABELS), *L.every(L.GREGORIAN_LINE_LABELS)], regex=True
)
# The number runs to the next "|", the end of the line, or the next field's label when the
# block runs on one line ("No: 1431 AH / 108 H.  21 Rabi' I 1431"); a label printed twice
# ("شماره صدور:شماره صدور: …", pe) is one label.
_REFERENCE_LABEL = L.alternation(L.every(L.REFERENCE_LABELS)) + r"\s*[:：]\s*"
_REFERENCE = re.compile(
    r"(?:^|(?<=[\s|]))"
    + _REFERENCE_LABEL
    + f"(?:{_REFERENCE_LABEL})?"
    + r"(?P<ref>[^|\n]*?)\s*(?=\||$|\s"
    + _DATE_LABEL
    + r")"
)
# "Hizb ut Tahrir / Wilayah Uturuki" as a heading above the title (sw/index.php/dawah/uturuki/
# 2442): the issuer, kept as text; with a colon it is the title's first line instead
# ("Hizb ut Tahrir / Wilayah Pakistan:" over "News Commentary …", en/…/dawah/pakistan/25769).
_KICKER = re.compile(r"^(?P<party>[^/:\n]+)/\s*[^/:\n]{1,40}$")
_SIGNOFF = re.compile(
    r"^" + L.alternation(L.every(L.SIGNOFF_PREFIXES), regex=True) + r"\s*(?P<name>.*)$",
    re.DOTALL,
)
_QA_OPENER = re.compile(r"^" + L.alternation(L.every(L.QA_SIGNATURE_OPENERS)) + r"\b")
# A contact line: its label then, within a few words, a colon ("عنوان المراسلة و … تلفون:"), or
# the end of the line, a number or an address; or an address alone ("www.…", a mail address).
_CONTACT = re.compile(
    r"^(?:"
    + L.alternation(L.every(L.CONTACT_LABELS))
    + r"(?:[^:：\n]{0,40}[:：]|\s*(?:\.|$|(?=\s*[+(\d]|\s*www\.|\s*https?:)))"
    + r"|(?:https?://|www\.)\S+$|\S+@\S+\.\w+$)",
    re.IGNORECASE,
)
_OFFICE_WORDS = re.compile(L.alternation(L.every(L.OFFICE_WORDS)), re.IGNORECASE)
_NAME_SUFFIX = re.compile(r"\s+[–—-]\s+")
_SENTENCE_END = re.compile(r"[.!?؟]$")
# "Thursday, 03 Sha'ban 1439 AH, corresponding to 19 April 2018" and its localised kin: a Hijri
# day-month-year with its era marker, then a Gregorian year within the same line.
# sw prints a bare "H" and "M" ("05 Dhul-Hijjah 1443 H sawia na 04 Julai 2022 M",
# sw/index.php/dawah/uturuki/2442); "1444 H / 04" is a reference, not a date.
_YEAR_AND_ERA = r"[1١۱][34٣٤۳۴]\d\d\s*(?:AH|A\.H\.|هـ|ه|ہجری|n\.\s?H\.|de l'Hégire|H\b(?!\s*/))"
_HIJRI_ERA = re.compile(_YEAR_AND_ERA)  # a cheap test before the costly search below
_DATELINE = re.compile(
    r"(?:[^\W\d_]+,\s*)?\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:من\s+)?[^\d\n,;:]{2,30}?\s+"
    + _YEAR_AND_ERA
    + r"[^\n]{0,60}?(?:19|20|١٩|٢٠|۱۹|۲۰)\d\d(?:\s*(?:CE|C\.E\.|AD|م|n\.\s?Chr\.|M\b))?"
)


# Labels ("Press Release", "(Translated)") are short lines; longer text is never compared.
_LABEL_CHARS = 60
# A signature paragraph: a name, a role, a place at most (and a line to spare).
_SIGNATURE_LINES = 4
_FOOTER_OFFICE_CHARS = 160
# A digest's title ends with its day; the bold line under it is the first headline.
_ENDS_WITH_DAY = re.compile(r"\d{1,2}/\d{1,2}/\d{4}\W*$")


def _keys(*tables: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The entries of tables as labels are compared (``compact``: "Media  Office:" is one)."""
    return frozenset(compact(word) for table in tables for word in L.every(table))


_WORD = re.compile(r"\S+")


class _Labels:
    """A label table as paragraphs are compared with it: word by word, folded and compact (so
    any spacing, tatweel, diacritics, letter forms, dashes and brackets still match), stopping
    at the first word no label goes on with (most paragraphs: the first)."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.keys = _keys(table)
        self.starts = frozenset(key[:i] for key in self.keys for i in range(1, len(key) + 1))
        # The most words a label spans, with a bracket, dash or colon printed as a word.
        self.words = max(len(w.split()) for w in L.every(table)) + 2

    def opening(self, text: str) -> int | None:
        """Where the longest label that opens ``text`` ends; None when none does."""
        end, joined = None, ""
        for word in islice(_WORD.finditer(text), self.words):
            joined += compact(word[0])
            if joined in self.keys:
                end = word.end()
            elif joined and joined not in self.starts:
                break
        return end

    def whole(self, text: str) -> bool:
        """Whether ``text`` is a label and nothing more ("Press Release:", "(Translated)")."""
        if len(text) > _LABEL_CHARS:  # most paragraphs: no label is this long
            return False
        end = self.opening(text)
        return end is not None and not compact(text[end:])


_PRESS_RELEASE = _Labels(L.PRESS_RELEASE_LABELS)
_TRANSLATED = _Labels(L.TRANSLATED_MARKS)
_HEADER_LABEL_KEYS = _keys(L.MEDIA_OFFICE_LABELS) | _PRESS_RELEASE.keys
# Role words folded as the lines they are looked for in (Arabic or Persian yeh alike).
_ROLE_WORD = re.compile(
    r"(?<!\w)"
    + L.alternation(sorted({fold(w) for w in L.every(L.ROLE_WORDS)}, key=len, reverse=True))
)
# A header line's own words, compared compact word by word: the office labels, the party's
# name (with a link glued to it: "لحزب التحرير", "Tahrir'in"), and the links between them and
# the place; punctuation alone ("/", "|") compacts to "" and links too.
_LINKS = frozenset(compact(w) for w in (*L.every(L.SITE_NAME_LINKS), *L.every(L.PLACE_WORDS)))
_LINKS |= {""}
_PARTY_NAMES = _keys(L.PARTY_NAMES)
_PARTY_KEYS = frozenset(a + key + b for key in _PARTY_NAMES for a in _LINKS for b in _LINKS)
_OFFICE_LABEL_KEYS = _keys(L.MEDIA_OFFICE_LABELS)
# The most words a label or the party's name is printed in (one more for a split word).
_NAME_WORDS = 1 + max(
    len(w.split()) for w in L.every(L.MEDIA_OFFICE_LABELS) + L.every(L.PARTY_NAMES)
)


def _name_from(keys: list[str], start: int, names: frozenset[str]) -> int | None:
    """The end of the longest run of words from ``start`` that spells one of ``names``."""
    end, joined = None, ""
    for i in range(start, min(len(keys), start + _NAME_WORDS)):
        joined += keys[i]
        if joined in names:
            end = i + 1
    return end


def _name_to(keys: list[str], end: int, names: frozenset[str]) -> int | None:
    """The start of the longest run of words ending at ``end`` that spells one of ``names``."""
    start, joined = None, ""
    for i in range(end - 1, max(end - _NAME_WORDS, 0) - 1, -1):
        joined = keys[i] + joined
        if joined in names:
            start = i
    return start


def _after_links(keys: list[str], at: int) -> int:
    while at < len(keys) and keys[at] in _LINKS:
        at += 1
    return at


def _before_links(keys: list[str], at: int) -> int:
    while at > 0 and keys[at - 1] in _LINKS:
        at -= 1
    return at


def _header_words_only(keys: list[str]) -> bool:
    """Only labels, the party's name and links: "Media Office", "Press Release", "Hizb-ut
    Tahrir", "Media Office of Hizb ut Tahrir", "د حزب التحریر مطبوعاتي دفتر"."""
    i = 0
    while i < len(keys):
        name = _name_from(keys, i, _PARTY_KEYS) or _name_from(keys, i, _HEADER_LABEL_KEYS)
        if name is None and keys[i] not in _LINKS:
            return False
        i = name or i + 1
    return True


def office_of(line: str) -> str | None:
    """The office a header line names; None for a line of the header's own words only.

    A line that names the office with the label and the party's name gives the place alone, in
    any order the sections print: "Media Office of Hizb ut Tahrir in Wilayah Sudan", "المكتب
    الإعلامي لحزب التحرير في ولاية السودان" (label, party, place); "Hizb-ut Tahrir Türkiye
    Vilâyeti Medya Bürosu" (party, place, label); "ولایہ پاکستان میں حزب التحریر کا میڈیا آفس"
    (place, party, label). Any other line is the office as printed ("Wilayah Sudan", "Hizb ut
    Tahrir / Wilayah Pakistan", "Central Media Office")."""
    words = line.split()
    keys = [compact(word) for word in words]
    start, end = 0, len(words)
    label = _name_from(keys, 0, _OFFICE_LABEL_KEYS)
    party = None if label is None else _name_from(keys, _after_links(keys, label), _PARTY_KEYS)
    if party is not None:  # label, party, place
        start = _after_links(keys, party)
    elif (label := _name_to(keys, end, _OFFICE_LABEL_KEYS)) is not None:
        before = _before_links(keys, label)
        if (party := _name_to(keys, before, _PARTY_KEYS)) is not None:  # place, party, label
            end = _before_links(keys, party)
        elif (party := _name_from(keys, _after_links(keys, 0), _PARTY_KEYS)) is not None:
            start, end = _after_links(keys, party), before  # party, place, label
    if (start, end) != (0, len(words)):
        return " ".join(words[start:end]) or None
    return None if _header_words_only(keys) else " ".join(words)


def _is_kicker(text: str) -> bool:
    match = _KICKER.match(text)
    return match is not None and compact(match["party"]) in _PARTY_NAMES


_SEPARATORS = " \n-–—:"


def label_then_title(text: str) -> str | None:
    """The title that follows the press-release label opening ``text`` (an old item's one
    paragraph: "Press Release The …", "-Basın Açıklaması- …", "-بيـان صحفي- …"); None when no
    label opens it or nothing follows. The label is compared folded, word by word, so any
    spacing, tatweel, diacritics, letter forms and dashes around it still match."""
    end = _PRESS_RELEASE.opening(text)
    return None if end is None else text[end:].lstrip(_SEPARATORS) or None


_BASMALA = fold(L.BASMALA)


# The News & Comment banner as text: "NC" (en, its image's alt text), the kind's name alone
# ("Haber-Yorum", tr), compared as letters only.
_BANNERS = frozenset(("nc", *(compact(name) for name in L.every(L.NEWS_COMMENT_NAMES))))


def is_banner(text: str) -> bool:
    return len(text) <= _LABEL_CHARS and compact(text) in _BANNERS


def is_basmala(text: str) -> bool:
    if "بسم" not in text:
        return False
    plain = fold(text)
    return plain.startswith(_BASMALA) and len(plain) <= len(_BASMALA) + 4


def is_translated_mark(text: str) -> bool:
    return _TRANSLATED.whole(text)


def _is_date_line(line: str) -> bool:
    return bool((_HIJRI_LINE.match(line) or _GREGORIAN_LINE.match(line)) and _YEAR.search(line))


def _is_header_block(block: Block) -> bool:
    return (
        block.region == "header"
        or _PRESS_RELEASE.whole(block.text)
        or any(_is_date_line(line) for line in block.text.split("\n"))
    )


def _is_label_block(block: Block) -> bool:
    """Only the header's own words ("مطبوعاتي دفتر" after the dates, pa/…/4631)."""
    return len(block.text) <= _LABEL_CHARS and all(
        office_of(line) is None for line in block.text.split("\n")
    )


@dataclass(frozen=True)
class Header:
    """The press-release header block (everything before the title)."""

    office: str | None
    reference: str | None
    date_lines: str | None  # the H./M. lines as printed, joined by "\n"


def read_header(blocks: list[Block]) -> Header:
    office = reference = None
    date_lines: list[str] = []
    for line in (line for block in blocks for line in block.text.split("\n")):
        if is_basmala(line):
            continue
        match = _REFERENCE.search(line)
        if match and reference is None:
            reference = match["ref"].strip(" |") or None
        rest = line[match.end() :].strip(" |") if match else ""
        if _is_date_line(rest) and not _is_date_line(line):
            line = rest  # the number first, the dates after it; else the line as printed
        if _is_date_line(line):
            date_lines.append(line)
            continue
        if match is None and office is None:
            office = office_of(line.replace("|", " "))
    return Header(office, reference, "\n".join(date_lines) or None)


@dataclass(frozen=True)
class Signature:
    start: int  # index of its first block in the body blocks
    end: int  # one past its last block
    signoff: str
    author: str | None
    date: str | None = None  # the Q&A signature's date lines, joined by "\n"


def _name_only(name: str) -> str:
    """ "Bilal Al-Muhajir – Wilayah Pakistan" → the name; the office part is not an author."""
    parts = _NAME_SUFFIX.split(name, maxsplit=1)
    return parts[0] if len(parts) == 2 and _OFFICE_WORDS.search(parts[1]) else name


def _signoff(blocks: list[Block]) -> Signature | None:
    """A "Written for … by {Name}" line among the last paragraphs (the name may follow)."""
    for i in range(len(blocks) - 1, max(len(blocks) - 4, -1), -1):
        match = _SIGNOFF.match(blocks[i].text)
        if match is None:
            continue
        name = flat(match["name"])
        end = i + 1
        if not name and end < len(blocks) and len(blocks[end].text) <= 80:
            name = flat(blocks[end].text)
            end += 1
        text = flat(" ".join(b.text for b in blocks[i:end]))
        return Signature(i, end, text, _name_only(name) or None)
    return None


def _qa_signature(blocks: list[Block]) -> Signature | None:
    """ "Your brother," / name / Hijri date / Gregorian date, as lines or paragraphs."""
    for i in range(len(blocks) - 1, -1, -1):
        if not _QA_OPENER.match(blocks[i].text):
            continue
        lines: list[str] = []
        end = i
        while end < len(blocks) and len(lines) < 4:
            lines.extend(blocks[end].text.split("\n"))
            end += 1
        lines = lines[:4]
        dates = [line for line in lines[2:] if _YEAR.search(line)]
        author = lines[1] if len(lines) > 1 else None
        return Signature(i, end, " ".join(lines), author, "\n".join(dates) or None)
    return None


def is_role_line(line: str) -> bool:
    """ "Media Representative of Hizb ut Tahrir in …" in any section: the party's name and a
    role word on one line (an office signing names the party but holds no role word)."""
    if not _ROLE_WORD.search(fold(line)):
        return False
    letters = compact(line)
    return any(party in letters for party in _PARTY_NAMES)


# A signature line that names a place ("im Heiligen Land …", "في السويد"): never a name.
_PLACE_LINE = re.compile(r"^" + L.alternation(L.every(L.PLACE_WORDS)) + r"\s", re.IGNORECASE)


def _signatory(lines: list[str]) -> str | None:
    """The person who signs: the line above a role line, or below it when the role comes
    first; without a role line, a first line that names no office and reads as a name."""
    for i, line in enumerate(lines):
        if is_role_line(line):
            near = lines[i - 1] if i else (lines[i + 1] if i + 1 < len(lines) else "")
            person = (
                near
                and not _OFFICE_WORDS.search(near)
                and not is_role_line(near)
                and not _PLACE_LINE.match(near)
            )
            return near if person else None
    first = lines[0]
    person = not _OFFICE_WORDS.search(first) and (
        len(lines) > 1 or (len(first.split()) <= 5 and not _SENTENCE_END.search(first))
    )
    return first if person else None


def _is_signature_block(block: Block) -> bool:
    """Bold, as the site prints signatures; or, unstyled, a few short lines one of which is a
    role line (the shape alone: a sentence naming a spokesman is one long line)."""
    if block.bold:
        return True
    lines = block.text.split("\n")
    return 2 <= len(lines) <= _SIGNATURE_LINES and any(
        len(line) <= _LABEL_CHARS * 2 and is_role_line(line) for line in lines
    )


def _press_signature(blocks: list[Block]) -> Signature | None:
    """The last paragraph: a signatory (name and role, either order) or the office."""
    if not blocks or not _is_signature_block(blocks[-1]):
        return None
    end = len(blocks)
    text = blocks[-1].text
    return Signature(end - 1, end, flat(text), _signatory(text.split("\n")))


@dataclass(frozen=True)
class Content:
    typed_title: str | None = None
    subtitle: str | None = None
    translated: bool = False
    body: str | None = None
    news: str | None = None
    comment: str | None = None
    author: str | None = None
    signoff: str | None = None
    header: Header | None = None  # present on press releases
    qa_signature_date: str | None = None
    dateline: str | None = None
    has_news_labels: bool = False
    has_qa_labels: bool = False
    footer: frozenset[str] = frozenset()  # an unmarked contact footer's paragraphs, cut


def _is_contact(block: Block) -> bool:
    return any(_CONTACT.match(line) for line in block.text.split("\n"))


def _strip_footer(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks without the contact footer, in any layout (its marked table, else the
    trailing contact lines — address, phone, mail, web — and the plain office line above them),
    and the unmarked footer's blocks."""
    kept = [b for b in blocks if b.region != "footer"]
    end = len(kept)
    while end and _is_contact(kept[end - 1]):
        end -= 1
    if end < len(kept) and end and not kept[end - 1].bold:
        above = kept[end - 1].text
        if len(above) <= _FOOTER_OFFICE_CHARS and _OFFICE_WORDS.search(above):
            end -= 1
    return kept[:end], kept[end:]


def _sections(blocks: list[Block]) -> tuple[str | None, str | None, bool]:
    """News and comment paragraphs (labels dropped; inline text after a label kept)."""
    parts: dict[str, list[str]] = {"news": [], "comment": []}
    current: str | None = None
    seen = False
    for block in blocks:
        for name, pattern in (("news", _NEWS), ("comment", _COMMENT)):
            match = pattern.match(block.text)
            if match:
                current, seen = name, True
                parts[name].append(block.text[match.end() :])
                break
        else:
            if current is not None:
                parts[current].append(block.text)
    return join_paragraphs(parts["news"]), join_paragraphs(parts["comment"]), seen


def segment(blocks: list[Block]) -> Content:
    """Split the content block's paragraphs into the dataset's text fields."""
    header_end = 0
    for i, block in enumerate(blocks[:HEAD_LIMIT]):
        if _is_header_block(block) or (header_end == i and header_end and _is_label_block(block)):
            header_end = i + 1  # a label line right after the header is its last line (pa)
        elif header_end and label_then_title(block.text) is not None:
            # Every line before a label+title paragraph is the header's (pe prints the
            # office after the dates); the title is in that paragraph.
            header_end = i
            break
    header = read_header(blocks[:header_end]) if header_end else None
    body = [b for b in blocks[:header_end] if is_basmala(b.text)]
    rest, footer = _strip_footer(blocks[header_end:])

    title = subtitle = None
    translated = False
    start = 0
    for start, block in enumerate(rest):  # noqa: B007 - start is read after the loop
        # Under a press-release header the label+title paragraph may be unstyled (ar, pe).
        labelled = (
            label_then_title(block.text)
            if title is None and (block.bold or header is not None)
            else None
        )
        if is_basmala(block.text):
            body.append(block)
        elif is_translated_mark(block.text):
            translated = True
        elif is_banner(block.text):  # the News & Comment banner printed as text
            pass
        elif labelled:
            title = labelled
        elif not block.heading or _NEWS.match(block.text) or _COMMENT.match(block.text):
            break
        elif title is None and _is_kicker(block.text):
            body.append(block)
        elif title is None:
            title = block.text
            translated |= TRANSLATED_TAIL.search(title) is not None  # "{title} (Translated)"
        elif subtitle is None and not _ENDS_WITH_DAY.search(title):
            subtitle = block.text
        else:  # a further heading line is body ("To: …"); a "(Translated)" under it is a mark
            body.append(block)
    else:
        start = len(rest)
    body.extend(rest[start:])

    signature = _qa_signature(body) or _signoff(body)
    if signature is None and header is not None:
        signature = _press_signature(body)
    main = body[: signature.start] if signature else body
    news, comment, has_news = _sections(main)
    dateline = next(
        (m[0] for b in main if _HIJRI_ERA.search(b.text) and (m := _DATELINE.search(b.text))),
        None,
    )
    return Content(
        typed_title=flat(title) if title else None,
        subtitle=flat(subtitle) if subtitle else None,
        translated=translated,
        body=join_paragraphs([b.text for b in body]),
        news=news,
        comment=comment,
        author=signature.author if signature else None,
        signoff=signature.signoff if signature else None,
        header=header,
        qa_signature_date=signature.date if signature else None,
        dateline=dateline,
        has_news_labels=has_news,
        has_qa_labels=any(_QUESTION.match(b.text) for b in main)
        and any(_ANSWER.match(b.text) for b in main),
        footer=frozenset(b.text for b in footer),
    )
