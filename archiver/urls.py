"""URLs of the site: item identity, canonical form, scope.

Every language section is its own Joomla install with its own id sequence, so an item is
``(lang, item_id)``; the mirrors serve the same paths, so the host is normalised away.
Shapes seen: ``/{lang}/index.php/{menu}/{id}.html``, ``/{lang}/index.php/{menu}/{id}`` (pe, pa),
``/{lang}/index.php/{menu}/item/{id}-{alias}`` (K2's default route).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

CANONICAL_HOST = "www.hizb-ut-tahrir.info"
SITE_DOMAINS = (
    "hizb-ut-tahrir.info",
    "hizbut-tahrir.info",
    "hizb-uttahrir.info",
    "hizbuttahrir.today",
    "domainnomeaning.com",
    "muslimworld.today",
)
LANGS = ("en", "ar", "tr", "gr", "pe", "ur", "pa", "sw", "fr")
NO_HTML_SUFFIX_LANGS = frozenset({"pe", "pa"})
MAX_ITEM_ID = 2**63 - 1  # item_id is an int64 column

# Characters kept literal in a canonical path; everything else is percent-encoded (UTF-8).
_PATH_SAFE = "/-._~!$&'()*+,;=:@"
_SECTION = re.compile(r"^/(?P<lang>[a-z]{2})(?:/index\.php)?(?P<rest>/.*)?$")
_K2_ROUTE = re.compile(r"^(?P<menu>.*?)/item/(?P<id>\d+)(?:-[^/]*)?(?:\.html)?$")
_SEF_ROUTE = re.compile(r"^(?P<menu>.*)/(?P<id>\d+)(?:\.html)?$")


@dataclass(frozen=True)
class ItemRef:
    lang: str
    item_id: int
    menu_path: str  # decoded, without slashes at either end; "" when the item sits at the root
    url: str  # canonical

    @property
    def key(self) -> str:
        return f"{self.lang}/{self.item_id}"


def is_site_host(host: str, extra_hosts: tuple[str, ...] = ()) -> bool:
    """True for the site, its mirrors (with or without ``www.``) and any configured host."""
    host = host.lower().rstrip(".")
    if host in extra_hosts:
        return True
    return any(host == d or host.endswith("." + d) for d in SITE_DOMAINS)


def _split_section(url: str) -> tuple[str, str] | None:
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:  # e.g. a malformed IPv6 host: not an address of the site
        return None
    match = _SECTION.match(path)
    if not match or match["lang"] not in LANGS:
        return None
    return match["lang"], (match["rest"] or "/")


def canonical_path(path: str) -> str:
    """Percent-encode a decoded path the one way (uppercase hex, UTF-8)."""
    return quote(unquote(path), safe=_PATH_SAFE)


def canonical_url(url: str) -> str | None:
    """The site's form of any section URL: https, the canonical host, no query or fragment."""
    parts = _split_section(url)
    if parts is None:
        return None
    lang, rest = parts
    return f"https://{CANONICAL_HOST}" + canonical_path(f"/{lang}/index.php{rest}")


def parse_item_url(url: str) -> ItemRef | None:
    """Identify an item from its URL, or None when the URL is not an item page."""
    parts = _split_section(url)
    if parts is None:
        return None
    lang, rest = parts
    match = _K2_ROUTE.match(rest) or _SEF_ROUTE.match(rest)
    if match is None or int(match["id"]) > MAX_ITEM_ID:
        return None
    canonical = canonical_url(url)
    assert canonical is not None  # _split_section succeeded above
    return ItemRef(lang, int(match["id"]), match["menu"].strip("/"), canonical)


def section_of(url: str) -> str | None:
    """The language section a URL belongs to, if any."""
    parts = _split_section(url)
    return parts[0] if parts else None


def rebase(url: str, base_url: str) -> str:
    """Move an address on any of the site's hosts onto the host being crawled.

    The mirrors serve the same paths and ids, so a listing's link to another mirror names an
    item of the host at hand; fetching it there keeps the crawl on one host (and off hosts a
    test or an operator did not choose). Other addresses are returned unchanged.
    """
    parts = urlsplit(url)
    if not parts.hostname or not is_site_host(parts.hostname):
        return url
    base = urlsplit(base_url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))
