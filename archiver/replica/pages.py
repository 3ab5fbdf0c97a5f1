"""Whole HTML pages around the content: item layouts, the print view, listings, chrome.

Pure functions of their inputs (the serving day included), so a page is the same bytes for
the same arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from archiver.replica import chrome, datefmt
from archiver.replica.blocks import Block, Image, render_blocks
from archiver.replica.catalog import Entry
from archiver.replica.content import Content
from archiver.replica.lexicon import Lexicon, Menu
from archiver.replica.paths import PRINT_QUERY, href, listing_path

_SCRIPTS = (
    '<script src="/media/jui/js/jquery.min.js" type="text/javascript"></script>\n'
    '<script src="/templates/gk_news/js/gk.scripts.js" type="text/javascript"></script>'
)
_CLOCK = (
    '<script type="text/javascript">\n'
    "function gkClock(){var n=new Date();"
    "var d=new Date(n.getTime()+n.getTimezoneOffset()*60000+10800000);"
    "document.getElementById('gkClock').textContent=d.toTimeString().slice(0,8);}"
    "\nsetInterval(gkClock,1000);\n</script>"
)
# Under a listing's title: a mail link and an off-site link, neither of which a crawler fetches.
_CONTACT = (
    '<div class="itemListCategory"><p><a href="mailto:media@example.org">media@example.org</a>'
    ' | <a href="https://www.example.org/feeds/media-office.rss">RSS</a></p></div>'
)


@dataclass(frozen=True)
class Listed:
    """An item as a page links to it."""

    entry: Entry
    content: Content
    path: str


def _e(text: str) -> str:
    return escape(text, quote=True)


def _link_list(css: str, heading: str, items: list[tuple[str, str]]) -> str:
    rows = "".join(f'<li><a href="{href(path)}">{_e(text)}</a></li>' for text, path in items)
    return f'<div class="moduletable {css}"><h3>{_e(heading)}</h3><ul>{rows}</ul></div>'


def _document(lex: Lexicon, title: str, head: str, body: str) -> str:
    direction = "rtl" if lex.rtl else "ltr"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lex.lang}" dir="{direction}">\n<head>\n'
        '<meta http-equiv="content-type" content="text/html; charset=utf-8" />\n'
        f"<title>{_e(title)}</title>\n{head}"
        '<link rel="stylesheet" href="/templates/gk_news/css/template.css" type="text/css" />\n'
        f"{_SCRIPTS}\n</head>\n{body}\n</html>\n"
    )


def _chrome(lex: Lexicon, today: date, main: str, side: str) -> str:
    """The template around every page: date widget, clock, menus, side modules, footer."""
    menus = [(lex.latest.name, listing_path(lex, lex.latest))]
    menus += [(m.name, listing_path(lex, m)) for m in lex.menus]
    return (
        '<body id="gkPage">\n<a id="startOfPage"></a>\n<header id="gkHeader">\n'
        f'<div class="gkDate">{_e(datefmt.widget(lex.lang, today))}</div>\n'
        '<div class="gkTime">Time now: (M.M.T) <span id="gkClock"></span></div>\n'
        f'<nav id="gkMainMenu"><h3>Menu</h3>{_link_list("menu", "Main menu", menus)}</nav>\n'
        f'</header>\n<div id="gkContent">\n<main id="gkMainbody">\n{main}\n</main>\n'
        f'<aside id="gkSidebar">\n{side}\n</aside>\n</div>\n'
        f'<footer id="gkFooter"><p>© {_e(lex.site_name)}</p></footer>\n{_CLOCK}\n</body>'
    )


def _side(lex: Lexicon, most_read: list[Listed], latest: list[Listed]) -> str:
    return "\n".join(
        (
            _link_list("mostread", lex.most_read, [(i.content.title, i.path) for i in most_read]),
            _link_list("latest", lex.latest_module, [(i.content.title, i.path) for i in latest]),
        )
    )


def _text_block(blocks: tuple[Block, ...], css: str) -> str:
    return f'<div class="{css}">\n{render_blocks(list(blocks))}\n</div>' if blocks else ""


def _item_body(item: Listed) -> str:
    content = item.content
    split = content.intro_count
    hits = item.entry.item_id % 997 + 13
    return (
        '<div class="itemBody">\n'
        f"{_text_block(content.blocks[:split], 'itemIntroText')}\n"
        f"{_text_block(content.blocks[split:], 'itemFullText')}\n"
        f'<div class="itemContentFooter"><span class="itemHits">Read <b>{hits}</b> times'
        "</span></div>\n</div>"
    )


def _item_links(lex: Lexicon, item: Listed) -> str:
    menu = item.entry.menu
    tags = "".join(
        f'<li><a href="{href(f"/{lex.lang}/index.php/itemlist/tag/{t}")}">{_e(t)}</a></li>'
        for t in item.content.tags
    )
    tag_block = f'<div class="itemTagsBlock"><ul class="itemTags">{tags}</ul></div>' if tags else ""
    return (
        f'<div class="itemLinks"><div class="itemCategory"><span>{_e(lex.published_in)}</span> '
        f'<a href="{href(listing_path(lex, menu))}">{_e(menu.name)}</a></div>{tag_block}</div>'
    )


def _day_text(lex: Lexicon, entry: Entry) -> str:
    day = entry.published.date()
    return datefmt.pattern(lex, "{gd} {gmonth} {gy}", day, datefmt.hijri_of(day))


def _stock_header(lex: Lexicon, item: Listed) -> str:
    created = datefmt.k2_date(lex, item.entry.published)
    return (
        f'<div class="itemHeader"><span class="itemDateCreated">{_e(created)}'
        f'</span>\n<h2 class="itemTitle">{_e(item.content.title)}</h2></div>'
    )


def _head(lex: Lexicon, item: Listed) -> tuple[str, str]:
    """The ``<title>`` text and the meta tags; site name and og: attribute vary per item (and
    a variant's affixed titles, ``variants.page_titles``, replace the plain rule)."""
    content = item.content
    salt = item.entry.item_id
    title = content.page_title or (
        f"{lex.site_name} - {content.title}"
        if salt % 5 == 0
        else f"{content.title} - {lex.site_name}"
    )
    og = "property" if salt % 3 == 0 else "name"
    head = (
        f'<meta name="keywords" content="{_e(", ".join(content.tags))}" />\n'
        f'<meta name="description" content="{_e(content.summary(20))}" />\n'
        f'<meta {og}="og:title" content="{_e(content.og_title or content.title)}" />\n'
        f'<meta {og}="og:type" content="article" />\n'
    )
    return title, head


def teaser(lex: Lexicon, item: Listed) -> chrome.Teaser:
    return chrome.Teaser(
        item.content.title, item.path, _day_text(lex, item.entry), item.entry.item_id
    )


def section_chrome(
    lex: Lexicon, side: tuple[list[Listed], list[Listed]], by_menu: dict[str, list[Listed]]
) -> chrome.Chrome:
    """A section's item-page template; ``by_menu`` holds each menu's newest items."""
    most_read, latest = side
    return chrome.section_chrome(
        lex,
        tuple(teaser(lex, i) for i in most_read),
        tuple(teaser(lex, i) for i in latest),
        {path: tuple(teaser(lex, i) for i in items) for path, items in by_menu.items()},
    )


def _first_image(content: Content) -> str | None:
    images = (part for b in content.blocks for part in b.inlines if isinstance(part, Image))
    return next((image.src for image in images), None)


def item_page(lex: Lexicon, item: Listed, today: date, template: chrome.Chrome) -> str:
    """An item page in its layout (``k2_site``, ``k2_stock`` or ``gavick``), in the template."""
    layout = item.entry.layout
    content = item.content
    item_id = item.entry.item_id
    parts: list[str] = []
    if layout == "k2_stock":
        parts.append(_stock_header(lex, item))
    elif layout == "gavick":
        iso = item.entry.published.isoformat()
        shown = _day_text(lex, item.entry)
        parts.append(
            f'<header><h1>{_e(content.title)}</h1><ul><li class="itemDateCreated">'
            f'<time datetime="{iso}">{_e(shown)}</time></li></ul></header>'
        )
    mail = href("/index.php/component/mailto/", f"tmpl=component&link={item_id}")
    parts += [
        '<div class="itemToolbar"><ul><li><a class="itemPrintLink" rel="nofollow" '
        f'href="{_e(href(item.path, PRINT_QUERY))}">Print</a></li>'
        f'<li><a class="itemEmailLink" rel="nofollow" href="{_e(mail)}">E-mail</a></li>'
        '<li><span class="itemTextResizerTitle">font size</span>'
        '<a href="#" id="fontDecrease"><span>decrease font size</span></a>'
        '<a href="#" id="fontIncrease"><span>increase font size</span></a></li></ul></div>',
        _item_body(item),
        chrome.share(item.path, content.title),
        _item_links(lex, item),
        chrome.related_items(template.related[item.entry.menu.path], item_id),
        chrome.comment_form(lex, item_id),
        f'<div class="itemBackToTop"><a class="k2Anchor" href="#startOfPage">'
        f"{_e(lex.back_to_top)}</a></div>",
    ]
    tag = "article" if layout == "gavick" else "div"
    main = f'<{tag} id="k2Container" class="itemView">\n' + "\n".join(parts) + f"\n</{tag}>"
    title, head = _head(lex, item)
    body = (
        f'{template.top}<div class="gkDate">{_e(datefmt.widget(lex.lang, today))}</div>\n'
        f"{template.header}{chrome.breadcrumbs(lex, item.entry.menu, content.title)}\n"
        f'<div id="gkContent">\n<main id="gkMainbody">\n{main}\n</main>\n'
        f'<aside id="gkSidebar">\n{template.sidebar}\n</aside>\n</div>\n'
        f"{template.footer}{_CLOCK}\n</body>"
    )
    head += chrome.item_head(item.path, _first_image(content)) + template.head
    return _document(lex, title, head, body)


def print_page(lex: Lexicon, item: Listed) -> str:
    """The print view: the item alone, stock K2 header, no template chrome."""
    title, head = _head(lex, item)
    main = (
        '<div id="k2Container" class="itemView">\n'
        f"{_stock_header(lex, item)}\n{_item_body(item)}\n{_item_links(lex, item)}\n</div>"
    )
    body = f'<body class="contentpane">\n{main}\n<script>window.print();</script>\n</body>'
    return _document(lex, title, head, body)


def _pagination(lex: Lexicon, path: str, start: int, size: int, total: int) -> str:
    """Joomla's pagination: start/prev, a window of page numbers, next/end and the counter."""
    pages = max(1, -(-total // size))
    page = start // size + 1

    def link(css: str, label: str, target: int, active: bool) -> str:
        if not active:
            return f'<li class="{css}"><span class="pagenav">{_e(label)}</span></li>'
        url = href(path, f"start={target}" if target else "")
        title = f' title="{_e(label)}"' if not label.isdigit() else ""
        return f'<li class="{css}"><a class="pagenav"{title} href="{_e(url)}">{_e(label)}</a></li>'

    first = max(1, min(page - 4, pages - 9))
    numbers = [
        link("", str(n), (n - 1) * size, n != page).replace(' class=""', "")
        for n in range(first, min(pages, first + 9) + 1)
    ]
    items = [
        link("pagination-start", lex.start_title, 0, page > 1),
        link("pagination-prev", lex.prev_title, max(0, start - size), page > 1),
        *numbers,
        link("pagination-next", lex.next_title, start + size, start + size < total),
        link("pagination-end", lex.end_title, (pages - 1) * size, page < pages),
    ]
    counter = lex.page_counter.format(page=page, pages=pages)
    return (
        f'<div class="pagination"><ul>{"".join(items)}</ul>'
        f'<p class="counter">{_e(counter)}</p></div>'
    )


def _listed(lex: Lexicon, item: Listed, show_date: bool) -> str:
    entry = item.entry
    shown = _e(_day_text(lex, entry)) if show_date else ""
    # A few items are linked on a mirror host, as the real listings may link them.
    url = _e(f"https://{entry.mirror}{href(item.path)}" if entry.mirror else href(item.path))
    return (
        '<div class="itemContainer"><div class="itemsContainerWrap"><article class="itemView">'
        f'<header><h4><a href="{url}">{_e(item.content.title)}</a></h4>'
        f'<ul><li class="itemDate"><time datetime="{entry.published.isoformat()}">{shown}</time>'
        f'</li><li class="itemCategory">{_e(lex.published_in)} '
        f'<a href="{_e(href(listing_path(lex, entry.menu)))}">{_e(entry.menu.name)}</a></li></ul>'
        f'</header>\n<div class="itemIntroText"><p>{_e(item.content.summary())}</p></div>'
        f'<a class="itemReadMore" href="{url}">{_e(lex.read_more)}</a></article></div></div>'
    )


def listing_page(
    lex: Lexicon,
    menu: Menu,
    items: list[Listed],
    start: int,
    total: int,
    today: date,
    side: tuple[list[Listed], list[Listed]],
) -> str:
    """A listing page; category menus put their first item in ``#itemListLeading``."""
    latest = menu.path == lex.latest.path
    leading = [] if latest else items[:1]
    primary = items[len(leading) :]
    blocks = [f'<h2 class="catTitle">{_e(menu.name)}</h2>', _CONTACT]
    if leading:
        rows = "\n".join(_listed(lex, i, True) for i in leading)
        blocks.append(f'<div id="itemListLeading">\n{rows}\n</div>')
    rows = "\n".join(_listed(lex, i, not latest) for i in primary)
    blocks.append(f'<div id="itemListPrimary">\n{rows}\n</div>')
    blocks.append(_pagination(lex, listing_path(lex, menu), start, menu.page_size, total))
    main = '<div id="k2Container" class="itemListView">\n' + "\n".join(blocks) + "\n</div>"
    body = _chrome(lex, today, main, _side(lex, *side))
    return _document(lex, f"{menu.name} - {lex.site_name}", "", body)


def home_page(lex: Lexicon, today: date, side: tuple[list[Listed], list[Listed]]) -> str:
    main = f'<div class="frontpage"><h2>{_e(lex.site_name)}</h2></div>'
    return _document(lex, lex.site_name, "", _chrome(lex, today, main, _side(lex, *side)))


def not_found_page(lex: Lexicon) -> str:
    return _document(
        lex, f"404 - {lex.not_found}", "", f"<body><h1>{_e(lex.not_found)}</h1></body>"
    )
