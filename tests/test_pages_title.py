"""The title chosen by agreement, and the site's name stripped in forms no table lists.

Every site-name form below is our own invention of a plausible spelling: none of them is an
entry of archiver/pages/labels.py, so the tests show the rule, not the table.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.pages.labels import SITE_NAMES
from archiver.pages.title import (
    fold,
    head_title,
    is_site_name,
    strip_site_name,
    without_kind_label,
)

UNLISTED_FORMS = [
    "Hizb ut-Tahrir Central Media Office",
    "The Central Media Office of Hizb-ut-Tahrir",
    "HIZB UT TAHRIR",
    "حزب التحرير - المكتب الإعلامي المركزي",
    "المكتب الإعــلامي المركزي لحزب التحرير",
    "Hizb-ut Tahrir Merkezi Medya Ofisi",
    "Hizb-ut Tahrir'in Merkezi Medya Ofisi",
    "Zentrales Medienbüro der Hizb-ut-Tahrir",
    "Afisi Kuu ya Habari ya Hizb ut-Tahrir",
    "Bureau de presse central du Hizb ut Tahrir",
    "حزب التحریر کا مرکزی میڈیا آفس",
    "دفتر مرکزی رسانه ای حزب التحریر",
    "د حزب التحریر مرکزي مطبوعاتي دفتر",
]
NOT_SITE_NAMES = [
    "Media Office",  # the press-release header's label, not the site
    "Wilayah Pakistan",
    "Hizb ut Tahrir Holds a Conference",
    "Central Asia",
    "Tahrir Square",
]


@pytest.mark.parametrize("form", UNLISTED_FORMS)
def test_unlisted_forms_are_the_site_name(form: str) -> None:
    assert is_site_name(form)


@pytest.mark.parametrize("text", NOT_SITE_NAMES)
def test_other_words_are_not_the_site_name(text: str) -> None:
    assert not is_site_name(text)


@pytest.mark.parametrize("form", UNLISTED_FORMS)
@pytest.mark.parametrize("sep", [" :: ", " | ", " - ", " – ", " — ", ": "])
def test_unlisted_forms_stripped_on_either_side(form: str, sep: str) -> None:
    assert strip_site_name(f"The Price of Bread{sep}{form}") == "The Price of Bread"
    assert strip_site_name(f"{form}{sep}The Price of Bread") == "The Price of Bread"


def test_strip_keeps_hyphens_and_colons_of_the_title() -> None:
    assert strip_site_name("Pro-Western Rulers - Hizb ut-Tahrir") == "Pro-Western Rulers"
    assert strip_site_name("Question: Trade Deals") == "Question: Trade Deals"
    assert strip_site_name("HIZB UT TAHRIR :: ") is None


def test_fold_ignores_case_diacritics_tatweel_and_letter_forms() -> None:
    assert fold("Bureau  MÉDIATIQUE") == fold("bureau mediatique")
    assert fold("الإعــلامي") == fold("الاعلامي")
    assert fold("التحریر") == fold("التحرير")
    assert fold("رسانه\u200cای") == fold("رسانهای")


def test_agreement_takes_the_bare_source() -> None:
    # the affix is extra words after a separator, whatever they are
    assert head_title("Bread Queues :: Our Own Portal", [], ["Bread Queues"]) == "Bread Queues"
    assert head_title("Our Own Portal | Bread Queues", [], ["Bread Queues"]) == "Bread Queues"
    # equal to a bare source: kept as printed, even when it ends like the site's name
    title = "Letter to Hizb ut Tahrir"
    assert head_title(title, [], [title]) == title
    # an og:title without the affix explains <title>
    assert head_title("Bread - Radio of the Office", ["Bread"], []) == "Bread"
    # a bare source that is the site's name (a logo heading) explains nothing
    assert head_title("Bread - Central Media Office", [], ["Central Media Office"]) == "Bread"


def test_agreement_needs_a_separator() -> None:
    # a bare source that is only the start of the title: the rest is no affix
    full = "Blocking the Addresses Shows Weakness - Hizb-ut Tahrir Medya Ofisi"
    expected = "Blocking the Addresses Shows Weakness"
    assert head_title(full, [], ["Blocking the Addresses"]) == expected


SITES = sorted({name for names in SITE_NAMES.values() for name in names} | set(UNLISTED_FORMS))
WORDS = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=10)
TITLE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join).filter(lambda t: not is_site_name(t))


@given(TITLE, st.sampled_from(SITES), st.sampled_from([" - ", " | ", " :: ", " – "]))
def test_agreement_with_the_typed_title_always_wins(title: str, site: str, sep: str) -> None:
    assert head_title(f"{title}{sep}{site}", [], [title]) == title
    assert head_title(f"{site}{sep}{title}", [title], []) == title


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("News and Comment The Regime Loses Its Head", "The Regime Loses Its Head"),
        ("News & Comment: Packages That Tie Hands", "Packages That Tie Hands"),
        ("-Basın Açıklaması- Faiz Sarmalı", "Faiz Sarmalı"),
        ("بيان صحفى الغلاء يلتهم الرواتب", "الغلاء يلتهم الرواتب"),
        ("Letter from the Ameer (Translated)", "Letter from the Ameer"),
        ("Press Release", "Press Release"),  # the name alone stays
        ("News & Comment 12/03/2015", "News & Comment 12/03/2015"),  # no words after it
        ("Press Releases Are Read by Few", "Press Releases Are Read by Few"),  # not the name
    ],
)
def test_kind_name_before_the_title_is_dropped(title: str, bare: str) -> None:
    assert without_kind_label(title) == bare


def test_head_title_over_the_typed_title_and_its_second_line_is_whole() -> None:
    head = "The Answer to the Question: Is Silence Permitted? - Central Media Office"
    typed, second = "The Answer to the Question", "Is Silence Permitted?"
    bare = [typed, f"{typed} {second}"]
    assert head_title(head, [], bare) == "The Answer to the Question: Is Silence Permitted?"
    # A real affix after the typed title alone still goes.
    assert head_title(f"{typed} - Central Media Office", [], [typed]) == typed
