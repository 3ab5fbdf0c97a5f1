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


def _canonical(lang: str, rest: str) -> str:
    return f"https://{CANONICAL_HOST}" + canonical_path(f"/{lang}/index.php{rest}")


def canonical_url(url: str) -> str | None:
    """The site's form of any section URL: https, the canonical host, no query or fragment."""
    parts = _split_section(url)
    return _canonical(*parts) if parts is not None else None


def parse_item_url(url: str) -> ItemRef | None:
    """Identify an item from its URL, or None when the URL is not an item page."""
    parts = _split_section(url)
    if parts is None:
        return None
    lang, rest = parts
    match = _K2_ROUTE.match(rest) or _SEF_ROUTE.match(rest)
    if match is None or int(match["id"]) > MAX_ITEM_ID:
        return None
    # (the URL is split once: splitting and unquoting it twice was half of this function)
    return ItemRef(lang, int(match["id"]), match["menu"].strip("/"), _canonical(lang, rest))


def section_of(url: str) -> str | None:
    """The language section a URL belongs to, if any."""
    parts = _split_section(url)
    return parts[0] if parts else None


def move_to(url: str, base_url: str) -> str:
    """The same path and query on the base URL's scheme and host:port."""
    parts = urlsplit(url)
    base = urlsplit(base_url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))


def rebase(url: str, base_url: str) -> str:
    """Move an address on any of the site's hosts onto the host being crawled.

    The mirrors serve the same paths and ids, so a listing's link to another mirror names an
    item of the host at hand; fetching it there keeps the crawl on one host (and off hosts a
    test or an operator did not choose). Other addresses are returned unchanged.
    """
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed IPv6 host: no host of the site
        return url
    if not host or not is_site_host(host):
        return url
    return move_to(url, base_url)


WEB_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, int] | None:
    """``(host, port)`` of an http(s) URL (the scheme's port when none is given), else None."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a malformed host or port
        return None
    if parts.scheme not in WEB_SCHEMES or not parts.hostname:
        return None
    return parts.hostname.lower().rstrip("."), port or _DEFAULT_PORTS[parts.scheme]


@dataclass(frozen=True)
class Scope:
    """What a crawl may fetch: http(s) on the host:port of its base URL and of its mirrors.

    A crawl whose base URL is one of the site's hosts may also fetch the others (on their
    scheme's own port), so the site's www/non-www and mirror redirects are followed; a crawl of
    a replica or of an operator's own mirror never contacts the site's hosts. Addresses on the
    site's hosts are moved onto ``base_url`` (where the crawl is now) before they are judged.
    """

    base_url: str
    origins: frozenset[tuple[str, int]]
    site_wide: bool

    @classmethod
    def of(cls, base_url: str, mirrors: tuple[str, ...] = ()) -> Scope:
        origins = frozenset(o for url in (base_url, *mirrors) if (o := origin(url)) is not None)
        return cls(base_url, origins, any(is_site_host(host) for host, _ in origins))

    def moved_to(self, base_url: str) -> Scope:
        """The same scope, with the site's addresses moved onto another of its base URLs."""
        return Scope(base_url, self.origins, self.site_wide)

    def hosts(self) -> list[str]:
        """Every host name in scope (the site's domains when site-wide), for host filters."""
        names = sorted({host for host, _ in self.origins})
        return [*SITE_DOMAINS, *names] if self.site_wide else names

    def allows(self, url: str) -> bool:
        where = origin(url)
        if where is None:
            return False
        host, port = where
        return where in self.origins or (
            self.site_wide and is_site_host(host) and port == _DEFAULT_PORTS[urlsplit(url).scheme]
        )

    def link(self, url: str) -> str | None:
        """Where to fetch a link: on the base URL when it names the site; None when out of
        scope (another host or port, another scheme)."""
        moved = rebase(url, self.base_url)
        return moved if self.allows(moved) else None

    def redirect(self, url: str) -> str | None:
        """Where to follow a redirect: as it is when in scope (the site's own host changes
        included), else as a link; None when it leaves the scope."""
        return url if self.allows(url) else self.link(url)
