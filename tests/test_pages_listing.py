"""Listing pages: entries from K2's four item lists, modules ignored, the translated next link."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st
from parsel import Selector

from archiver.pages import ListingEntry, ListingPage
from archiver.urls import parse_item_url, rebase

BASE = "https://www.hizb-ut-tahrir.info"
URL = f"{BASE}/en/index.php/latest-articles.html"


def article(item_id: int, title: str, when: str | None, category: str, intro: str) -> str:
    time = f'<li class="itemDate"><time datetime="{when}">x</time></li>' if when else ""
    return f"""<div class="itemContainer"><div class="itemsContainerWrap"><article class="itemView">
<header><h4><a href="/en/index.php/2017-01-28-14-59-33/news-comment/{item_id}.html">{title}</a></h4>
<ul>{time}<li class="itemCategory">Published in <a href="/en/index.php/c.html">{category}</a></li>
</ul></header>
<div class="itemIntroText"><p>{intro}</p><p>&nbsp;</p></div>
<a class="itemReadMore" href="/en/index.php/2017-01-28-14-59-33/news-comment/{item_id}.html">Read
more...</a></article></div></div>"""


def pagination(next_item: str) -> str:
    return f"""<div class="pagination"><ul>
<li class="pagination-start"><a class="pagenav" title="Start" href="?start=0">Start</a></li>
<li class="pagination-prev"><a class="pagenav" title="Prev" href="?start=0">Prev</a></li>
<li><a class="pagenav" href="/en/index.php/latest-articles.html?start=40">3</a></li>
<li class="pagination-next">{next_item}</li>
<li class="pagination-end"><a class="pagenav" title="End" href="?start=900">End</a></li></ul>
<p class="counter">Page 2 of 46</p></div>"""


LEAD = article(
    29001, "Lead Item", "2024-11-26T10:15:00+03:00", "News &amp; Comment", "Lead  intro."
)


def listing(next_item: str) -> bytes:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Latest</title></head><body>
<nav><ul class="menu"><li><a href="/en/index.php/q-and-a.html">Q&amp;A</a></li></ul></nav>
<aside><h3>Most read</h3><ul><li><a href="/en/index.php/x/111.html">Popular</a></li></ul></aside>
<div id="k2Container" class="itemListView">
<div id="itemListLeading">{LEAD}</div>
<div id="itemListPrimary">
{article(29000, "Primary One", "2024-11-25T09:00:00+03:00", "Analysis", "One.")}
{article(28999, "Primary Two", None, "Pakistan", "Two<br/>lines.")}
</div>
<div id="itemListSecondary">
{article(28990, "Secondary", "2024-11-20T08:00:00+03:00", "Q&amp;A", "S.")}</div>
<div id="itemListLinks"><h4>More...</h4><ul>
<li><a href="/en/index.php/press-releases/pakistan/28980.html">Linked  Only</a></li></ul></div>
{pagination(next_item)}
</div>
<aside><h3>Latest</h3><ul><li><a href="/en/index.php/x/222.html">Newest module link</a></li></ul>
</aside></body></html>""".encode()


NEXT_LINK = (
    '<a class="pagenav" title="{t}" href="/en/index.php/latest-articles.html?start=40">{t}</a>'
)


Fields = tuple[str, str | None, str | None, str | None, str | None]


def fields(entry: ListingEntry) -> Fields:
    return (entry.url, entry.title, entry.datetime_raw, entry.category, entry.intro)


def test_entries_from_all_four_lists_in_page_order() -> None:
    page = ListingPage(listing(NEXT_LINK.format(t="Next")), URL)
    item = f"{BASE}/en/index.php/2017-01-28-14-59-33/news-comment"
    assert [fields(e) for e in page.entries()] == [
        (
            f"{item}/29001.html",
            "Lead Item",
            "2024-11-26T10:15:00+03:00",
            "News & Comment",
            "Lead intro.",
        ),
        (f"{item}/29000.html", "Primary One", "2024-11-25T09:00:00+03:00", "Analysis", "One."),
        (f"{item}/28999.html", "Primary Two", None, "Pakistan", "Two\nlines."),
        (f"{item}/28990.html", "Secondary", "2024-11-20T08:00:00+03:00", "Q&A", "S."),
        (
            f"{BASE}/en/index.php/press-releases/pakistan/28980.html",
            "Linked Only",
            None,
            None,
            None,
        ),
    ]


def test_next_link_found_by_its_class_whatever_its_title() -> None:
    for title in ("Next", "التالي", "Sonraki", "Weiter", "Ijayo", "بعدی"):
        page = ListingPage(listing(NEXT_LINK.format(t=title)), URL)
        assert page.next_url() == f"{BASE}/en/index.php/latest-articles.html?start=40"


def test_disabled_next_on_the_last_page() -> None:
    page = ListingPage(listing('<span class="pagenav">Next</span>'), URL)
    assert page.next_url() is None
    assert len(page.entries()) == 5


def test_built_from_a_selector_with_a_mirror_base() -> None:
    mirror = "http://hizbuttahrir.today/en/index.php/latest-articles.html?start=20"
    page = ListingPage(Selector(text=listing(NEXT_LINK.format(t="Next")).decode()), mirror)
    assert page.next_url() == "http://hizbuttahrir.today/en/index.php/latest-articles.html?start=40"
    assert page.entries()[0].url.startswith("http://hizbuttahrir.today/en/index.php/")


def test_stock_k2_category_markup() -> None:
    body = b"""<html><body><div id="k2Container" class="itemListView"><div id="itemListPrimary">
<div class="itemContainer"><div class="catItemView groupPrimary">
<div class="catItemHeader"><span class="catItemDateCreated">Tuesday, 26 November 2024 10:15</span>
<h3 class="catItemTitle"><a href="/en/index.php/q-and-a/item/31-answer">Answer</a></h3></div>
<div class="catItemBody"><div class="catItemIntroText"><p>Intro.</p></div></div>
<div class="catItemCategory"><span>Published in</span>
<a href="/en/index.php/q-and-a">Q&amp;A</a></div>
</div></div></div></div></body></html>"""
    assert [fields(e) for e in ListingPage(body, URL).entries()] == [
        (
            f"{BASE}/en/index.php/q-and-a/item/31-answer",
            "Answer",
            "Tuesday, 26 November 2024 10:15",
            "Q&A",
            "Intro.",
        )
    ]


def test_a_page_without_item_lists_has_no_entries() -> None:
    page = ListingPage(b"<html><body><ul><li><a href='/en/index.php/x/1.html'>x</a></li></ul>", URL)
    assert page.entries() == []
    assert page.next_url() is None


def with_hrefs(base_href: str | None, hrefs: list[str], next_href: str) -> bytes:
    """A listing page whose entries, "links" list and next link carry the given hrefs."""
    base = f'<base href="{escape(base_href)}">' if base_href is not None else ""
    rows = "".join(
        f'<article><header><h4><a href="{escape(h)}">T{n}</a></h4><ul><li class="itemDate">'
        f'<time datetime="2024-11-0{n % 9 + 1}T10:00:00+03:00">x</time></li></ul></header>'
        "</article>"
        for n, h in enumerate(hrefs)
    )
    links = "".join(f'<li><a href="{escape(h)}">L{n}</a></li>' for n, h in enumerate(hrefs))
    return (
        f"<html><head>{base}</head><body><div id='k2Container'>"
        f"<div id='itemListPrimary'>{rows}</div><div id='itemListLinks'><ul>{links}</ul></div>"
        f"<ul><li class='pagination-next'><a href=\"{escape(next_href)}\">Next</a></li></ul>"
        "</div></body></html>"
    ).encode()


MALFORMED = ["http://[::1/en/index.php/a/1.html", "https://www.hizb-ut-tahrir.info]/x", "//[x"]


def test_malformed_hrefs_are_skipped_and_the_good_entries_kept() -> None:
    hrefs = [MALFORMED[0], "/en/index.php/a/2.html", MALFORMED[1], "b/3.html", MALFORMED[2]]
    page = ListingPage(with_hrefs(None, hrefs, MALFORMED[0]), URL)
    assert [(e.url, e.title, e.datetime_raw) for e in page.entries()] == [
        (f"{BASE}/en/index.php/a/2.html", "T1", "2024-11-02T10:00:00+03:00"),
        (f"{BASE}/en/index.php/b/3.html", "T3", "2024-11-04T10:00:00+03:00"),
    ]
    assert page.next_url() is None


def test_a_malformed_base_href_falls_back_to_the_page_url() -> None:
    body = with_hrefs("http://[::1/", ["/en/index.php/a/2.html", "b/3.html"], "?start=20")
    page = ListingPage(body, URL)
    assert page.base_url == URL
    assert [e.url for e in page.entries()] == [
        f"{BASE}/en/index.php/a/2.html",
        f"{BASE}/en/index.php/b/3.html",
    ]
    assert page.next_url() == f"{URL}?start=20"


def test_a_good_base_href_is_what_links_are_relative_to() -> None:
    body = with_hrefs("https://hizbuttahrir.today/en/index.php/", ["a/2.html"], "x.html?start=8")
    page = ListingPage(body, URL)
    assert [e.url for e in page.entries()] == ["https://hizbuttahrir.today/en/index.php/a/2.html"]
    assert page.next_url() == "https://hizbuttahrir.today/en/index.php/x.html?start=8"


# Characters that make up URLs and break them: brackets, ports, schemes, percent signs.
HREF = st.text(alphabet=st.sampled_from("[]:/@%?#.-_ahx19é\t "), max_size=24) | st.sampled_from(
    MALFORMED
)


@given(st.lists(HREF, max_size=4), HREF | st.none(), HREF)
def test_no_href_raises(hrefs: list[str], base_href: str | None, next_href: str) -> None:
    page = ListingPage(with_hrefs(base_href, hrefs, next_href), URL)
    found = [e.url for e in page.entries()] + [page.next_url() or URL]
    for url in found:  # and what the spider does next with them
        parse_item_url(url)
        rebase(url, "http://127.0.0.1:8000")
