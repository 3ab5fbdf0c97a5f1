"""The GavickPro/K2 template around an item page, as heavy as the real site's (≈60 KB a page).

What a real item page carries besides the item (``../shared/performance.md``): stylesheets and
script files, an inline style sheet and inline scripts, a top bar with the language switcher
and social links, a search form, a mega-menu whose panels show each category's newest items, an
off-canvas copy of the menu for phones, breadcrumbs, side modules (latest, most read, a tag cloud,
the monthly archive, a newsletter form, banners, a video), a footer with its own menus, and
around the item: share buttons, related items, the comment form. None of it is item text: the
page objects must see through it, and the truth never reads it.

Everything that is the same on every item page of a section is rendered once (``Chrome``);
``item_head``, ``breadcrumbs``, ``share`` and ``related`` are the per-item parts. Strings
that the lexicon does not translate are K2's English defaults (a modelling choice).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from archiver.replica.generator import SITE
from archiver.replica.languages import Lexicon, Menu
from archiver.replica.paths import href, listing_path, section_path

# The sections' names in the language switcher, in the site's order.
SECTION_NAMES = (
    ("ar", "العربية"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("gr", "Deutsch"),
    ("ur", "اردو"),
    ("pe", "فارسی"),
    ("pa", "پښتو"),
    ("sw", "Kiswahili"),
    ("fr", "Français"),
)
MENU_PICKS = 3  # newest items shown in each mega-menu panel
ARCHIVE_MONTHS = 24  # months listed by the archive module, newest first
_LAST_MONTH = (2024, 11)

_STYLESHEETS = (
    "/media/k2/assets/css/k2.fonts.css?v2.7.1",
    "/components/com_k2/css/k2.css?v2.7.1",
    "/media/jui/css/bootstrap.min.css",
    "/media/jui/css/bootstrap-responsive.min.css",
    "/media/jui/css/bootstrap-extended.css",
    "/templates/gk_news/css/k2.css",
    "/templates/gk_news/css/normalize.css",
    "/templates/gk_news/css/layout.css",
    "/templates/gk_news/css/joomla.css",
    "/templates/gk_news/css/system/system.css",
    "/templates/gk_news/css/menu/menu.css",
    "/templates/gk_news/css/gk.stuff.css",
    "/templates/gk_news/css/typography/typography.style1.css",
    "/templates/gk_news/css/typography/typography.iconset.style1.css",
    "/templates/gk_news/css/style1.css",
    "/templates/gk_news/css/font-awesome.css",
    "/modules/mod_news_pro_gk5/interface/css/style.css",
    "/modules/mod_k2_tools/tmpl/css/tagcloud.css",
)
_SCRIPT_FILES = (
    "/media/jui/js/jquery-noconflict.js",
    "/media/jui/js/jquery-migrate.min.js",
    "/media/k2/assets/js/k2.frontend.js?v2.7.1&amp;sitepath=/",
    "/media/jui/js/bootstrap.min.js",
    "/media/system/js/mootools-core.js",
    "/media/system/js/core.js",
    "/media/system/js/mootools-more.js",
    "/media/system/js/caption.js",
    "/templates/gk_news/js/gk.menu.js",
    "/templates/gk_news/js/frontpage.js",
    "/modules/mod_news_pro_gk5/interface/scripts/engine.jquery.js",
    "//s7.addthis.com/js/300/addthis_widget.js#pubid=ra-4f2a0d2b2c1e5e3a",
)
# The template's style overrides as Joomla prints them inline (fonts, widths, breakpoints).
_INLINE_STYLE = """<style type="text/css">
@font-face { font-family: 'DroidArabicKufi';
 src: url('/templates/gk_news/fonts/DroidKufi-Regular.eot');
 src: url('/templates/gk_news/fonts/DroidKufi-Regular.eot?#iefix') format('embedded-opentype'),
 url('/templates/gk_news/fonts/DroidKufi-Regular.woff') format('woff'),
 url('/templates/gk_news/fonts/DroidKufi-Regular.ttf') format('truetype'); font-weight: normal; }
@font-face { font-family: 'DroidArabicKufi';
 src: url('/templates/gk_news/fonts/DroidKufi-Bold.eot');
 src: url('/templates/gk_news/fonts/DroidKufi-Bold.eot?#iefix') format('embedded-opentype'),
 url('/templates/gk_news/fonts/DroidKufi-Bold.woff') format('woff'),
 url('/templates/gk_news/fonts/DroidKufi-Bold.ttf') format('truetype'); font-weight: bold; }
.childcontent .gkcol { width: 200px; }
body,
html,
body button,
body input,
body select,
body textarea,
.bigtitle .nspHeader,
.gkTabsWrap .gkTabs li,
.gkNspPM-VideoList figcaption p,
.box .header small,
.itemComments .itemCommentsForm label { font-family: Arial, Helvetica, sans-serif; }
.blank { font-family: Arial, Helvetica, sans-serif; }
#gkMainMenu, #gkMobileMenu, .nspInfo, .box .header, .itemView h1,
.itemView h2.itemTitle, .gkNspPM-NewsGrid .nspHeader {
 font-family: 'DroidArabicKufi', Arial, sans-serif; }
.gkPage { max-width: 1230px; }
#gkMainbody { width: 70%; }
#gkSidebar { width: 30%; }
#gkTopBar { background: #1e1e1e; color: #aaa; font-size: 12px; line-height: 36px; }
#gkTopBar a { color: #ddd; } #gkTopBar a:hover, #gkTopBar a:active { color: #fff; }
#gkHeader { background: #fff; border-bottom: 4px solid #b80000; }
.gkDate, .gkTime { color: #666; display: inline-block; font-size: 13px; margin: 0 12px; }
#gkMainMenu > ul > li > a { color: #222; font-size: 15px; font-weight: bold; padding: 0 14px; }
#gkMainMenu > ul > li.active > a, #gkMainMenu > ul > li:hover > a { color: #b80000; }
.childcontent { background: #fff; border: 1px solid #e5e5e5; box-shadow: 0 3px 6px rgba(0,0,0,.1); }
.nspArt h4.nspHeader { font-size: 14px; line-height: 20px; margin: 6px 0 2px; }
.nspArt .nspInfo { color: #999; font-size: 11px; }
.moduletable h3 { border-bottom: 2px solid #b80000; font-size: 16px; padding: 0 0 8px; }
.k2TagCloudBlock a { display: inline-block; margin: 0 6px 6px 0; padding: 2px 8px; }
.itemSocialSharing a, .gkSocialIcons a { display: inline-block; height: 32px; width: 32px; }
.itemComments .itemCommentsForm { background: #f7f7f7; padding: 24px; }
#gkFooter { background: #1e1e1e; color: #999; font-size: 12px; padding: 36px 0; }
#gkFooter a { color: #ccc; } #gkFooter ul li { display: inline-block; margin: 0 10px; }
@media (max-width: 1040px) {
 #gkMainbody, #gkSidebar { width: 100%; } .childcontent { display: none; } }
@media (max-width: 820px) { #gkMainMenu { display: none; } #gkMobileMenu { display: block; } }
@media (max-width: 580px) {
 .gkDate, .gkTime { display: none; } .itemSocialSharing { float: none; } }
@media print { #gkTopBar, #gkHeader nav, #gkSidebar, #gkFooter, .itemComments { display: none; } }
</style>"""
_INLINE_SCRIPT = """<script type="text/javascript">
jQuery(window).on('load',  function() {
				new JCaption('img.caption');
			});
var K2SitePath = '/';
$GK_PAGE_URL = '';
$GK_TMPL_URL = "/templates/gk_news";
$GK_URL = "/";
$GK_TMPL_NAME = "gk_news";
$GK_MENU = [];
$GK_MENU["animation"] = "width_height_opacity";
$GK_MENU["animation_speed"] = "fast";
$GK_MENU["wrapper"] = "#gkMainMenu";
jQuery(function($){ $('.hasTooltip').tooltip({"html": true,"container": "body"}); });
jQuery(document).ready(function(){
	jQuery('.nspMain').each(function(i, el){
		new NSP5(jQuery(el), {"links_amount":0,"speed":400});
	});
	jQuery('#gkMobileMenu select').on('change', function(){ window.location.href = this.value; });
	jQuery('#gkBackToTop').on('click', function(e){
		e.preventDefault();
		jQuery('html, body').animate({scrollTop: 0}, 400);
	});
});
</script>"""
_ANALYTICS = """<script type="text/javascript">
  var _gaq = _gaq || [];
  _gaq.push(['_setAccount', 'UA-8624021-1']);
  _gaq.push(['_setDomainName', 'hizb-ut-tahrir.info']);
  _gaq.push(['_trackPageview']);
  (function() {
    var ga = document.createElement('script'); ga.type = 'text/javascript'; ga.async = true;
    ga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www')
      + '.google-analytics.com/ga.js';
    var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(ga, s);
  })();
</script>
<script type="text/javascript">
var addthis_config = {"data_track_clickback":false,"ui_language":"auto"};
</script>"""
_SOCIAL = (
    ("facebook", "https://www.facebook.com/HizbutTahrirCMO", "Facebook"),
    ("twitter", "https://twitter.com/HTmediaoffice", "Twitter"),
    ("youtube", "https://www.youtube.com/user/MediaOfficeHT", "YouTube"),
    ("telegram", "https://t.me/htmediaoffice", "Telegram"),
    ("instagram", "https://www.instagram.com/htmediaoffice/", "Instagram"),
    ("soundcloud", "https://soundcloud.com/htmediaoffice", "SoundCloud"),
)
_BANNERS = (
    ("https://www.hizb-ut-tahrir.org", "/images/banners/hizb-ut-tahrir-org.jpg", "Hizb ut Tahrir"),
    ("https://www.alraiah.net", "/images/banners/alraiah.jpg", "Al-Raiah newspaper"),
    ("https://www.htmedia.info", "/images/banners/htmedia.jpg", "Media Office"),
    ("https://www.khilafah.com", "/images/banners/khilafah.jpg", "Khilafah.com"),
    ("https://www.hizb-ut-tahrir.info/radio", "/images/banners/radio.jpg", "Radio"),
)


@dataclass(frozen=True)
class Teaser:
    """An item as the modules show it: title, path, the day as printed and a thumbnail."""

    title: str
    path: str
    day: str
    item_id: int


@dataclass(frozen=True)
class Chrome:
    """A section's item-page template, rendered once; the serving day and the item go between."""

    head: str  # after the item's own meta tags, up to </head>
    top: str  # from <body> up to the date widget
    header: str  # after the widget: clock, logo, search, mega-menu, phone menu
    sidebar: str  # the side modules
    footer: str  # footer, trailing scripts, </body>
    related: dict[str, tuple[Teaser, ...]]  # menu path → the newest items shown for it


def _e(text: str) -> str:
    return escape(text, quote=True)


def thumbnail(item_id: int, size: str = "S") -> str:
    """K2's cached image name: the md5 of ``Image{id}``, then the size letter."""
    digest = hashlib.md5(f"Image{item_id}".encode(), usedforsecurity=False).hexdigest()
    return f"/media/k2/items/cache/{digest}_{size}.jpg"


def _teaser(item: Teaser, css: str) -> str:
    url = _e(href(item.path))
    title = _e(item.title)
    return (
        f'<div class="{css}"><a class="nspImageWrapper" href="{url}" title="{title}">'
        f'<img class="nspImage" src="{thumbnail(item.item_id)}" alt="{title}" width="120" '
        f'height="80" /></a><h4 class="nspHeader"><a href="{url}" title="{title}">{title}</a>'
        f'</h4><p class="nspInfo"><span class="nspDate">{_e(item.day)}</span></p></div>'
    )


def _head(lex: Lexicon) -> str:
    section = f"{SITE}{href(section_path(lex.lang))}"
    feed = href(listing_path(lex, lex.latest))
    links = "\n".join(
        f'<link rel="stylesheet" href="{path}" type="text/css" />' for path in _STYLESHEETS
    )
    scripts = "\n".join(
        f'<script src="{path}" type="text/javascript"></script>' for path in _SCRIPT_FILES
    )
    return (
        '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        '<meta name="generator" content="Joomla! - Open Source Content Management" />\n'
        f'<meta property="og:site_name" content="{_e(lex.site_name)}" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        '<meta name="twitter:site" content="@HTmediaoffice" />\n'
        '<link href="/templates/gk_news/images/favicon.ico" rel="shortcut icon" '
        'type="image/vnd.microsoft.icon" />\n'
        '<link rel="apple-touch-icon" sizes="180x180" '
        'href="/templates/gk_news/images/touch-icon.png" />\n'
        f'<link href="{feed}?format=feed&amp;type=rss" rel="alternate" '
        f'type="application/rss+xml" title="RSS 2.0" />\n'
        f'<link href="{feed}?format=feed&amp;type=atom" rel="alternate" '
        f'type="application/atom+xml" title="Atom 1.0" />\n'
        f'<link rel="home" href="{section}" />\n'
        f"{links}\n{_INLINE_STYLE}\n{scripts}\n{_INLINE_SCRIPT}\n"
    )


def _top(lex: Lexicon) -> str:
    switcher = "".join(
        f'<li class="lang-{lang}{" lang-active" if lang == lex.lang else ""}">'
        f'<a href="{href(section_path(lang))}" hreflang="{lang}">{_e(name)}</a></li>'
        for lang, name in SECTION_NAMES
    )
    social = "".join(
        f'<a class="gk-icon-{css}" href="{url}" target="_blank" rel="noopener" '
        f'title="{name}"><i class="fa fa-{css}"></i></a>'
        for css, url, name in _SOCIAL
    )
    return (
        f'<body id="gkPage" class="{lex.lang} {"rtl" if lex.rtl else "ltr"} '
        'option-com_k2 view-item layout-item task- itemid-101 gkHasSidebar">\n'
        '<a id="startOfPage"></a>\n'
        '<div id="gkTopBar"><div class="gkPage">'
        f'<ul class="gkLanguageSwitcher">{switcher}</ul>'
        f'<div class="gkSocialIcons">{social}</div>'
        f'<a class="gkLogin" href="{href(section_path(lex.lang) + "/login")}">Login</a>'
        "</div></div>\n"
        '<header id="gkHeader"><div class="gkPage">\n'
    )


def _menu_panel(lex: Lexicon, menu: Menu, picks: tuple[Teaser, ...]) -> str:
    topics = "".join(
        f'<li><a href="{href(f"{section_path(lex.lang)}/itemlist/tag/{t}")}">{_e(t)}</a></li>'
        for t in lex.topics
    )
    teasers = "".join(_teaser(item, "nspArt nspCol4") for item in picks)
    return (
        f'<li class="haschild"><a href="{href(listing_path(lex, menu))}" class="haschild">'
        f'{_e(menu.name)}</a><div class="childcontent"><div class="childcontent-inner">'
        f'<div class="gkcol gkcol1 first"><ul class="gkmenu level1">{topics}</ul></div>'
        f'<div class="gkcol gkcol2 last"><div class="nspMain nspFs100">'
        f'<div class="nspArts"><div class="nspArtPage">{teasers}</div></div></div></div>'
        "</div></div></li>"
    )


def _menus(lex: Lexicon, related: dict[str, tuple[Teaser, ...]]) -> str:
    menus = (lex.latest, *lex.menus)
    panels = "".join(_menu_panel(lex, menu, related[menu.path]) for menu in menus)
    home = href(section_path(lex.lang))
    options = "".join(
        f'<option value="{href(listing_path(lex, menu))}">{_e(menu.name)}</option>'
        for menu in menus
    )
    return (
        f'<nav id="gkMainMenu" class="gkMenuClassic"><h3>Menu</h3>'
        f'<ul class="gkmenu level0"><li class="first"><a href="{home}">{_e(lex.site_name)}</a>'
        f"</li>{panels}</ul></nav>\n"
        f'<div id="gkMobileMenu"><i class="fa fa-bars"></i><select>'
        f'<option value="{home}">{_e(lex.site_name)}</option>{options}</select></div>\n'
    )


def _header(lex: Lexicon, related: dict[str, tuple[Teaser, ...]]) -> str:
    search = href(section_path(lex.lang))
    return (
        '<div class="gkTime">Time now: (M.M.T) <span id="gkClock"></span></div>\n'
        f'<a href="{search}" id="gkLogo" class="cssLogo">'
        f'<img src="/templates/gk_news/images/logo-{lex.lang}.png" alt="{_e(lex.site_name)}" />'
        "</a>\n"
        f'<div id="gkSearch"><form action="{search}" method="post">'
        '<div class="search"><input name="searchword" id="mod-search-searchword" maxlength="200" '
        'class="inputbox" type="text" size="20" value="" />'
        '<input type="hidden" name="task" value="search" />'
        '<input type="hidden" name="option" value="com_search" />'
        '<input type="hidden" name="Itemid" value="101" /></div></form></div>\n'
        f"{_menus(lex, related)}</div></header>\n"
    )


def _archive(lex: Lexicon) -> str:
    year, month = _LAST_MONTH
    rows = []
    for step in range(ARCHIVE_MONTHS):
        y, m = divmod(year * 12 + month - 1 - step, 12)
        count = lex.localise_digits(str(9 + (y * 7 + m * 13) % 41))
        path = f"{section_path(lex.lang)}/itemlist/date/{y}/{m + 1}"
        label = lex.localise_digits(f"{lex.months[m]} {y}")
        rows.append(f'<li><a href="{href(path)}">{_e(label)} ({count})</a></li>')
    return (
        f'<div class="moduletable k2ArchivesBlock"><h3>Archive</h3><ul>{"".join(rows)}</ul></div>'
    )


def _tag_cloud(lex: Lexicon) -> str:
    words = (*lex.topics, *lex.countries, *(m.name for m in lex.menus))
    links = "".join(
        f'<a href="{href(f"{section_path(lex.lang)}/itemlist/tag/{w}")}" '
        f'style="font-size:{90 + (i * 37) % 110}%" '
        f'title="{lex.localise_digits(str(3 + i * 7 % 90))} items tagged with {_e(w)}">'
        f"{_e(w)}</a>\n"
        for i, w in enumerate(words)
    )
    return f'<div class="moduletable"><h3>Tags</h3><div class="k2TagCloudBlock">{links}</div></div>'


def _module(css: str, heading: str, items: tuple[Teaser, ...]) -> str:
    teasers = "".join(_teaser(item, "nspArt nspCol1") for item in items)
    return (
        f'<div class="moduletable {css}"><h3>{_e(heading)}</h3>'
        f'<div class="nspMain"><div class="nspArts">{teasers}</div></div></div>'
    )


def _sidebar(lex: Lexicon, most_read: tuple[Teaser, ...], latest: tuple[Teaser, ...]) -> str:
    banners = "".join(
        f'<a href="{url}" target="_blank"><img src="{src}" alt="{_e(alt)}" width="300" '
        'height="100" /></a>'
        for url, src, alt in _BANNERS
    )
    return "\n".join(
        (
            _module("latest", lex.latest_module, latest),
            _module("mostread", lex.most_read, most_read),
            _tag_cloud(lex),
            _archive(lex),
            '<div class="moduletable newsletter"><h3>Newsletter</h3>'
            f'<form action="{href(section_path(lex.lang))}" method="post" id="acymailing">'
            '<input type="email" name="user[email]" placeholder="E-mail" />'
            '<input type="hidden" name="acyformname" value="formAcymailing1" />'
            '<input type="submit" class="button subbutton" value="Subscribe" /></form></div>',
            f'<div class="moduletable banners"><div class="bannergroup">{banners}</div></div>',
            '<div class="moduletable video"><h3>Video</h3><iframe width="300" height="170" '
            'src="https://www.youtube.com/embed/videoseries?list=PL3D7B0A1C2E9F8A4B" '
            'frameborder="0" allowfullscreen></iframe></div>',
        )
    )


def _footer(lex: Lexicon) -> str:
    menus = "".join(
        f'<li><a href="{href(listing_path(lex, menu))}">{_e(menu.name)}</a></li>'
        for menu in (lex.latest, *lex.menus)
    )
    sections = "".join(
        f'<li><a href="{href(section_path(lang))}">{_e(name)}</a></li>'
        for lang, name in SECTION_NAMES
    )
    return (
        '<footer id="gkFooter"><div class="gkPage">'
        f'<ul class="gkFooterMenu">{menus}</ul><ul class="gkFooterSections">{sections}</ul>'
        f'<p class="gkCopyrights">© {_e(lex.site_name)}</p>'
        f'<a href="#startOfPage" id="gkBackToTop">{_e(lex.back_to_top)}</a>'
        '<p class="gkCookies">This site uses cookies to count visits. '
        '<a href="#" class="gkCookiesClose">OK</a></p></div></footer>\n'
        f"{_ANALYTICS}\n"
    )


def section_chrome(
    lex: Lexicon,
    most_read: tuple[Teaser, ...],
    latest: tuple[Teaser, ...],
    related: dict[str, tuple[Teaser, ...]],
) -> Chrome:
    """The item-page template of a section; ``related`` must name ``latest`` and every menu."""
    return Chrome(
        head=_head(lex),
        top=_top(lex),
        header=_header(lex, related),
        sidebar=_sidebar(lex, most_read, latest),
        footer=_footer(lex),
        related=related,
    )


def item_head(path: str, image: str | None) -> str:
    """The item's own address and picture in the head (canonical link, og:url, og:image)."""
    url = _e(f"{SITE}{href(path)}")
    picture = _e(image or f"{SITE}/templates/gk_news/images/logo.png")
    return (
        f'<link href="{url}" rel="canonical" />\n<meta property="og:url" content="{url}" />\n'
        f'<meta property="og:image" content="{picture}" />\n'
    )


def breadcrumbs(lex: Lexicon, menu: Menu, title: str) -> str:
    return (
        '<div id="gkBreadcrumb"><ul class="breadcrumb"><li class="active">You are here: </li>'
        f'<li><a href="{href(section_path(lex.lang))}" class="pathway">{_e(lex.site_name)}</a>'
        f'<span class="divider">»</span></li><li><a href="{href(listing_path(lex, menu))}" '
        f'class="pathway">{_e(menu.name)}</a><span class="divider">»</span></li>'
        f'<li class="active"><span>{_e(title)}</span></li></ul></div>'
    )


def share(path: str, title: str) -> str:
    """The share buttons: AddThis, and direct links carrying the item's address and title."""
    url = quote(f"{SITE}{href(path)}", safe="")
    text = quote(title, safe="")
    targets = (
        ("facebook", f"https://www.facebook.com/sharer.php?u={url}", "Facebook"),
        ("twitter", f"https://twitter.com/intent/tweet?text={text}&amp;url={url}", "Twitter"),
        ("whatsapp", f"https://wa.me/?text={text}%20{url}", "WhatsApp"),
        ("telegram", f"https://t.me/share/url?url={url}&amp;text={text}", "Telegram"),
        ("email", f"mailto:?subject={text}&amp;body={url}", "E-mail"),
    )
    links = " ".join(
        f'<a class="share-{css}" href="{link}" target="_blank" rel="nofollow">{name}</a>'
        for css, link, name in targets
    )
    return (
        f'<div class="itemSocialSharing">{links}'
        '<div class="addthis_toolbox addthis_default_style"><a class="addthis_button_compact">'
        '</a><a class="addthis_counter addthis_bubble_style"></a></div>'
        '<iframe src="https://www.facebook.com/plugins/like.php?href='
        f'{url}&amp;layout=button_count&amp;width=120" width="120" height="21" '
        'style="border:none; overflow:hidden" scrolling="no" frameborder="0"></iframe></div>'
    )


def related_items(items: tuple[Teaser, ...], item_id: int) -> str:
    """K2's related items block: the newest others of the item's category."""
    rows = "".join(
        f'<li><a class="itemRelTitle" href="{_e(href(i.path))}">{_e(i.title)}</a>'
        f'<span class="itemRelDate">{_e(i.day)}</span></li>'
        for i in items
        if i.item_id != item_id
    )
    return f'<div class="itemRelated"><h3>Related items</h3><ul>{rows}</ul></div>' if rows else ""


def comment_form(lex: Lexicon, item_id: int) -> str:
    """K2's comment form with its labels, notes and the script that posts it."""
    fields = "".join(
        f'<label class="formName" for="{name}">{label} *</label>'
        f'<input class="inputbox" type="text" name="{name}" id="{name}" value="" />'
        for name, label in (("userName", "Name"), ("commentEmail", "E-mail"))
    )
    return (
        '<div class="itemComments"><div class="itemCommentsForm">'
        f"<h3>{_e(lex.leave_comment)}</h3>"
        f'<p class="itemCommentsFormNotes">{_e(lex.comment_help)}</p>'
        '<form action="/index.php" method="post" id="comment-form" class="form-validate">'
        '<label class="formComment" for="commentText">Message *</label>'
        '<textarea rows="20" cols="10" class="inputbox" name="commentText" id="commentText">'
        f"</textarea>{fields}"
        '<label class="formUrl" for="commentURL">Website URL</label>'
        '<input class="inputbox" type="text" name="commentURL" id="commentURL" value="" />'
        '<input type="submit" class="button" id="submitCommentButton" value="Submit comment" />'
        '<span id="formLog"></span><input type="hidden" name="option" value="com_k2" />'
        '<input type="hidden" name="view" value="item" />'
        '<input type="hidden" name="task" value="comment" />'
        f'<input type="hidden" name="itemID" value="{item_id}" /></form></div></div>'
    )
