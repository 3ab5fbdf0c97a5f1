"""Rules of the item page objects that fixtures show only once: title clean-up, menu paths,
header detection, kinds, layout choice, and robustness against any bytes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from hypothesis import assume, given
from hypothesis import strategies as st
from parsel import Selector

from archiver.item import ArchiveItem
from archiver.pages import PAGE_FLAGS, extract_item, page_for
from archiver.pages.article import menu_path
from archiver.pages.blocks import Block
from archiver.pages.content import Content, Header, segment
from archiver.pages.kinds import detect_kind
from archiver.pages.labels import SITE_NAMES
from archiver.pages.title import is_site_name, strip_site_name

BASE = "https://www.hizb-ut-tahrir.info"
SITES = sorted({name for names in SITE_NAMES.values() for name in names})
TITLE = st.text(
    alphabet=st.characters(categories=("L", "N"), include_characters=" ,'?"), min_size=1
).filter(lambda t: t.strip() and t.strip() not in SITES)


def test_strip_site_name_examples() -> None:
    assert strip_site_name("Lavrov Scares - Central Media Office") == "Lavrov Scares"
    assert strip_site_name("Central Media Office | Lavrov Scares") == "Lavrov Scares"
    assert strip_site_name("روسيا - المكتب الإعلامي المركزي") == "روسيا"
    assert strip_site_name("  Central Media Office ") is None
    assert strip_site_name("Answer to Question: Trade") == "Answer to Question: Trade"
    # A title that is one joining word of a name (a Hypothesis find): a title, not the name.
    assert strip_site_name("De - Afisi Kuu ya Habari") == "De"


@given(TITLE, st.sampled_from(SITES), st.sampled_from([" - ", " | ", " – "]), st.booleans())
def test_strip_site_name_either_side(title: str, site: str, sep: str, before: bool) -> None:
    # A title made only of the name's own words ("UT", "Media") reads as a longer form of the
    # name itself ("UT - Afisi Kuu ya Habari"): ambiguous by design, so not a case of this rule.
    assume(not is_site_name(f"{title} {site}"))
    raw = f"{site}{sep}{title}" if before else f"{title}{sep}{site}"
    assert strip_site_name(raw) == " ".join(title.split())


SEGMENT = st.text(
    alphabet=st.characters(categories=("L", "N"), include_characters="-_"), min_size=1, max_size=12
)


@given(st.sampled_from(["en", "ar", "ur", "pe"]), st.lists(SEGMENT, min_size=1, max_size=3))
def test_menu_path_decodes_any_section_path(lang: str, segments: list[str]) -> None:
    path = "/".join(segments)
    assert menu_path(f"{BASE}/{lang}/index.php/{quote(path)}.html") == path
    assert menu_path(f"/{lang}/index.php/{quote(path)}") == path
    assert menu_path(f"/{lang}/index.php/{quote(path)}/itemlist/category/5-x") == path


def test_menu_path_outside_a_section() -> None:
    assert menu_path("https://example.org/about.html") is None


def block(text: str, heading: bool = False, bold: bool = False) -> Block:
    return Block(text, heading, bold or heading)


def test_a_line_starting_m_dot_without_a_year_is_not_a_header() -> None:
    content = segment([block("T", heading=True), block("M. Ali said so."), block("More.")])
    assert content.header is None
    assert (content.typed_title, content.body) == ("T", "M. Ali said so.\n\nMore.")


def test_office_suffix_is_not_part_of_the_author() -> None:
    signoff = "Written for the Central Media Office of Hizb ut Tahrir by\nAli Hasan - Wilayah Sudan"
    content = segment([block("Text."), block(signoff, bold=True)])
    assert content.author == "Ali Hasan"


def test_press_signature_of_one_short_line_is_a_person() -> None:
    header = [block("Media Office"), block("Wilayah Yemen"), block("M. Friday, 01 March 2024")]
    content = segment([*header, block("Text."), block("Abdul Mumin Al-Zaila'i", bold=True)])
    assert content.header == Header("Wilayah Yemen", None, "M. Friday, 01 March 2024")
    assert (content.author, content.signoff) == ("Abdul Mumin Al-Zaila'i", "Abdul Mumin Al-Zaila'i")


def test_a_stretched_arabic_label_is_the_label_not_the_office() -> None:
    """Tatweel and diacritics in "Media Office" / "Press Release" do not make them an office."""
    for label in ("المكتب الإعــلامي", "المكتب الإعلامـي", "المَكتب الإعلامي"):
        header = [block(label), block("بيـان صحفـي"), block("M. Friday, 01 March 2024")]
        content = segment([*header, block("Text.")])
        assert content.header is not None, label
        assert content.header.office is None, label


def test_a_bold_closing_sentence_is_no_signatory() -> None:
    header = [block("M. Friday, 01 March 2024")]
    content = segment([*header, block("Text."), block("Allah is the Greatest.", bold=True)])
    assert content.author is None


def test_kind_precedence() -> None:
    press = Content(header=Header(None, None, None), has_news_labels=True)
    assert detect_kind(press, "2017-01-28-14-59-33/news-comment", None, []) == "press_release"
    plain = Content(body="x", has_news_labels=True)
    assert detect_kind(plain, "dawah/pakistan", "Pakistan Headlines 01/02/2015", []) == "headlines"
    assert detect_kind(plain, "latest-articles", None, []) == "news_comment"
    assert detect_kind(Content(body="x"), "latest-articles", None, ["a.mp3"]) == "media"
    assert detect_kind(Content(body="x" * 500), "latest-articles", None, ["a.mp3"]) == "other"


def test_print_view_recognised_by_its_body_class_without_a_query() -> None:
    html = (
        '<html><body class="contentpane"><div id="k2Container" class="itemView">'
        '<h2 class="itemTitle">T</h2><div class="itemFullText"><p>x</p></div></div></body></html>'
    )
    page = page_for(Selector(text=html), f"{BASE}/en/index.php/q-and-a/5.html")
    assert page.layout == "print"


def test_header_widget_text_is_exposed() -> None:
    html = '<html><body><div class="gkDate"> Tuesday,  24 Jumada al-awwal 1446 | 2024/11/26 </div>'
    page = page_for(Selector(text=html), f"{BASE}/en/index.php/q-and-a/5.html")
    assert page.header_widget() == "Tuesday, 24 Jumada al-awwal 1446 | 2024/11/26"


@given(st.binary(max_size=400))
def test_any_bytes_give_an_item_never_an_exception(body: bytes) -> None:
    item = extract_item(body, f"{BASE}/en/index.php/q-and-a/5.html")
    assert isinstance(item, ArchiveItem)
    assert item.key == "en/5"
    assert item.page_flags


def test_undecodable_bytes_are_replaced_and_flagged() -> None:
    body = (
        b"<html><head><title>Caf\xe9 \xff - Central Media Office</title></head><body></body></html>"
    )
    item = extract_item(body, f"{BASE}/en/index.php/q-and-a/5.html", encoding="utf-8")
    assert item.title == "Caf\ufffd \ufffd"
    assert item.page_flags == ["encoding_errors", "unknown_layout", "no_body"]


def test_docs_list_exactly_the_page_flags() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "extraction.md").read_text(encoding="utf-8")
    section = doc.split("## Page flags", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE) == list(PAGE_FLAGS)


def test_malformed_urls_are_left_out_and_flagged() -> None:
    body = (
        b"<html><body><div id='k2Container' class='itemView'><div class='itemFullText'>"
        b"<p><a href='http://[::1'>broken</a> and <a href='/en/index.php/a/2.html'>fine</a></p>"
        b"</div></div></body></html>"
    )
    item = extract_item(body, f"{BASE}/en/index.php/q-and-a/5.html")
    assert item.links == [f"{BASE}/en/index.php/a/2.html"]
    assert item.page_flags == ["no_title", "bad_urls"]
    odd = extract_item(body, "http://[::1")
    assert (odd.key, odd.url) == ("/0", "http://[::1")
    assert odd.page_flags == ["no_item_id", "no_title", "bad_urls"]
