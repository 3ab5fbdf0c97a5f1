"""Text rules: white space, paragraphs, ``<br>``, cloaked e-mails (docs/markup.md, "The content
block"), on strings and on small HTML fragments."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from archiver.pages.blocks import Block, render_blocks
from archiver.text import decode_cloaked_emails, flat, join_lines, join_paragraphs, squash

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzبسمالهرح", min_size=1, max_size=8)
SPACE = st.text(alphabet=" \t\n\r\xa0\u2003", min_size=1, max_size=4)


def blocks(fragment: str) -> list[Block]:
    root = etree.fromstring(f"<div>{fragment}</div>", etree.HTMLParser())
    return render_blocks(root.xpath("//body/div")).blocks


def texts(fragment: str) -> list[str]:
    return [b.text for b in blocks(fragment)]


def test_squash_collapses_every_kind_of_space() -> None:
    assert squash("  a\t\tb\n\xa0c\u2003 ") == "a b c"


def test_join_lines_drops_empty_lines() -> None:
    assert join_lines([" a  b", "\xa0", "c "]) == "a b\nc"


def test_join_paragraphs() -> None:
    assert join_paragraphs(["a", "", "b"]) == "a\n\nb"
    assert join_paragraphs(["", ""]) is None


def test_flat_turns_line_breaks_into_spaces() -> None:
    assert flat("Written by\n  Someone") == "Written by Someone"


@given(st.lists(st.tuples(WORD, SPACE), min_size=1, max_size=12), SPACE, SPACE)
def test_runs_of_white_space_become_one_space(
    words: list[tuple[str, str]], lead: str, trail: str
) -> None:
    raw = lead + "".join(w + s for w, s in words) + trail
    assert squash(raw) == " ".join(w for w, _ in words)


@given(st.lists(st.lists(WORD, min_size=1, max_size=5), min_size=1, max_size=6))
def test_paragraphs_render_in_order_one_per_p(paragraphs: list[list[str]]) -> None:
    fragment = "".join("<p>" + " \n ".join(words) + "</p><p>&nbsp;</p>" for words in paragraphs)
    assert texts(fragment) == [" ".join(words) for words in paragraphs]


def test_br_is_a_line_break_inside_a_paragraph() -> None:
    assert texts("<p>one<br/>  two <br><br> three</p>") == ["one\ntwo\nthree"]


def test_nested_blocks_and_loose_text_each_make_a_paragraph() -> None:
    fragment = "loose <div>inner <p>para</p> tail</div><ul><li>x</li><li>y</li></ul>"
    assert texts(fragment) == ["loose", "inner", "para", "tail", "x", "y"]


def test_table_rows_are_paragraphs_with_cells_spaced() -> None:
    assert texts("<table><tr><td>H. 1</td><td>No: 2</td></tr><tr><td>M.</td></tr></table>") == [
        "H. 1 No: 2",
        "M.",
    ]


def test_scripts_styles_images_and_embeds_print_nothing() -> None:
    fragment = (
        '<p>a<script>var x = "no";</script><style>p{}</style><img alt="NC" src="x.png"/>b</p>'
        '<p><iframe src="v"></iframe></p>'
    )
    assert texts(fragment) == ["ab"]


def test_headings_and_centred_bold_paragraphs_are_heading_like() -> None:
    found = blocks(
        '<h3>T</h3><p style="text-align:center"><strong>S</strong></p>'
        "<p><strong>Label:</strong></p><p>plain <b>bold</b></p>"
        '<p align="center">centred, not bold</p>'
    )
    assert [(b.text, b.heading, b.bold) for b in found] == [
        ("T", True, True),
        ("S", True, True),
        ("Label:", False, True),
        ("plain bold", False, False),
        ("centred, not bold", False, False),
    ]


def test_press_release_tables_mark_their_region() -> None:
    found = blocks(
        '<table class="prHeader"><tr><td>Media Office</td></tr></table><p>x</p>'
        '<table class="prFooter"><tr><td>Tel: 1</td></tr></table>'
    )
    assert [(b.text, b.region) for b in found] == [
        ("Media Office", "header"),
        ("x", ""),
        ("Tel: 1", "footer"),
    ]


def _cloak_script(key: str, chunks: list[str]) -> str:
    first, rest = chunks[0], chunks[1:]
    literals = " + ".join(f"'{c}'" for c in rest) or "''"
    return (
        f"document.getElementById('cloak{key}').innerHTML = '';"
        f" var addy{key} = '{first}'; addy{key} = addy{key} + {literals};"
        f" var addy_text{key} = 'link text';"
    )


def test_cloaked_email_takes_the_place_of_its_span() -> None:
    script = _cloak_script("ab12", ["info", "&#64;", "example", "&#46;", "org"])
    fragment = (
        '<p>Mail <span id="cloakab12">This email address is being protected.</span>'
        f"<script>{script}</script> now.</p>"
    )
    rendered = render_blocks(
        etree.fromstring(f"<div>{fragment}</div>", etree.HTMLParser()).xpath("//body/div")
    )
    assert [b.text for b in rendered.blocks] == ["Mail info@example.org now."]
    assert rendered.undecoded_emails == 0


def test_cloaked_email_without_its_script_is_counted() -> None:
    fragment = '<p>Mail <span id="cloak9">protected</span> now.</p>'
    rendered = render_blocks(
        etree.fromstring(f"<div>{fragment}</div>", etree.HTMLParser()).xpath("//body/div")
    )
    assert [b.text for b in rendered.blocks] == ["Mail now."]
    assert rendered.undecoded_emails == 1


ADDRESS = st.from_regex(r"[a-z][a-z0-9._-]{0,10}@[a-z0-9-]{1,10}\.[a-z]{2,4}", fullmatch=True)


@given(ADDRESS, st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=8))
def test_cloaked_addresses_decode_whatever_the_split(address: str, cuts: list[int]) -> None:
    encoded = "".join(f"&#{ord(c)};" if c in "@." else c for c in address)
    chunks, position = [], 0
    for cut in cuts:
        if position < len(encoded):
            chunks.append(encoded[position : position + cut])
            position += cut
    chunks.append(encoded[position:])
    assert decode_cloaked_emails(_cloak_script("f00d", chunks)) == {"f00d": address}
    assert html.unescape(encoded) == address


def test_the_walk_collects_links_images_and_embeds_in_document_order() -> None:
    fragment = (
        '<p><a href="/a">one</a> <a>no href</a><a href="/b"><img src="/i1.png"></a></p>'
        '<table class="prFooter"><tr><td><a href="/office">office</a></td></tr></table>'
        '<noscript><a href="/c">c</a><img src="/i2.png"></noscript>'
        '<span id="cloak7"><a href="/d">d</a></span>'
        '<video src="/v.mp4"><source src="/v.webm"></video><object data="/o.swf"></object>'
        '<p><img src="/i3.png"><iframe src="/e"></iframe></p>'
    )
    rendered = render_blocks(
        etree.fromstring(f"<div>{fragment}</div>", etree.HTMLParser()).xpath("//body/div")
    )
    assert rendered.links == ["/a", "/b", "/c", "/d"]
    assert rendered.images == ["/i1.png", "/i2.png", "/i3.png"]
    assert rendered.embeds == ["/v.mp4", "/v.webm", "/o.swf", "/e"]


def test_a_content_element_inside_a_press_release_table_has_no_links() -> None:
    root = etree.fromstring(
        '<table class="prHeader"><tr><td><div><a href="/x">x</a></div></td></tr></table>',
        etree.HTMLParser(),
    )
    rendered = render_blocks(root.xpath("//td/div"))
    assert [b.text for b in rendered.blocks] == ["x"]
    assert rendered.links == []
