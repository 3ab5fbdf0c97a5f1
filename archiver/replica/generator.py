"""An item's content block, generated from a per-item RNG, one builder per kind of item.

Each builder returns the blocks the page renders plus the facts that only the generator knows
(office, reference, printed Hijri date…); ``truth`` derives the text columns from the blocks.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from hijridate import Hijri

from archiver.replica import datefmt, variants
from archiver.replica.catalog import Entry
from archiver.replica.languages import BASMALA, Lexicon
from archiver.replica.richtext import Block, Br, Email, Frame, Image, Inline, Link, Text, block_text

SITE = "https://www.hizb-ut-tahrir.info"
HIJRI_OFFSET_PERCENT = 14  # share of printed Hijri dates one day off Umm al-Qura (dates.md)
WRONG_HIJRI_YEAR = -1  # the data-entry error: last year's number, as at the turn of a year


@dataclass(frozen=True)
class Content:
    title: str
    subtitle: str | None
    translated: bool
    blocks: tuple[Block, ...]
    intro_count: int  # the first blocks sit in div.itemIntroText, the rest in itemFullText
    author: str | None = None
    office: str | None = None
    reference: str | None = None
    published_hijri: str | None = None
    tags: tuple[str, ...] = ()
    # <title> and og:title when a variant gives them a site-name affix (else pages.py's rule)
    page_title: str | None = None
    og_title: str | None = None
    printed_variants: tuple[str, ...] = ()  # the variants (variants.py) this item prints

    def summary(self, words: int = 30) -> str:
        """The listing's intro: the start of the first plain paragraph."""
        for block in self.blocks:
            text = block_text(block)
            if block.role == "text" and text and text != BASMALA:
                parts = text.split()
                return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
        return ""


class Writer:
    """Synthetic text in the section's language from its word list; ``variants`` draws the
    item's printing variants (``variants.py``), apart from the text's stream."""

    def __init__(self, lex: Lexicon, rng: random.Random, variants: random.Random) -> None:
        self.lex = lex
        self.rng = rng
        self.variants = variants
        self.printed: list[str] = []

    def varies(self, name: str) -> bool:
        """Whether this item prints the variant ``name`` (recorded for the tests)."""
        if variants.drawn(self.variants, name):
            self.printed.append(name)
            return True
        return False

    def words(self, low: int, high: int) -> list[str]:
        return self.rng.choices(self.lex.words, k=self.rng.randint(low, high))

    def sentence(self) -> str:
        text = " ".join(self.words(7, 18))
        if self.lex.capitalise:
            text = text[0].upper() + text[1:]
        return text + self.lex.full_stop

    def heading(self, low: int = 4, high: int = 8) -> str:
        words = self.words(low, high)
        if self.lex.capitalise:
            words = [w[0].upper() + w[1:] for w in words]
        return " ".join(words)

    def paragraph(self) -> tuple[Inline, ...]:
        """A paragraph, now and then with a link, a line break or ragged source white space."""
        text = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
        roll = self.rng.random()
        if roll < 0.12:
            cut = text.find(" ", len(text) // 2)
            href = self.rng.choice(
                (f"{SITE}/{self.lex.lang}/index.php/latest-articles.html",
                 f"https://www.example.org/news/{self.rng.randint(1000, 9999)}")
            )  # fmt: skip
            return (
                Text(text[:cut] + " "),
                Link(" ".join(self.words(2, 3)), href),
                Text(text[cut:]),
            )
        if roll < 0.17:
            cut = text.find(" ", len(text) // 3)
            return (Text(text[:cut]), Br(), Text(text[cut + 1 :]))
        if roll < 0.35:
            cut = text.find(" ", len(text) // 2)
            return (Text(text[:cut] + "\n      " + text[cut + 1 :]),)
        return (Text(text),)

    def name(self) -> str:
        return self.rng.choice(self.lex.names)


def _centered(text: str, role: str, tag: str = "p") -> Block:
    return Block((Text(text, bold=tag == "p"),), role=role, tag=tag, center=True)


def _title(w: Writer, text: str) -> Block:
    """The typed title: usually a centred heading, sometimes a centred bold paragraph."""
    return _centered(text, "title", "h3" if w.rng.random() < 0.75 else "p")


def _section(w: Writer, label: str, section: str | None, count: int) -> list[Block]:
    """A label and its paragraphs; the label stands alone or starts the first paragraph."""
    paragraphs = [w.paragraph() for _ in range(count)]
    if w.rng.random() < 0.2:
        first = (Text(label, bold=True), Text(" "), *paragraphs[0])
        head = [Block(first, role="label", section=section)]
        paragraphs = paragraphs[1:]
    else:
        head = [Block((Text(label, bold=True),), role="label", section=section)]
    return head + [Block(p, section=section) for p in paragraphs]


def _signed(lines: list[str]) -> Block:
    parts: list[Inline] = []
    for line in lines:
        parts += [Br(), Text(line, bold=True)]
    return Block(tuple(parts[1:]), role="signoff")


def _opening(w: Writer, entry: Entry, title: str, banner: bool) -> tuple[list[Block], str | None]:
    """Basmala, banner, title, optional subtitle and "(Translated)"."""
    lex = w.lex
    blocks = [_centered(BASMALA, "text")]
    if banner:
        image = Image(f"{SITE}/images/banners/nc.png", "NC")
        blocks.append(Block((image,), center=True))
    blocks.append(_title(w, title))
    subtitle = w.heading(5, 10) if w.rng.random() < 0.2 else None
    if subtitle:
        blocks.append(_centered(subtitle, "subtitle", "h4"))
    if lex.translated and w.rng.random() < 0.5:
        blocks.append(_centered(lex.translated, "translated"))
    if w.rng.random() < 0.15:
        picture = Image(f"{SITE}/images/{lex.lang}/{entry.published.year}/{entry.item_id}.jpg")
        blocks.append(Block((picture,), center=True))
    return blocks, subtitle


def news_comment(w: Writer, entry: Entry) -> Content:
    lex = w.lex
    title = w.heading()
    blocks, subtitle = _opening(w, entry, title, banner=True)
    blocks += _section(w, lex.labels[0], "news", w.rng.randint(1, 3))
    blocks += _section(w, lex.labels[1], "comment", w.rng.randint(2, 5))
    author = w.name()
    blocks.append(_signed([lex.signoff, author]))
    return _content(w, entry, title, subtitle, blocks, author=author)


def article(w: Writer, entry: Entry) -> Content:
    lex = w.lex
    title = w.heading()
    blocks, subtitle = _opening(w, entry, title, banner=False)
    for _ in range(w.rng.randint(1, 3)):
        blocks += [Block(w.paragraph()) for _ in range(w.rng.randint(1, 3))]
        if w.rng.random() < 0.5:  # a sub-heading, never straight after the title
            blocks.append(Block((Text(w.heading(3, 6)),), tag="h4"))
    blocks.append(Block(w.paragraph()))
    author = w.name()
    blocks.append(_signed([lex.signoff, author]))
    return _content(w, entry, title, subtitle, blocks, author=author)


def _header_rows(w: Writer, cells: list[list[str]]) -> list[Block]:
    """The press-release header: a table, ``|``-separated paragraphs, or (a variant) plain
    lines with the date and number on one line, the number first in another (tr's
    ``No: … H. …``)."""
    if w.rng.random() < 0.6:
        return [
            Block((), role="header", tag="tr", cells=tuple((Text(c),) for c in row))
            for row in cells
        ]
    if w.lex.lang != "ar" and w.varies("unpiped_header"):
        rows = [row[::-1] for row in cells] if w.varies("number_first") else cells
        return [Block((Text(" ".join(row)),), role="header") for row in rows]
    lines = [" | ".join(row) + (" |" if len(row) > 1 else "") for row in cells]
    return [Block((Text(line),), role="header") for line in lines]


def _printed_hijri(w: Writer, entry: Entry) -> Hijri:
    offset = 0
    if w.rng.randrange(100) < HIJRI_OFFSET_PERCENT:
        offset = w.rng.choice((-1, 1))
    return datefmt.hijri_of(entry.published.date(), offset)


def _wrong_year(hijri: Hijri) -> Hijri:
    """The same day and month in the wrong year (day 30 becomes 29 where that month is short)."""
    month = Hijri(hijri.year + WRONG_HIJRI_YEAR, hijri.month, 1)
    return Hijri(month.year, month.month, min(hijri.day, month.month_length()))


def press_release(w: Writer, entry: Entry) -> Content:
    lex = w.lex
    day = entry.published.date()
    hijri = _printed_hijri(w, entry)
    office = entry.menu.office
    n = w.rng.randint(1, 150)
    reference = lex.localise_digits(lex.pr_ref.format(hy=hijri.year, n3=f"{n:03d}"))
    if entry.hijri_error:  # only the H. line's year is wrong: the reference keeps the right one
        hijri = _wrong_year(hijri)
    h_line = lex.pr_h_line.format(hijri=datefmt.hijri_date(lex, hijri))
    m_line = lex.pr_m_line.format(date=datefmt.long_date(lex, day))
    media_office, label = lex.media_office, lex.press_release
    if w.varies(variants.spelling_variant(media_office)):
        media_office, label = (variants.spelled(w.variants, t) for t in (media_office, label))
    rows = [[media_office], [office], [h_line, lex.pr_no.format(ref=reference)], [m_line]]
    if lex.lang == "pe" and w.varies("office_after_dates"):
        rows = [rows[0], rows[2], rows[3], rows[1]]
    blocks = _header_rows(w, rows)
    title = w.heading()
    if entry.published.year < variants.OLD_BEFORE and w.varies("label_title"):
        shape = variants.LABEL_TITLE.get(lex.lang, variants.LABEL_TITLE_DEFAULT)
        blocks.append(_centered(shape.format(label=label, title=title), "title"))
    else:
        blocks.append(_centered(label, "header"))
        blocks.append(_title(w, title))
    if lex.translated and w.rng.random() < 0.5:
        blocks.append(_centered(lex.translated, "translated"))
    blocks += [Block(w.paragraph()) for _ in range(w.rng.randint(2, 6))]
    address = f"press{entry.item_id % 7}@example.org"
    if w.rng.random() < 0.2:
        sentence = w.sentence()
        blocks.append(Block((Text(sentence + " "), Email(address, f"b{entry.item_id:x}"))))
    author: str | None = None
    if w.rng.random() < 0.6:
        author = w.name()
        blocks.append(_signed(_person_signature(w, author, office)))
    elif w.varies("office_signature"):
        first, second = variants.OFFICE_SIGNATURES[lex.lang]
        blocks.append(_signed([first, second.format(office=office)]))
    else:
        blocks.append(_signed([lex.media_office, office]))
    phone = f"+{w.rng.randint(10, 99)} {w.rng.randint(100, 999)} {w.rng.randint(1000, 9999)}"
    label_address, label_phone, label_mail = lex.pr_contact
    footer: list[tuple[Inline, ...]] = [
        (Text(f"{lex.media_office} - {office}"),),
        (Text(f"{label_address}: "), Link(f"{SITE}/{lex.lang}/", f"{SITE}/{lex.lang}/")),
        (Text(f"{label_phone} {phone}"),),
        (Text(f"{label_mail} "), Email(address, f"f{entry.item_id:x}")),
    ]
    blocks += [Block((), role="footer", tag="tr", cells=(cell,)) for cell in footer]
    return _content(
        w, entry, title, None, blocks, author=author, office=office, reference=reference,
        published_hijri=datefmt.hijri_iso(hijri),
    )  # fmt: skip


def _person_signature(w: Writer, name: str, office: str) -> list[str]:
    """A name and its role line; variants take other role words, or put the role first."""
    role = w.lex.pr_role
    if w.varies("signature_role"):
        role = w.variants.choice((role, *variants.ROLES[w.lex.lang]))
    lines = [name, role.format(office=office)]
    return lines[::-1] if w.varies("role_above_name") else lines


def qa(w: Writer, entry: Entry) -> Content:
    lex = w.lex
    day = entry.published.date()
    title = lex.qa_title.format(topic=w.heading(3, 7))
    blocks = [_title(w, title), _centered(BASMALA, "text")]
    blocks += _section(w, lex.qa_labels[0], None, w.rng.randint(1, 2))
    blocks += _section(w, lex.qa_labels[1], None, w.rng.randint(3, 6))
    hijri = _printed_hijri(w, entry)
    hijri_line = lex.qa_hijri.format(hijri=datefmt.hijri_date(lex, hijri))
    date_line = datefmt.pattern(lex, lex.qa_date, day, hijri)
    blocks.append(_signed([lex.qa_brother, lex.ameer, hijri_line, date_line]))
    return _content(
        w, entry, title, None, blocks, author=lex.ameer, published_hijri=datefmt.hijri_iso(hijri)
    )


def headlines(w: Writer, entry: Entry) -> Content:
    lex = w.lex
    day = entry.published.date()
    printed = datefmt.pattern(lex, "{gd}/{gm}/{gy}", day, datefmt.hijri_of(day))
    title = lex.headlines_title.format(country=w.rng.choice(lex.countries), date=printed)
    for name, shapes in variants.DIGEST_TITLES.items():
        if w.varies(name):
            offices = [m.office for m in lex.menus if m.office]
            region = w.variants.choice(variants.regions(lex.lang, offices))
            title = shapes[lex.lang].format(region=region, date=printed)
            break
    blocks = [_title(w, title)]
    for _ in range(w.rng.randint(3, 5)):
        blocks.append(Block((Text(w.heading(5, 9), bold=True),)))
        blocks.append(Block(w.paragraph()))
    return _content(w, entry, title, None, blocks)


def media(w: Writer, entry: Entry) -> Content:
    lex = w.lex
    title = w.heading()
    blocks = [_title(w, title), Block(w.paragraph())]
    if w.rng.random() < 0.5:
        video = f"https://www.youtube.com/embed/r{entry.item_id:x}{w.rng.randint(100, 999)}"
        blocks.append(Block((Frame(video),), tag="div"))
    else:
        ext = w.rng.choice(("mp3", "mp4", "pdf"))
        url = f"{SITE}/{lex.lang}/media/{entry.published.year}/{entry.item_id}.{ext}"
        blocks.append(Block((Link(lex.media_link, url),)))
    return _content(w, entry, title, None, blocks)


def _event_date(w: Writer, entry: Entry, blocks: list[Block]) -> None:
    """A variant: a sentence naming an earlier day (an event's, never the item's) goes into
    the last plain paragraph, as a Gregorian, a Hijri or a dual date in the section's words."""
    plain = [i for i, b in enumerate(blocks) if (b.role, b.tag, b.center) == ("text", "p", False)]
    plain = [i for i in plain if all(isinstance(p, Text) for p in blocks[i].inlines)]
    if not plain or not w.varies("event_date"):
        return
    index = plain[-1]
    day = entry.published.date() - timedelta(days=w.variants.randint(*variants.EVENT_DAYS))
    hijri = datefmt.hijri_of(day)
    if w.varies("event_dual_date"):  # both, as a Q&A signature prints its own day
        printed = " ".join(
            (
                w.lex.qa_hijri.format(hijri=datefmt.hijri_date(w.lex, hijri)),
                datefmt.pattern(w.lex, w.lex.qa_date, day, hijri),
            )
        )
    else:
        printed = w.variants.choice(
            (datefmt.long_date(w.lex, day), datefmt.hijri_date(w.lex, hijri))
        )
    words = w.variants.choices(w.lex.words, k=w.variants.randint(3, 6))
    sentence = f"{' '.join(words[:2])} {printed} {' '.join(words[2:])}{w.lex.full_stop}"
    block = blocks[index]
    blocks[index] = Block((*block.inlines, Text(" " + sentence)), section=block.section)


def _content(
    w: Writer,
    entry: Entry,
    title: str,
    subtitle: str | None,
    blocks: list[Block],
    author: str | None = None,
    office: str | None = None,
    reference: str | None = None,
    published_hijri: str | None = None,
) -> Content:
    """Finish an item: an event's date, tags, an empty paragraph now and then, the intro/full-
    text split."""
    _event_date(w, entry, blocks)
    tags = tuple(w.rng.sample(w.lex.countries + w.lex.topics, w.rng.randint(0, 4)))
    after_title = next(i for i, b in enumerate(blocks) if b.role == "title") + 1
    if w.rng.random() < 0.2:
        blocks.insert(after_title, Block((Text("\u00a0"),)))
    return Content(
        title=title,
        subtitle=subtitle,
        translated=any(b.role == "translated" for b in blocks),
        blocks=tuple(blocks),
        intro_count=after_title if w.rng.random() < 0.3 else 0,
        author=author,
        office=office,
        reference=reference,
        published_hijri=published_hijri,
        tags=tags,
    )


BUILDERS: dict[str, Callable[[Writer, Entry], Content]] = {
    "news_comment": news_comment,
    "press_release": press_release,
    "qa": qa,
    "headlines": headlines,
    "article": article,
    "media": media,
}


def generate(lex: Lexicon, entry: Entry, seed: int) -> Content:
    """The content of one item, the same for the same (seed, lang, item id)."""
    rng = random.Random(f"{seed}:{entry.lang}:{entry.item_id}")
    writer = Writer(lex, rng, variants.stream(seed, entry.lang, entry.item_id))
    content = BUILDERS[entry.menu.kind](writer, entry)
    if writer.varies("title_affix"):
        old = entry.published.year < variants.OLD_BEFORE
        longer = writer.varies("title_site_forms")
        page, og = variants.page_titles(writer.variants, lex.lang, content.title, old, longer)
        content = dataclasses.replace(content, page_title=page, og_title=og)
    return dataclasses.replace(content, printed_variants=tuple(writer.printed))
