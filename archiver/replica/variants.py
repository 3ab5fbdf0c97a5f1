"""How the real site's printing varies from item to item, as shares and per-section strings.

The replica prints these variants so that the end-to-end test covers them in every section
(issue 9; docs/replica.md "Variants"). Each is drawn per item from its own random stream
(``stream``), apart from the stream that writes the text, so that turning a share to zero gives
back exactly the pages printed without that variant. Shapes marked [C] were seen on the site's
pages (docs/replica.md names them); the words are ours, modelled on them [M].
"""

from __future__ import annotations

import random

# Percent of the eligible items that print each variant. A share of 0 is a variant printed
# by the replica once the extractor handles it (docs/replica.md); ``PLANNED`` holds the share it
# gets then, which tests/test_replica_variants.py renders.
SHARES: dict[str, int] = {
    "title_affix": 50,  # <title>/og:title: the site name, other separators, on og:title too
    "title_site_forms": 50,  # of those: longer forms of the site's name, or " :: "
    "label_spacing": 30,  # press releases: "Media Office"/"Press Release" with odd spaces
    "label_tatweel": 30,  # the same in ar, with tatweel
    "label_title": 50,  # old press releases: the label and the title in one paragraph
    "signature_role": 50,  # a person's signature: other role words
    "role_above_name": 50,  # a person's signature: the role line above the name
    "office_signature": 50,  # an office signing in two lines ("Media Office of …" / "in …")
    "commentary_title": 30,  # headlines: "{region}: {commentary words} DD/MM/YYYY"
    "digest_title": 60,  # the others: "{headlines words} {region} DD/MM/YYYY"
    "unpiped_header": 30,  # press-release header as plain lines, H. and No: on one line
    "number_first": 50,  # of those: "No: … H. …", the number before the date
    "office_after_dates": 30,  # pe press releases: the office line after the date lines
    "event_date": 20,  # a body paragraph names an event's date, not the item's
    "event_dual_date": 40,  # of those: the event's Hijri and Gregorian dates together
}
PLANNED: dict[str, int] = SHARES | {
    "title_site_forms": 50,
    "label_tatweel": 30,
    "role_above_name": 50,
    "commentary_title": 30,
    "number_first": 50,
    "event_dual_date": 40,
    "office_after_dates": 30,
}
# Items published before this year are "old": their titles and labels follow the old forms.
OLD_BEFORE = 2016


def stream(seed: int, lang: str, item_id: int) -> random.Random:
    """The variant choices of one item (never the text's stream)."""
    return random.Random(f"{seed}:{lang}:{item_id}:variants")


def drawn(rng: random.Random, name: str) -> bool:
    return rng.randrange(100) < SHARES[name]


# Forms of the site's name on <title> [M]; the first is the lexicon's site_name.
SITE_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("Central Media Office", "Hizb ut Tahrir Central Media Office",
           "Central Media Office of Hizb ut Tahrir"),
    "fr": ("Central Media Office", "Hizb ut Tahrir Central Media Office",
           "Bureau de Presse Central de Hizb ut Tahrir"),
    "ar": ("المكتب الإعلامي المركزي", "المكتب الإعلامي المركزي لحزب التحرير", "حزب التحرير"),
    "tr": ("Merkezi Medya Ofisi", "Hizb-ut Tahrir Merkezi Medya Ofisi", "Hizb-ut Tahrir"),
    "gr": ("Zentrales Medienbüro", "Zentrales Medienbüro von Hizb ut-Tahrir", "Hizb ut-Tahrir"),
    "sw": ("Afisi Kuu ya Habari", "Afisi Kuu ya Habari ya Hizb ut Tahrir", "Hizb ut Tahrir"),
    "ur": ("مرکزی میڈیا آفس", "حزب التحریر مرکزی میڈیا آفس", "حزب التحریر"),
    "pe": ("دفتر مرکزی رسانه‌ای", "دفتر مرکزی رسانه‌ای حزب التحریر", "حزب التحریر"),
    "pa": ("مرکزي مطبوعاتي دفتر", "د حزب التحریر مرکزي مطبوعاتي دفتر", "حزب التحریر"),
}  # fmt: skip
SEPARATORS = (" - ", " | ", " – ")
LONGER_SEPARATORS = (*SEPARATORS, " :: ")


def page_titles(
    rng: random.Random, lang: str, title: str, old: bool, longer: bool
) -> tuple[str, str]:
    """``<title>`` and og:title with a site-name affix: after the title on old items, before
    or after on newer ones; og:title carries it on half of them. ``longer`` takes the other
    forms of the site's name and separators."""
    forms = SITE_FORMS[lang][1:] if longer else SITE_FORMS[lang][:1]
    form = rng.choice(forms)
    separator = rng.choice(LONGER_SEPARATORS if longer else SEPARATORS)
    before = not old and rng.random() < 0.5
    affixed = f"{form}{separator}{title}" if before else f"{title}{separator}{form}"
    return affixed, affixed if rng.random() < 0.5 else title


# Label spellings [C for ar: "المكتب الإعــلامي" on ar/index.php/pressreleases/lebanon/20083;
# the issue names "بيـان صحفـي"]; elsewhere odd spacing (two spaces, a no-break space) [M].
SPELLINGS: dict[str, tuple[str, ...]] = {
    "المكتب الإعلامي": ("المكتب الإعــلامي", "المكتب الإعلامـي"),
    "بيان صحفي": ("بيـان صحفـي", "بيان  صحفي"),
}


def spelling_variant(media_office: str) -> str:
    """Which variant respells a section's labels: tatweel where the site uses it, else spaces."""
    return "label_tatweel" if media_office in SPELLINGS else "label_spacing"


def spelled(rng: random.Random, label: str) -> str:
    """Another spelling of a label: tatweel where the site uses it, else odd spacing."""
    if label in SPELLINGS:
        return rng.choice(SPELLINGS[label])
    if " " not in label:
        return f" {label}"  # a leading space, as " Press Release" is printed [C]
    return label.replace(" ", rng.choice(("  ", "\u00a0")), 1)


# The kind label and the title in one paragraph on old items [C: en "Press Release …",
# ar "بيان صحفي …" on ar/index.php/pressreleases/lebanon/20083; tr "-Basın Açıklaması- …"].
LABEL_TITLE: dict[str, str] = {"tr": "-{label}- {title}"}
LABEL_TITLE_DEFAULT = "{label} {title}"

# Role lines of a person's signature besides the lexicon's pr_role [C for en: "The Official
# Deputy Spokesman of Hizb ut-Tahrir in Pakistan" under a name; the rest M].
ROLES: dict[str, tuple[str, ...]] = {
    "en": ("The Official Spokesman of Hizb ut Tahrir in {office}",
           "Deputy Spokesman of Hizb ut Tahrir in {office}"),
    "fr": ("Porte-parole officiel de Hizb ut Tahrir en {office}",),
    "ar": ("الناطق الرسمي لحزب التحرير في {office}",
           "رئيس المكتب الإعلامي لحزب التحرير في {office}"),
    "tr": ("Hizb-ut Tahrir {office} Medya Bürosu Başkanı",),
    "gr": ("Pressesprecher von Hizb ut-Tahrir im {office}",),
    "sw": ("Msemaji Rasmi wa Hizb ut Tahrir {office}",),
    "ur": ("{office} میں حزب التحریر کے ترجمان",),
    "pe": ("سخنگوی حزب التحریر در {office}",),
    "pa": ("په {office} کې د حزب التحریر ویاند",),
}  # fmt: skip

# An office signing in two lines [C for en: "Media Office of Hizb ut Tahrir" / "in Wilayah
# Turkey" on en/index.php/press-releases/turkey/15161; the rest M].
OFFICE_SIGNATURES: dict[str, tuple[str, str]] = {
    "en": ("Media Office of Hizb ut Tahrir", "in {office}"),
    "fr": ("Bureau de Presse de Hizb ut Tahrir", "en {office}"),
    "ar": ("المكتب الإعلامي لحزب التحرير", "في {office}"),
    "tr": ("Hizb-ut Tahrir", "{office} Medya Bürosu"),
    "gr": ("Medienbüro von Hizb ut-Tahrir", "im {office}"),
    "sw": ("Afisi ya Habari ya Hizb ut Tahrir", "{office}"),
    "ur": ("حزب التحریر کا میڈیا آفس", "{office}"),
    "pe": ("دفتر رسانه‌ای حزب التحریر", "در {office}"),
    "pa": ("د حزب التحریر مطبوعاتي دفتر", "{office}"),
}

# Digest titles besides the lexicon's headlines_title: a region, a word for commentary or for
# headlines, the day [C for en: "Hizb ut Tahrir / Wilayah Pakistan:" over "News Commentary
# 14/02/2024" on en/index.php/dawah/pakistan; the rest M]. Keyed by the variant printing them.
DIGEST_TITLES: dict[str, dict[str, str]] = {
    "commentary_title": {
        "en": "Hizb ut Tahrir / {region}: News Commentary {date}",
        "fr": "{region} : Commentaire de l'actualité {date}",
        "ar": "حزب التحرير / {region}: التعليق على الأخبار {date}",
        "tr": "Hizb-ut Tahrir / {region}: Haber Yorum {date}",
        "gr": "{region}: Nachrichtenkommentar {date}",
        "sw": "{region}: Maoni ya Habari {date}",
        "ur": "{region}: خبروں پر تبصرہ {date}",
        "pe": "{region}: تفسیر خبرها {date}",
        "pa": "{region}: د خبرونو تبصره {date}",
    },
    "digest_title": {
        "en": "Headlines from {region} {date}",
        "fr": "Titres de {region} {date}",
        "ar": "عناوين أخبار {region} {date}",
        "tr": "{region} Manşetleri {date}",
        "gr": "Schlagzeilen aus dem {region} {date}",
        "sw": "Vichwa vya Habari kutoka {region} {date}",
        "ur": "{region} کی شہ سرخیاں {date}",
        "pe": "سرخط‌های خبری {region} {date}",
        "pa": "د {region} خبري سرليکونه {date}",
    },
}


def regions(lang: str, offices: list[str]) -> list[str]:
    """The offices a digest may name: not the central one, whose name is the site's (a title
    never keeps the site's name)."""
    return [o for o in offices if not any(o in form for form in SITE_FORMS[lang])]


# How many days before the item an event named in its body happened.
EVENT_DAYS = (2, 40)
