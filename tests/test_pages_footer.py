"""archiver/pages/footer.py: an unmarked contact footer's links leave ``links`` as its text
leaves ``body`` (issue 9). Markup is our own, of the shapes the site prints."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html

from archiver.pages.blocks import render_blocks
from archiver.pages.content import segment
from archiver.pages.footer import footer_links

HEAD = "<p>Media Office</p><p>Wilayah Sudan</p><p>M. Sunday, 21 April 2024</p>"
BODY = '<p>See <a href="/a.html">this</a>.</p>'
CONTACT_TABLE = (
    '<table><tr><td>Website<br><a href="http://www.office.example">www.office.example</a></td>'
    '<td>E-Mail: <a href="mailto:m@office.example">m@office.example</a></td></tr></table>'
)


def hrefs_left_out(markup: str) -> list[str]:
    content: Any = html.fragment_fromstring(f"<div>{markup}</div>")
    footer = segment(render_blocks([content]).blocks).footer
    return sorted(link.get("href") for link in footer_links([content], footer))


@pytest.mark.parametrize(
    ("markup", "left_out"),
    [
        (HEAD + BODY + CONTACT_TABLE, ["http://www.office.example", "mailto:m@office.example"]),
        # nested in a wrapper, the office line above it cut with it
        (
            HEAD + BODY + f"<div><p>Hizb ut Tahrir Media Office</p>{CONTACT_TABLE}</div>",
            ["http://www.office.example", "mailto:m@office.example"],
        ),
        # plain contact lines, one a link
        (
            HEAD + BODY + '<p>Tel: 0100</p><p><a href="http://www.office.example">www.office.'
            "example</a></p>",
            ["http://www.office.example"],
        ),
        # an empty paragraph after the footer changes nothing
        (
            HEAD + BODY + CONTACT_TABLE + "<p>&nbsp;</p>",
            ["http://www.office.example", "mailto:m@office.example"],
        ),
        # the contact table is not at the end: a paragraph of text follows it
        (HEAD + BODY + CONTACT_TABLE + "<p>More text.</p>", []),
        # text right after the table, in the same parent
        (HEAD + BODY + CONTACT_TABLE + "and more text.", []),
        (
            HEAD + BODY + CONTACT_TABLE + "Tel: 0100",
            ["http://www.office.example", "mailto:m@office.example"],
        ),
        # no contact footer at all
        (HEAD + BODY, []),
    ],
)
def test_footer_links_are_those_of_the_trailing_footer(markup: str, left_out: list[str]) -> None:
    assert hrefs_left_out(markup) == left_out


def test_a_body_link_before_the_footer_stays() -> None:
    assert "/a.html" not in hrefs_left_out(HEAD + BODY + CONTACT_TABLE)
