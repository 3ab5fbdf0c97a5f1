"""The press-release header, its signatory and the digest kinds, rule by rule (issue 9).

Strings are our own, of the shapes the site prints; the fixtures h_* show the same on pages.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archiver.dates import parse_date
from archiver.pages.blocks import Block
from archiver.pages.content import (
    Content,
    Header,
    is_role_line,
    label_then_title,
    office_of,
    read_header,
    segment,
)
from archiver.pages.kinds import detect_kind, headline_date


def block(text: str, heading: bool = False, bold: bool = False) -> Block:
    return Block(text, heading, bold or heading)


def header_of(*lines: str) -> Header:
    return read_header([block(line) for line in lines])


@pytest.mark.parametrize(
    ("line", "reference", "date"),
    [
        ("No: 1431 AH / 108 H.  21 Rabi' I 1431", "1431 AH / 108", "H.  21 Rabi' I 1431"),
        ("No: TR–MB–2020–004 H. 3 Safar 1442", "TR–MB–2020–004", "H. 3 Safar 1442"),
        (
            "شمارہ نمبر: 1437 / 032 ہجری تاریخ 6 من ربيع الآخر 1437هـ",
            "1437 / 032",
            "ہجری تاریخ 6 من ربيع الآخر 1437هـ",
        ),
        (
            "شماره: ۱۴۴۵ / ۰۱۲ تاریخ هجری ۳ رجب ۱۴۴۵",
            "۱۴۴۵ / ۰۱۲",
            "تاریخ هجری ۳ رجب ۱۴۴۵",
        ),
        ("H.  21 Rabi' I 1431 No: 1431 AH / 108", "1431 AH / 108", None),
        ("H.  21 Rabi' I 1431 | No: 1431 AH / 108 |", "1431 AH / 108", None),
    ],
)
def test_reference_stops_at_the_next_field(line: str, reference: str, date: str | None) -> None:
    header = header_of("Media Office", "Wilayah Sudan", line, "M. Friday, 01 March 2024")
    assert header.reference == reference
    assert header.office == "Wilayah Sudan"
    first = date if date is not None else line
    assert header.date_lines == f"{first}\nM. Friday, 01 March 2024"


# (reference label, its value, the Hijri field, the Gregorian field) as each section prints
# them; 3 Rajab 1441 is Umm al-Qura's Thursday 27 February 2020.
ONE_LINE_FIELDS = [
    ("No:", "XX–YY–2020–004", "H. 3 Rajab 1441", "M. Thursday, 27 February 2020"),
    (
        "رقم الإصدار:",
        "1441 / 05",
        "التاريخ الهجري 3 من رجب 1441هـ",
        "التاريخ الميلادي 27 شباط 2020م",
    ),
    ("No:", "TR–BA–2020–MB–004", "H. 3 Receb 1441", "M. Perşembe, 27 Şubat 2020"),
    ("Nr.:", "2020 / 04", "H. 3 Radschab 1441", "M. Donnerstag, 27. Februar 2020"),
    ("N°:", "2020/04", "H. 3 Rajab 1441", "M. jeudi, 27 février 2020"),
    ("شمارہ نمبر:", "1441 / 05", "ہجری تاریخ 3 رجب 1441ھ", "عیسوی تاریخ 27 فروری 2020"),
    ("شماره:", "۱۴۴۱ / ۰۵", "تاریخ هجری ۳ رجب ۱۴۴۱", "تاریخ میلادی ۲۷ فوریه ۲۰۲۰"),
    ("ګڼه:", "۱۴۴۱ / ۰۵", "هجری قمری نېټه ۳ رجب ۱۴۴۱", "میلادي نېټه ۲۷ فبروري ۲۰۲۰"),
    ("Na:", "1441/07", "H. 3 Rajab 1441", "M. Alhamisi, 27 Februari 2020"),
]
ONE_LINE_ORDERS = {
    "number first": "{no} {ref} {h} {m}",
    "number between": "{h} {no} {ref} {m}",
    "number between, piped": "{h} | {no} {ref} | {m} |",
    "number last": "{h} {m} {no} {ref}",
}


@pytest.mark.parametrize("order", ONE_LINE_ORDERS)
@pytest.mark.parametrize(("no", "ref", "h", "m"), ONE_LINE_FIELDS)
def test_hijri_number_and_gregorian_on_one_line(
    order: str, no: str, ref: str, h: str, m: str
) -> None:
    line = ONE_LINE_ORDERS[order].format(no=no, ref=ref, h=h, m=m)
    header = header_of("Media Office", "Wilayah Sudan", line)
    assert (header.office, header.reference) == ("Wilayah Sudan", ref)
    assert header.date_lines == (f"{h} {m}" if order == "number first" else line)
    read = parse_date(header.date_lines)
    assert (read.published_date, read.published_hijri) == (date(2020, 2, 27), "1441-07-03")
    assert (read.hijri_offset_days, read.date_status) == (0, "ok")


def test_an_empty_reference_is_null_and_no_office() -> None:
    header = header_of("Media Office", "H. 3 Safar 1442 | No: |", "No:")
    assert (header.office, header.reference) == (None, None)


@given(
    st.text(alphabet="0123456789/ ABCXYZ–-", min_size=1, max_size=20).filter(str.strip),
    st.sampled_from(["H. 3 Safar 1442", "M. Friday, 01 March 2024"]),
)
def test_reference_is_printed_as_is_before_any_date(reference: str, date: str) -> None:
    header = header_of("Media Office", f"No: {reference} {date}")
    assert header.reference == reference.strip()


ROLE_LINES = [
    "Media Representative of Hizb ut Tahrir in Wilayah Bangladesh",
    "Head of the Media Office of Hizb ut-Tahrir in Wilayah Sudan",
    "الممثل الإعلامي لحزب التحرير في ولاية مصر",
    "رئيس المكتب الإعــلامي لحزب التحرير في ولاية السودان",
    "Hizb-ut Tahrir Türkiye Vilayeti Medya Bürosu Temsilcisi",
    "Medienrepräsentant von Hizb ut-Tahrir in Österreich",
    "Mwakilishi wa Vyombo vya Habari wa Hizb ut Tahrir Kenya",
    "Représentant médiatique de Hizb ut Tahrir en France",
    "ولایہ پاکستان میں حزب التحریر کے میڈیا آفس کے ترجمان",
    "نماینده رسانه‌ای حزب التحریر در ولایه افغانستان",
    "نماينده رسانه اي حزب التحرير در ولايه افغانستان",  # Arabic yeh, no zero-width joiner
    "په ولایه افغانستان کې د حزب التحریر ویاند",
]
OFFICE_LINES = [
    "Media Office of Hizb ut Tahrir",
    "in Wilayah Pakistan",
    "المكتب الإعلامي لحزب التحرير",
    "Hizb-ut Tahrir Türkiye Vilayeti Medya Bürosu",
    "Bilal Hamza",
]


@pytest.mark.parametrize("line", ROLE_LINES)
def test_role_lines_in_every_section(line: str) -> None:
    assert is_role_line(line)


@pytest.mark.parametrize("line", OFFICE_LINES)
def test_office_and_name_lines_are_no_role(line: str) -> None:
    assert not is_role_line(line)


HEADER = [block("Media Office"), block("Wilayah Yemen"), block("M. Friday, 01 March 2024")]


@pytest.mark.parametrize("role", ROLE_LINES)
@pytest.mark.parametrize("above", [False, True])
def test_the_signatory_is_the_name_next_to_the_role(role: str, above: bool) -> None:
    lines = [role, "Bilal Hamza"] if above else ["Bilal Hamza", role]
    content = segment([*HEADER, block("Text."), block("\n".join(lines), bold=True)])
    assert content.author == "Bilal Hamza"
    assert content.signoff == " ".join(lines)


@pytest.mark.parametrize(
    "lines",
    [
        ["Media Office of Hizb ut Tahrir", "in Wilayah Pakistan"],
        ["المكتب الإعلامي لحزب التحرير", "في ولاية مصر"],
        ["Hizb-ut Tahrir", "Türkiye Vilayeti Medya Bürosu"],
        ["Media Office", "Wilayah Yemen"],
    ],
)
def test_an_office_signing_alone_has_no_author(lines: list[str]) -> None:
    content = segment([*HEADER, block("Text."), block("\n".join(lines), bold=True)])
    assert content.author is None


def test_news_and_comment_labels_make_a_news_comment_item_in_any_category() -> None:
    content = segment(
        [block("T", heading=True), block("News:"), block("n."), block("Comment:"), block("c.")]
    )
    assert detect_kind(content, "dawah/pakistan", "T", []) == "news_comment"
    one_label = segment([block("T", heading=True), block("Comment:"), block("c.")])
    assert detect_kind(one_label, "dawah/pakistan", "T", []) == "article"


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Hizb ut Tahrir / Wilayah Pakistan: News Commentary 14/02/2024", "14/02/2024"),
        ("Hizb-ut Tahrir / Türkiye Vilayeti: Haber Yorum 03/05/2023", "03/05/2023"),
        ("Wilayah Österreich: Nachrichtenkommentar 1/2/2022", "1/2/2022"),
        ("Wilayah Kenya: Maoni ya Habari 21/02/2024", "21/02/2024"),
        ("Wilayah Bangladesh : Commentaire de l'actualité 05/06/2024", "05/06/2024"),
        ("ولایہ پاکستان: خبروں پر تبصرہ 12/07/2023", "12/07/2023"),
        ("ولایه افغانستان: تفسیر خبرها 15/11/2023", "15/11/2023"),
        ("ولایه افغانستان: د خبرونو تبصره 15/11/2023", "15/11/2023"),
        ("Headlines from Wilayah Pakistan 14/02/2024", "14/02/2024"),
    ],
)
def test_commentary_and_headline_digests(title: str, date: str) -> None:
    assert headline_date(title) == date
    assert detect_kind(Content(body="x"), "dawah/pakistan", title, []) == "headlines"


def test_an_office_after_the_dates_before_a_label_and_title_paragraph() -> None:
    blocks = [
        block("دفتر رسانه‌ای"),
        block("تاریخ هجری ۳ رجب ۱۴۳۴ | شماره: ۱۴۳۴ / ۰۱۲ |"),
        block("تاریخ میلادی ۱۳ مه ۲۰۱۳"),
        block("ولایه افغانستان"),
        block("اعلامیه مطبوعاتی یک عنوان کوتاه", heading=True),
        block("(ترجمه)", heading=True),
        block("متن."),
    ]
    content = segment(blocks)
    assert content.header is not None
    assert (content.header.office, content.header.reference) == ("ولایه افغانستان", "۱۴۳۴ / ۰۱۲")
    assert (content.translated, content.body) == (True, "متن.")


def test_without_an_office_line_the_office_is_null_not_a_neighbour() -> None:
    blocks = [
        block("Media Office"),
        block("H. 3 Safar 1442 | No: 1442 / 7 |"),
        block("M. Monday, 21 September 2020"),
        block("Press Release A Short Title", heading=True),
        block("Text."),
    ]
    content = segment(blocks)
    assert content.header is not None and content.header.office is None
    assert content.body == "Text."


@pytest.mark.parametrize(
    "label",
    [
        "Media Office",
        "Media\u00a0 Office",
        " Media Office",
        "المكتب الإعــلامي",
        "المَكتب الإعلامـي",
        "ﺍﻟﻤﻜﺘﺐ ﺍﻹﻋﻼﻣﻲ",  # presentation forms (NFKC)
        "دفتر رسانه ای",  # a space for the zero-width non-joiner
        "Medya  Bürosu",
        "Hizb ut Tahrir",
        "حزب التحریر",
        "Media Office of Hizb ut-Tahrir",
        "المكتب الإعلامي لحزب التحرير",
        "د حزب التحریر مطبوعاتي دفتر",
    ],
)
def test_a_label_or_the_party_is_never_the_office(label: str) -> None:
    header = header_of(label, "H. 3 Safar 1442 | No: 1442 / 7 |", "M. Monday, 21 September 2020")
    assert header.office is None
    assert header_of(label, "Wilayah Sudan", "M. Monday, 21 September 2020").office == (
        "Wilayah Sudan"
    )


def test_an_office_naming_the_party_and_a_place_is_the_office() -> None:
    header = header_of("Media Office", "Hizb ut Tahrir / Wilayah Pakistan", "M. 1 May 2020")
    assert header.office == "Hizb ut Tahrir / Wilayah Pakistan"


def test_an_unstyled_signature_is_read_by_its_role_line() -> None:
    lines = "Bilal Hamza\nMedia Representative of Hizb ut Tahrir in Wilayah Pakistan"
    content = segment([*HEADER, block("Text."), block(lines)])
    assert (content.author, content.signoff) == ("Bilal Hamza", " ".join(lines.split("\n")))
    said = "The Media Representative of Hizb ut Tahrir in Wilayah Pakistan said so today."
    content = segment([*HEADER, block("Text."), block(said)])
    assert (content.author, content.signoff, content.body) == (None, None, f"Text.\n\n{said}")


NAME = st.lists(
    st.sampled_from(["Bilal", "Hamza", "Al-Amin", "Dr.", "عمران", "سالم", "Juma", "Öztürk"]),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(NAME, st.sampled_from(ROLE_LINES), st.booleans())
def test_any_name_next_to_any_role_line_is_the_author(name: str, role: str, above: bool) -> None:
    lines = [role, name] if above else [name, role]
    content = segment([*HEADER, block("Text."), block("\n".join(lines), bold=True)])
    assert content.author == name


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        ("Press Release The Price of Bread", "The Price of Bread"),
        ("Press Release: The Price of Bread", "The Price of Bread"),
        ("PRESS  RELEASE - The Price of Bread", "The Price of Bread"),
        ("-Basın Açıklaması- Ekmeğin Fiyatı", "Ekmeğin Fiyatı"),
        ("- Basin Aciklamasi - Ekmeğin Fiyatı", "Ekmeğin Fiyatı"),  # typed without Turkish letters
        ("-بيـان صحفي- ثمن الخبز", "ثمن الخبز"),  # tatweel
        ("بيانٌ صحفيّ ثمن الخبز", "ثمن الخبز"),  # harakat
        ("اعلامیه مطبوعاتی بهای نان", "بهای نان"),
        ("اعلاميه مطبوعاتي بهای نان", "بهای نان"),  # Arabic yeh for the Persian one
        ("Presse-Mitteilung    Der Preis des Brotes", "Der Preis des Brotes"),
        ("Presse Mitteilung Der Preis des Brotes", "Der Preis des Brotes"),
        ("Taarifa kwa Vyombo vya Habari Bei ya Mkate", "Bei ya Mkate"),
        ("Press Release The Price\nof Bread", "The Price\nof Bread"),  # over two lines
    ],
)
def test_a_label_and_its_title_in_one_paragraph(paragraph: str, title: str) -> None:
    assert label_then_title(paragraph) == title
    blocks = [block("Media Office"), block("H. 3 Safar 1442"), block(paragraph, heading=True)]
    content = segment([*blocks, block("Text.")])
    assert (content.typed_title, content.body) == (" ".join(title.split()), "Text.")


@pytest.mark.parametrize(
    "paragraph",
    ["Press Release", "Press Release -", "Press Releases The Price", "The Press Release Title"],
)
def test_no_title_without_a_label_opening_the_paragraph_and_words_after_it(
    paragraph: str,
) -> None:
    assert label_then_title(paragraph) is None


# The office's full name in one header line: the place is the office (docs/markup.md).
NAMED_OFFICES = [
    ("Media Office of Hizb ut Tahrir in Wilayah Sudan", "Wilayah Sudan"),
    ("Media Office of Hizb ut-Tahrir in the Wilayah of Jordan", "Wilayah of Jordan"),
    ("Media Office Hizb ut-Tahrir Pakistan", "Pakistan"),
    ("Media Office of Hizb ut Tahrir / Wilayah Turkey", "Wilayah Turkey"),
    ("MEDIA  OFFICE of HIZB-UT-TAHRIR in Wilayah Sudan", "Wilayah Sudan"),
    ("المكتب الإعلامي لحزب التحرير في ولاية السودان", "ولاية السودان"),
    ("المكتب الإعــلامي لحزب التحرير / ولاية تونس", "ولاية تونس"),
    ("Hizb-ut Tahrir Türkiye Vilâyeti Medya Bürosu", "Türkiye Vilâyeti"),
    ("Hizb-ut Tahrir'in Türkiye Vilâyeti Medya Bürosu", "Türkiye Vilâyeti"),
    ("Medienbüro von Hizb ut-Tahrir im deutschsprachigen Raum", "deutschsprachigen Raum"),
    ("Bureau médiatique de Hizb ut Tahrir en Tunisie", "Tunisie"),
    ("Afisi ya Habari ya Hizb ut Tahrir Kenya", "Kenya"),
    ("ولایہ پاکستان میں حزب التحریر کا میڈیا آفس", "ولایہ پاکستان"),
    ("میڈیا آفس حزب التحریر ولایہ پاکستان", "ولایہ پاکستان"),
    ("دفتر رسانه\u200cای حزب التحریر ولایه افغانستان", "ولایه افغانستان"),
    ("دفتر رسانه ای حزب التحرير در ولايه افغانستان", "ولايه افغانستان"),
    ("د حزب التحریر د ولایه افغانستان مطبوعاتي دفتر", "ولایه افغانستان"),
]


@pytest.mark.parametrize(("line", "office"), NAMED_OFFICES)
def test_an_office_named_with_the_label_and_the_party_is_its_place(line: str, office: str) -> None:
    assert office_of(line) == office
    header = header_of("Media Office", line, "H. 3 Safar 1442 | No: 1442 / 7 |")
    assert (header.office, header.reference) == (office, "1442 / 7")


@pytest.mark.parametrize(
    "line",
    [
        "Wilayah Sudan",
        "Hizb ut Tahrir / Wilayah Pakistan",
        "Central Media Office",
        "Central Media Office of Hizb ut Tahrir",
        "المكتب الإعلامي المركزي",
        "Türkiye Vilâyeti",
    ],
)
def test_any_other_office_line_is_the_office_as_printed(line: str) -> None:
    assert office_of(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Media Office of Hizb ut Tahrir",
        "المكتب الإعلامي لحزب التحرير",
        "حزب التحرير / Hizb-ut Tahrir",
        "Medya Bürosu",
        "Press Release",
        "/",
    ],
)
def test_the_label_or_the_party_alone_is_no_office(line: str) -> None:
    assert office_of(line) is None
