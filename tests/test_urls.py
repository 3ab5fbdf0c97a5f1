"""Item identity from URLs in every shape the site and its mirrors use."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.urls import (
    CANONICAL_HOST,
    LANGS,
    SITE_DOMAINS,
    canonical_url,
    is_site_host,
    parse_item_url,
)


@pytest.mark.parametrize(
    ("url", "key", "menu", "canonical"),
    [
        (
            "https://www.hizb-ut-tahrir.info/en/index.php/2017-01-28-14-59-33/news-comment/29123.html",
            "en/29123",
            "2017-01-28-14-59-33/news-comment",
            "https://www.hizb-ut-tahrir.info/en/index.php/2017-01-28-14-59-33/news-comment/29123.html",
        ),
        (
            "http://hizbuttahrir.today/ar/index.php/pressreleases/markazy/cmo/88000.html?tmpl=component&print=1#top",
            "ar/88000",
            "pressreleases/markazy/cmo",
            "https://www.hizb-ut-tahrir.info/ar/index.php/pressreleases/markazy/cmo/88000.html",
        ),
        (
            "https://www.hizb-ut-tahrir.info/en/index.php/q-and-a/item/1234-answer-to-question",
            "en/1234",
            "q-and-a",
            "https://www.hizb-ut-tahrir.info/en/index.php/q-and-a/item/1234-answer-to-question",
        ),
        (
            "https://hizb-ut-tahrir.info/pe/index.php/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1/8001",
            "pe/8001",
            "اخبار",
            "https://www.hizb-ut-tahrir.info/pe/index.php/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1/8001",
        ),
        (
            "http://127.0.0.1:8123/tr/index.php/basın-açıklaması/türkiye/501.html",
            "tr/501",
            "basın-açıklaması/türkiye",
            "https://www.hizb-ut-tahrir.info/tr/index.php/bas%C4%B1n-a%C3%A7%C4%B1klamas%C4%B1/t%C3%BCrkiye/501.html",
        ),
    ],
)
def test_item_urls(url: str, key: str, menu: str, canonical: str) -> None:
    ref = parse_item_url(url)
    assert ref is not None
    assert (ref.key, ref.menu_path, ref.url) == (key, menu, canonical)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.hizb-ut-tahrir.info/en/index.php/latest-articles.html",
        "https://www.hizb-ut-tahrir.info/en/index.php/latest-articles.html?start=20",
        # a dated menu alias
        "https://www.hizb-ut-tahrir.info/en/index.php/2017-01-28-14-59-33.html",
        "https://www.hizb-ut-tahrir.info/de/index.php/news/12.html",  # German is gr, not de
        "https://www.hizb-ut-tahrir.info/en/",
        "https://example.org/robots.txt",
        "https://www.hizb-ut-tahrir.info/en/index.php/x/99999999999999999999999.html",  # > int64
        "http://[::1/en/index.php/x/5.html",  # a malformed host
    ],
)
def test_not_item_urls(url: str) -> None:
    assert parse_item_url(url) is None


def test_site_hosts_and_mirrors() -> None:
    assert all(is_site_host(d) and is_site_host("www." + d) for d in SITE_DOMAINS)
    assert not is_site_host("hizb-ut-tahrir.info.evil.example")
    assert not is_site_host("127.0.0.1")
    assert is_site_host("127.0.0.1", extra_hosts=("127.0.0.1",))


menu_segment = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("Ll", "Lu", "Lo", "Nd"), exclude_characters="/?#%"
    ),
    min_size=1,
    max_size=12,
).filter(lambda s: not s.isdigit())


@given(
    lang=st.sampled_from(LANGS),
    item_id=st.integers(min_value=1, max_value=10**7),
    menu=st.lists(menu_segment, min_size=1, max_size=3),
    host=st.sampled_from([*SITE_DOMAINS, *(f"www.{d}" for d in SITE_DOMAINS), "127.0.0.1:8000"]),
    scheme=st.sampled_from(["http", "https"]),
    shape=st.sampled_from(["html", "bare", "k2"]),
    encode=st.booleans(),
)
def test_any_item_url_shape_names_its_item(
    lang: str, item_id: int, menu: list[str], host: str, scheme: str, shape: str, encode: bool
) -> None:
    path = "/".join(menu)
    tails = {"html": f"{item_id}.html", "bare": str(item_id), "k2": f"item/{item_id}-an-alias"}
    tail = tails[shape]
    full = f"/{lang}/index.php/{path}/{tail}"
    url = f"{scheme}://{host}{quote(full) if encode else full}?start=5#x"
    ref = parse_item_url(url)
    assert ref is not None
    assert (ref.lang, ref.item_id, ref.key) == (lang, item_id, f"{lang}/{item_id}")
    assert ref.menu_path == path
    # Menu segments here are letters and digits only: UTF-8 percent-encoding of all else.
    assert ref.url == f"https://{CANONICAL_HOST}{quote(full)}"
    # The canonical form is a fixed point, and encoding the wire form changes nothing.
    assert canonical_url(ref.url) == ref.url
