"""The printing variants of archiver/replica/variants.py: each renders, in every section where
it applies, as the real site prints it, and the truth stays what the page means."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from parsel import Selector

from archiver.replica import datefmt, variants
from archiver.replica.generator import Content
from archiver.replica.languages import LEXICONS, Lexicon
from archiver.replica.richtext import Block, Text, block_text
from archiver.replica.site import Replica

LANGS = tuple(LEXICONS)
DAY = date(2026, 3, 1)


def site_with(monkeypatch: pytest.MonkeyPatch, *names: str) -> Replica:
    """A replica where every eligible item prints the variants ``names`` and no other."""
    for other in variants.SHARES:
        monkeypatch.setitem(variants.SHARES, other, 100 if other in names else 0)
    return Replica(120, 1, LANGS)


def items(site: Replica, lang: str, kind: str) -> Iterator[tuple[int, Content]]:
    for item_id in site.item_ids(lang):
        if site.entry(lang, item_id).menu.kind == kind:
            yield item_id, site.content(lang, item_id)


def texts(content: Content, role: str) -> list[str]:
    return [block_text(b) for b in content.blocks if b.role == role]


def printed(block: Block) -> str:
    """A one-line block's text as the HTML carries it (spaces not collapsed)."""
    (part,) = block.cells[0] if block.cells else block.inlines
    assert isinstance(part, Text)
    return part.text


def test_every_variant_has_a_share_and_a_planned_share() -> None:
    assert set(variants.SHARES) == set(variants.PLANNED)
    assert all(0 <= s <= 100 for s in (*variants.SHARES.values(), *variants.PLANNED.values()))
    for table in (variants.SITE_FORMS, variants.ROLES, variants.OFFICE_SIGNATURES):
        assert set(table) == set(LANGS)
    assert all(set(shapes) == set(LANGS) for shapes in variants.DIGEST_TITLES.values())
    assert set(variants.DIGEST_TITLES) <= set(variants.SHARES)


@pytest.mark.parametrize("longer", [False, True])
@pytest.mark.parametrize("lang", LANGS)
def test_title_affix_on_title_and_og_title(
    monkeypatch: pytest.MonkeyPatch, lang: str, longer: bool
) -> None:
    site = site_with(monkeypatch, "title_affix", *(["title_site_forms"] if longer else []))
    forms = variants.SITE_FORMS[lang][1:] if longer else variants.SITE_FORMS[lang][:1]
    separators = variants.LONGER_SEPARATORS if longer else variants.SEPARATORS
    og_affixed = before = 0
    for item_id in site.item_ids(lang):
        content, entry = site.content(lang, item_id), site.entry(lang, item_id)
        if entry.is_seed:
            continue
        page = Selector(text=site.render_item(lang, item_id, DAY))
        shown = page.css("title::text").get()
        og = page.xpath("//meta[@name='og:title' or @property='og:title']/@content").get()
        assert shown == content.page_title and og == content.og_title
        assert og in (content.title, shown)
        affix = re.fullmatch(
            rf"(?:(?P<pre>.+)(?:{'|'.join(map(re.escape, separators))}))?"
            + re.escape(content.title)
            + rf"(?:(?:{'|'.join(map(re.escape, separators))})(?P<post>.+))?",
            shown or "",
        )
        assert affix and (affix["pre"] or affix["post"]) in forms
        assert not (affix["pre"] and entry.published.year < variants.OLD_BEFORE)
        before += bool(affix["pre"])
        og_affixed += og != content.title
        assert site.truth(lang, item_id)["title"] == content.title
        # The typed title and the headings stay bare.
        assert content.title in texts(content, "title")
    assert og_affixed and before


@pytest.mark.parametrize("lang", LANGS)
def test_label_spelling(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    site = site_with(monkeypatch, "label_spacing", "label_tatweel")
    lex = LEXICONS[lang]
    releases = list(items(site, lang, "press_release"))
    assert releases
    for item_id, content in releases:
        header = [b for b in content.blocks if b.role == "header"]
        media_office, label = printed(header[0]), printed(header[-1])
        assert media_office != lex.media_office and label != lex.press_release
        for shown, plain in ((media_office, lex.media_office), (label, lex.press_release)):
            assert " ".join(shown.replace("\u0640", "").split()) == plain
        assert site.truth(lang, item_id)["office"] == content.office == printed(header[1])
        # Arabic: tatweel, as the section prints "المكتب الإعــلامي"; elsewhere odd spaces.
        assert ("\u0640" in media_office) == (lang == "ar")


@pytest.mark.parametrize("lang", LANGS)
def test_label_and_title_in_one_paragraph_on_old_items(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    site = site_with(monkeypatch, "label_title")
    lex = LEXICONS[lang]
    seen = 0
    for item_id, content in items(site, lang, "press_release"):
        old = site.entry(lang, item_id).published.year < variants.OLD_BEFORE
        (title_line,) = texts(content, "title")
        if not old:
            assert title_line == content.title
            continue
        shape = "-{label}- {title}" if lang == "tr" else "{label} {title}"
        assert title_line == shape.format(label=lex.press_release, title=content.title)
        assert lex.press_release not in texts(content, "header")
        assert site.truth(lang, item_id)["title"] == content.title
        seen += 1
    assert seen or lang == "fr"  # fr has no items before 2023


@pytest.mark.parametrize("lang", LANGS)
def test_signatures_with_role_lines(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    site = site_with(monkeypatch, "signature_role", "role_above_name")
    lex = LEXICONS[lang]
    shapes: set[int] = set()
    for item_id, content in items(site, lang, "press_release"):
        if content.author is None:
            continue
        office = content.office
        roles = [r.format(office=office) for r in (lex.pr_role, *variants.ROLES[lang])]
        (signature,) = [b for b in content.blocks if b.role == "signoff"]
        lines = block_text(signature).split("\n")
        assert lines[0] in roles and lines[1] == content.author
        truth = site.truth(lang, item_id)
        assert truth["author"] == content.author and truth["signoff"] == " ".join(lines)
        shapes.add(roles.index(lines[0]))
    assert len(shapes) > 1  # other role words than pr_role's


@pytest.mark.parametrize("lang", LANGS)
def test_an_office_signing_in_two_lines(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    site = site_with(monkeypatch, "office_signature")
    first, second = variants.OFFICE_SIGNATURES[lang]
    seen = 0
    for item_id, content in items(site, lang, "press_release"):
        if content.author is not None:
            continue
        truth = site.truth(lang, item_id)
        assert truth["signoff"] == f"{first} {second.format(office=content.office)}"
        assert truth["author"] is None
        seen += 1
    assert seen


@pytest.mark.parametrize("name", sorted(variants.DIGEST_TITLES))
@pytest.mark.parametrize("lang", LANGS)
def test_digest_titles(monkeypatch: pytest.MonkeyPatch, lang: str, name: str) -> None:
    site = site_with(monkeypatch, name)
    lex = LEXICONS[lang]
    regions = variants.regions(lang, [m.office for m in lex.menus if m.office])
    assert regions and lex.menus[1].office not in regions  # never the central office
    digests = list(items(site, lang, "headlines"))
    assert digests
    for item_id, content in digests:
        day = site.entry(lang, item_id).published.date()
        printed = lex.localise_digits(f"{day:%d/%m/%Y}")
        shape = variants.DIGEST_TITLES[name][lang]
        assert content.title in [shape.format(region=r, date=printed) for r in regions]
        assert site.truth(lang, item_id)["kind"] == "headlines"


@pytest.mark.parametrize("number_first", [False, True])
@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "ar"])
def test_unpiped_header_lines(
    monkeypatch: pytest.MonkeyPatch, lang: str, number_first: bool
) -> None:
    site = site_with(monkeypatch, "unpiped_header", *(["number_first"] if number_first else []))
    lex = LEXICONS[lang]
    orders: set[bool] = set()
    for item_id, content in items(site, lang, "press_release"):
        header = [b for b in content.blocks if b.role == "header"]
        if header[0].cells:  # the table form is left as it was
            continue
        line = block_text(header[2])
        number = lex.pr_no.format(ref=content.reference)
        assert "|" not in line and number in line
        orders.add(line.startswith(number))
        assert site.truth(lang, item_id)["reference"] == content.reference
    assert orders == {number_first}


def test_persian_offices_after_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    site = site_with(monkeypatch, "office_after_dates")
    lex = LEXICONS["pe"]
    releases = list(items(site, "pe", "press_release"))
    assert releases
    for item_id, content in releases:
        header = texts(content, "header")
        assert header[0] == lex.media_office and header[-1] == lex.press_release
        assert header[-2] == content.office == site.truth("pe", item_id)["office"]
        assert lex.pr_no.format(ref=content.reference) in header[1]


def event_forms(lex: Lexicon, day: date, dual: bool) -> tuple[str, ...]:
    hijri = datefmt.hijri_date(lex, datefmt.hijri_of(day))
    if dual:
        gregorian = datefmt.pattern(lex, lex.qa_date, day, datefmt.hijri_of(day))
        return (f"{lex.qa_hijri.format(hijri=hijri)} {gregorian}",)
    return datefmt.long_date(lex, day), hijri


@pytest.mark.parametrize("dual", [False, True])
@pytest.mark.parametrize("lang", LANGS)
def test_a_body_names_an_event_day_that_is_not_the_items(
    monkeypatch: pytest.MonkeyPatch, lang: str, dual: bool
) -> None:
    lex = LEXICONS[lang]
    plain = Replica(120, 1, LANGS)  # the shares as committed: the truth's dates to compare
    site = site_with(monkeypatch, "event_date", *(["event_dual_date"] if dual else []))
    seen = 0
    for item_id in site.item_ids(lang)[:40]:
        entry = site.entry(lang, item_id)
        if entry.is_seed:
            continue
        body = site.truth(lang, item_id)["body"]
        day = entry.published.date()
        event_days = [
            d
            for n in range(variants.EVENT_DAYS[0], variants.EVENT_DAYS[1] + 1)
            for d in [date.fromordinal(day.toordinal() - n)]
            if any(form in body for form in event_forms(lex, d, dual))
        ]
        seen += bool(event_days)
        dates = ("published_date", "published_hijri", "date_status", "hijri_offset_days")
        truth, before = site.truth(lang, item_id), plain.truth(lang, item_id)
        assert {k: truth[k] for k in dates} == {k: before[k] for k in dates}
    assert seen >= 20


# Where a variant can show: ar prints no unpiped header and spaces no label, only ar has
# tatweel spellings, only pe moves the office, and fr (from 2023) has no item before 2016.
NOT_IN = {
    "label_spacing": {"ar"}, "label_tatweel": set(LANGS) - {"ar"}, "unpiped_header": {"ar"},
    "number_first": {"ar"}, "office_after_dates": set(LANGS) - {"pe"}, "label_title": {"fr"},
}  # fmt: skip


def test_the_end_to_end_replica_prints_every_variant_on_in_every_section(
    replica_site: Replica,
) -> None:
    """The replica the end-to-end test crawls (conftest) meets each variant whose share is not
    0 in every section where it can show, and none whose share is 0."""
    printed = {lang: set[str]() for lang in replica_site.langs}
    for lang, seen in printed.items():
        for item_id in replica_site.item_ids(lang):
            seen.update(replica_site.content(lang, item_id).printed_variants)
    for name, share in variants.SHARES.items():
        where = {lang for lang in replica_site.langs if lang not in NOT_IN.get(name, set())}
        assert {lang for lang in where if name in printed[lang]} == (where if share else set())
