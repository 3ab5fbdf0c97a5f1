"""archiver.fold: the one idea of "the same letters" that labels, names and titles share."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.fold import LETTERS, MARKS, compact, fold

# Words as the site prints them: Latin with accents, Arabic, Persian and Urdu letters, digits.
WORDS = st.text(
    alphabet=st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZâéèçüöıİşğ0123456789 -'"
        "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئةى"
        "پچژگکیہۀە۰۱۲"
    ),
    max_size=40,
)
MARK = st.sampled_from(sorted(chr(code) for code in MARKS))


@given(st.text(max_size=40))
def test_folding_twice_is_folding_once(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert compact(compact(text)) == compact(text)


@given(st.text(max_size=40))
def test_compact_keeps_the_folded_letters_and_digits_only(text: str) -> None:
    assert compact(text) == "".join(c for c in fold(text) if c.isalnum())


@given(st.text(max_size=40), st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
def test_any_unicode_normal_form_folds_alike(text: str, form: str) -> None:
    normalised = unicodedata.normalize(form, text)  # type: ignore[arg-type]
    assert fold(normalised) == fold(text)


@given(WORDS, st.lists(st.tuples(st.integers(min_value=0), MARK), max_size=6))
def test_tatweel_diacritics_and_zero_width_marks_fold_away(
    text: str, marks: list[tuple[int, str]]
) -> None:
    marked = text
    for at, mark in marks:
        where = at % (len(marked) + 1)
        marked = marked[:where] + mark + marked[where:]
    assert fold(marked) == fold(text)


@given(WORDS)
def test_every_letter_form_folds_to_its_letter(text: str) -> None:
    spelled = "".join(LETTERS.get(c, c) for c in text)
    assert fold(text) == fold(spelled)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("المكتب الإعــلامي", "المكتب الاعلامي"),  # tatweel, hamza below
        ("المَكتب الإعلامـي", "المكتب الإعلامي"),  # a haraka
        ("ﺍﻟﻤﻜﺘﺐ ﺍﻹﻋﻼﻣﻲ", "المكتب الإعلامي"),  # presentation forms
        ("حزب التحریر", "حزب التحرير"),  # Persian yeh
        ("رسانه\u200cای", "رسانهای"),  # the zero-width non-joiner
        ("ولایہ", "ولايه"),  # Urdu heh
        ("Türkiye Vilâyeti", "turkiye vilayeti"),  # accents, case
        ("Basın Açıklaması", "basin aciklamasi"),  # Turkish dotless i
        ("Bureau  MÉDIATIQUE", "bureau mediatique"),  # spacing
    ],
)
def test_spellings_a_reader_sees_as_one(one: str, other: str) -> None:
    assert fold(one) == fold(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hizb-ut Tahrir", "Hizb ut-Tahrir"),
        ("Media  Office:", "media office"),
        ("(Translated)", "Translated"),
        ("دفتر رسانه ای", "دفتر رسانه\u200cای"),  # a space for the zero-width non-joiner
    ],
)
def test_compact_forms_ignore_spacing_and_punctuation(one: str, other: str) -> None:
    assert compact(one) == compact(other)


def test_different_words_stay_different() -> None:
    assert fold("حزب") != fold("حرب")
    assert compact("Media Office") != compact("Media Offices")
