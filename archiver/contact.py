"""The operator's contact: named in the user agent, and required to crawl the real site.

Whoever runs a crawler must be reachable by the site it crawls (Heritrix refuses to start
without a contact URL for the same reason). ``ARCHIVER_CONTACT`` holds a URL or an e-mail
address; the user agent is built from the project's name, its version and that contact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from archiver import __version__
from archiver.urls import is_site_host

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

PROJECT = "archiver"
# What to tell an operator who has not set it.
HOW_TO_SET = (
    "-s ARCHIVER_CONTACT=mailto:you@example.org (or the ARCHIVER_CONTACT environment variable)"
)
# A web address or an e-mail address (with or without mailto:), with nothing that would
# break the user agent's comment: no spaces, no parentheses.
_VALID = re.compile(
    r"^(?:https?://[^\s()<>/]+(?:/[^\s()<>]*)?"
    r"|(?:mailto:)?[^\s()<>@:/]+@[^\s()<>@/]+\.[^\s()<>@/]+)$"
)


def is_valid(contact: str) -> bool:
    return bool(_VALID.match(contact))


def user_agent(contact: str) -> str:
    """``archiver/VERSION (…; +CONTACT)``: the product, and who to write to about it."""
    about = "research archive of the Central Media Office site"
    return (
        f"{PROJECT}/{__version__} ({about}; +{contact})"
        if contact
        else (f"{PROJECT}/{__version__} ({about})")
    )


def name_contact(settings: BaseSettings) -> None:
    """Rebuild ``USER_AGENT`` from ``ARCHIVER_CONTACT`` as given (``-s`` included), unless a
    user agent was given explicitly: the one mechanism of every command that fetches."""
    from scrapy.settings import SETTINGS_PRIORITIES

    if (settings.getpriority("USER_AGENT") or 0) <= SETTINGS_PRIORITIES["project"]:
        built = user_agent(str(settings.get("ARCHIVER_CONTACT") or "").strip())
        # Above "project": the runner merges its own settings into the crawler's at the
        # start, and an equal priority would put the contact-less agent back.
        settings.set("USER_AGENT", built, priority="spider")


def needs_contact(urls: Iterable[str]) -> bool:
    """True when any of ``urls`` is on the real site's hosts (a replica or another mirror is
    not: its operator is the one crawling it)."""
    return any(is_site_host(urlsplit(url).hostname or "") for url in urls)
