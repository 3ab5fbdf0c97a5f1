"""The content block's paragraphs split into the dataset's text fields.

Pure over ``Block`` lists (see blocks.py), so every rule of docs/markup.md "The content block"
is testable without HTML: the press-release header and contact footer are cut off, the typed
title / subtitle / "(Translated)" lines are lifted out, the rest is ``body``; the labels,
sign-offs and signatures inside the body give ``news``, ``comment``, ``author`` and ``signoff``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from archiver.pages import labels as L
from archiver.pages.blocks import Block
from archiver.pages.title import TRANSLATED_TAIL, compact
from archiver.text import flat, join_paragraphs, squash

# The header block never reaches further than this many paragraphs into the content.
HEAD_LIMIT = 12
_BRACKETS = re.compile(r"[()\[\]（）]")
# Tatweel and Arabic diacritics only stretch or vowel a word: "المكتب الإعــلامي" is the label.
_MARK_CLASS = "[\u0640\u064b-\u065f\u0670]"
_ARABIC_MARKS = re.compile(_MARK_CLASS)


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
# The party's name with any hyphens or spaces between its words.
_PARTY = re.compile(
    L.alternation(
        (
            r"[\s-]*".join(map(re.escape, n.replace("-", " ").split()))
            for n in L.every(L.PARTY_NAMES)
        ),
        regex=True,
    ),
    re.IGNORECASE,
)
# "Hizb ut Tahrir / Wilayah Uturuki" as a heading above the title (sw/index.php/dawah/uturuki/
# 2442): the issuer, kept as text; with a colon it is the title's first line instead
# ("Hizb ut Tahrir / Wilayah Pakistan:" over "News Commentary …", en/…/dawah/pakistan/25769).
_KICKER = re.compile(r"^\s*(?:" + _PARTY.pattern + r")\s*/\s*[^/:\n]{1,40}$", re.IGNORECASE)
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
_MARK = _MARK_CLASS + "*"  # tatweel or a diacritic may follow any Arabic letter


# Letters printed for one another in labels ("بيان صحفى" with alef maksura for "بيان صحفي").
_SAME_LETTERS = ("يىی", "كک", "هة")
_LETTER_CLASS = {c: f"[{group}]" for group in _SAME_LETTERS for c in group}


def _spelled(label: str) -> str:
    """A label as a regex that any spacing, tatweel, diacritics or letter form still match."""
    return r"\s+".join(
        _MARK.join(_LETTER_CLASS.get(c) or re.escape(c) for c in word) for word in label.split()
    )


# An old press release's one paragraph: the kind's label, then the title ("-Label- Title").
_LABEL_THEN_TITLE = re.compile(
    r"^[-–—]?\s*"
    + L.alternation((_spelled(w) for w in L.every(L.PRESS_RELEASE_LABELS)), regex=True)
    + r"\s*[-–—:]?\s+(?P<title>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A digest's title ends with its day; the bold line under it is the first headline.
_ENDS_WITH_DAY = re.compile(r"\d{1,2}/\d{1,2}/\d{4}\W*$")


def _normal(text: str) -> str:
    """A short line compared as a label: no brackets, pipes, case or spacing differences."""
    return squash(_ARABIC_MARKS.sub("", _BRACKETS.sub("", text)).replace("|", " ")).casefold()


def _normal_set(table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(_normal(word) for word in L.every(table))


_PRESS_RELEASE_WORDS = _normal_set(L.PRESS_RELEASE_LABELS)
_TRANSLATED_WORDS = _normal_set(L.TRANSLATED_MARKS)
# Persian and Arabic letter forms, and the zero-width non-joiner, that spell the same label.
_LETTER_FORMS = str.maketrans({"ی": "ي", "ى": "ي", "ک": "ك", "\u200c": " "})


def _folded(text: str) -> str:
    """A line as labels are compared: NFKC, marks, letter forms and case folded (``_normal``)."""
    return _normal(unicodedata.normalize("NFKC", text).translate(_LETTER_FORMS))


def label_key(text: str) -> str:
    """A label whatever its spelling: folded, and with no spaces at all ("Media  Office")."""
    return "".join(_folded(text).split())


_HEADER_LABEL_KEYS = frozenset(
    label_key(w) for w in (*L.every(L.MEDIA_OFFICE_LABELS), *L.every(L.PRESS_RELEASE_LABELS))
)
# Role words folded as the lines they are looked for in (Arabic or Persian yeh alike).
_ROLE_WORD = re.compile(
    r"(?<!\w)"
    + L.alternation(sorted({_folded(w) for w in L.every(L.ROLE_WORDS)}, key=len, reverse=True))
)
_PRESS_RELEASE_KEYS = frozenset(label_key(w) for w in L.every(L.PRESS_RELEASE_LABELS))
_CONNECTORS = frozenset(_folded(w) for w in (*L.every(L.SITE_NAME_LINKS), *L.PARTY_CONNECTORS))


def is_header_label(line: str) -> bool:
    """The header's own words, never an office: "Media Office", "Press Release", the party's
    name, or a label with the party's name ("Media Office of Hizb ut Tahrir")."""
    text = _folded(line)
    if _PARTY.search(text):
        text = " ".join(w for w in _PARTY.sub(" ", text).split() if w not in _CONNECTORS)
        if not text:
            return True
    return label_key(text) in _HEADER_LABEL_KEYS


# "Press Release {title}" / "-Basın Açıklaması- {title}": an old item's label and title in one
# paragraph, matched on the normalised text.
_LABEL_AND_TITLE = re.compile(
    r"^[-–\s]*" + L.alternation(sorted(_PRESS_RELEASE_WORDS, key=len, reverse=True)) + r"[-–\s]+\S"
)


# The News & Comment banner as text: "NC" (en, its image's alt text), the kind's name alone
# ("Haber-Yorum", tr), compared as letters only.
_BANNERS = frozenset(("nc", *(compact(name) for name in L.every(L.NEWS_COMMENT_NAMES))))


def is_banner(text: str) -> bool:
    return len(text) <= _LABEL_CHARS and compact(text) in _BANNERS


def is_basmala(text: str) -> bool:
    if "بسم" not in text:
        return False
    plain = squash(_ARABIC_MARKS.sub("", text))
    return plain.startswith(L.BASMALA) and len(plain) <= len(L.BASMALA) + 4


def is_translated_mark(text: str) -> bool:
    return len(text) <= _LABEL_CHARS and _normal(text) in _TRANSLATED_WORDS


def _is_date_line(line: str) -> bool:
    return bool((_HIJRI_LINE.match(line) or _GREGORIAN_LINE.match(line)) and _YEAR.search(line))


def _is_header_block(block: Block) -> bool:
    return (
        block.region == "header"
        or (len(block.text) <= _LABEL_CHARS and label_key(block.text) in _PRESS_RELEASE_KEYS)
        or any(_is_date_line(line) for line in block.text.split("\n"))
    )


def _is_label_block(block: Block) -> bool:
    """Only the header's own words ("مطبوعاتي دفتر" after the dates, pa/…/4631)."""
    return len(block.text) <= _LABEL_CHARS and all(
        is_header_label(line) for line in block.text.split("\n")
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
        if _is_date_line(rest):  # the number first, the date after it on the same line
            line = rest
        if _is_date_line(line):
            date_lines.append(line)
            continue
        name = squash(line.replace("|", " "))
        if match is None and office is None and name and not is_header_label(name):
            office = name
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
    plain = _folded(line)
    return bool(_PARTY.search(plain) and _ROLE_WORD.search(plain))


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


def _is_contact(block: Block) -> bool:
    return any(_CONTACT.match(line) for line in block.text.split("\n"))


def _strip_footer(blocks: list[Block]) -> list[Block]:
    """Without the contact footer, in any layout: its marked table, else the trailing contact
    lines (address, phone, mail, web) and the plain office line above them."""
    kept = [b for b in blocks if b.region != "footer"]
    end = len(kept)
    while end and _is_contact(kept[end - 1]):
        end -= 1
    if end < len(kept) and end and not kept[end - 1].bold:
        above = kept[end - 1].text
        if len(above) <= _FOOTER_OFFICE_CHARS and _OFFICE_WORDS.search(above):
            end -= 1
    return kept[:end]


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
        elif header_end and _LABEL_AND_TITLE.match(_normal(block.text[:_LABEL_CHARS])):
            # Every line before a label+title paragraph is the header's (pe prints the
            # office after the dates); the title is in that paragraph.
            header_end = i
            break
    header = read_header(blocks[:header_end]) if header_end else None
    body = [b for b in blocks[:header_end] if is_basmala(b.text)]
    rest = _strip_footer(blocks[header_end:])

    title = subtitle = None
    translated = False
    start = 0
    for start, block in enumerate(rest):  # noqa: B007 - start is read after the loop
        # Under a press-release header the label+title paragraph may be unstyled (ar, pe).
        labelled = (
            _LABEL_THEN_TITLE.match(block.text)
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
            title = labelled["title"]
        elif not block.heading or _NEWS.match(block.text) or _COMMENT.match(block.text):
            break
        elif title is None and _KICKER.match(block.text):
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
    )
