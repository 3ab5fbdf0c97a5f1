"""The words the site prints around its data, per language section, as data.

Every entry is tagged: ``[C]`` confirmed in the site's own pages (site.md, dates.md, the seed),
``[M]`` our best-known modelling choice, to be confirmed or corrected from real pages.
Matching uses the union over all sections (a mirror or a translated item may print another
section's words); ``docs/extraction.md`` lists these tables for readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Appended or prepended to <title>; the part to strip.
SITE_NAMES: dict[str, tuple[str, ...]] = {
    # [C] "Hizb ut Tahrir Central Media Office": hizb-ut-tahrir.info/en/index.php/press-releases/
    # turkey/12811.html; the fr section's header line hizbuttahrir.today/fr/index.php/
    # press-releases/central-media-office/421.html
    "en": ("Central Media Office",),
    "fr": ("Central Media Office", "Bureau Médiatique Central"),  # the second [M]
    # [C] header "المكتب الإعــلامي" / "المركزي": hizbut-tahrir.info/ar/index.php/pressreleases/
    # markazy/cmo/91855.html
    "ar": ("المكتب الإعلامي المركزي",),
    # [C] "Hizb-ut Tahrir Merkezi Medya Ofisi": hizbut-tahrir.info/tr/index.php/basin-aciklamasi/
    # türkiye/8780.html
    "tr": ("Merkezi Medya Ofisi",),
    # [C] "Das zentrale Medienbüro" (header): hizb-uttahrir.info/gr/index.php/mb/zmb-zmb-all/
    # 1416.html; "Zentrales Medienbüro" [M]
    "gr": ("Zentrales Medienbüro", "Das zentrale Medienbüro"),
    "ur": ("مرکزی میڈیا آفس",),  # [M]
    # [C] "دفتر مطبوعاتی مرکزی" (a title's prefix): hizb-ut-tahrir.info/pe/index.php/dawa-news/
    # 7976; "دفتر مرکزی رسانه‌ای" [M] not seen on the site, the replica's spelling
    "pe": ("دفتر مطبوعاتی مرکزی", "دفتر مرکزی رسانه‌ای"),
    # [C] "د حزب التحریر مرکزي مطبوعاتي دفتر": domainnomeaning.com/pa/index.php/pressreleases/
    # مرکزی-دفتر-عمومی-برخه/4509
    "pa": ("مرکزي مطبوعاتي دفتر",),
    # [C] "Afisi Kuu ya Habari ya Hizb ut Tahrir": hizb-uttahrir.info/sw/index.php/
    # kampeni.html?start=50
    "sw": ("Afisi Kuu ya Habari",),
}
# The party's name, in <title> with or instead of the office's name, in header lines and role
# lines. Spellings differ in hyphens and spaces ("Hizb-ut Tahrir", "Hizb ut-Tahrir"): every
# reader compares them loosely (pages.title.compact, content._PARTY), so one spelling a script.
PARTY_NAMES: dict[str, tuple[str, ...]] = {
    # [C] en "Hizb ut Tahrir" (12811 above), tr "Hizb-ut Tahrir" (8780 above), gr
    # "Hizb-ut-Tahrir" (hizb-ut-tahrir.info/gr/index.php/mb/zmb-dr/3454.html): one name folded
    "en": ("Hizb ut Tahrir",),
    # [C] hizb-ut-tahrir.info/ar/index.php/pressreleases/yemen/87213.html; ur, pe, pa spell it
    # with Persian yeh (folded) [M]
    "ar": ("حزب التحرير",),
    "ur": ("حزب التحریر",),  # [C] ur/index.php/میڈیا-آفس/تیونس/2626.html; also pe, pa [M]
}
# Words that join the office's and the party's names ("… of Hizb ut Tahrir", "لحزب التحرير").
SITE_NAME_LINKS: dict[str, tuple[str, ...]] = {
    "en": ("of", "the"),  # [M]
    "fr": ("de", "du"),  # [M]
    "gr": ("von", "der"),  # [M]
    "sw": ("ya", "wa"),  # [M]
    "tr": ("nin", "in"),  # [M] "Hizb-ut Tahrir'in …"
    "ar": ("ل",),  # [M]
    "ur": ("کا", "کے", "کی"),  # [M]
    "pa": ("د",),  # [M]
}

# Before the category's link under an item ("Published in News & Comment").
PUBLISHED_IN_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Published in",),  # [C] markup.md (K2's own label)
    "ar": ("نشر في",),  # [C] markup.md
    # [C] "Imepeperushwa katika Khilafah": hizb-ut-tahrir.info/sw/index.php/ziada/makala/
    # khilafah.html?start=20
    "sw": ("Imepeperushwa katika",),
    "fr": ("Publié dans",),  # [M]
    # [C] "Kategori Haber ve Yorum" under a listed item: muslimworld.today/tr/index.php/
    # son-eklenenler.html?start=248; the other two [M]
    "tr": ("Kategori", "Yayınlandığı yer", "Yayınlandığı kategori"),
    "gr": ("Veröffentlicht in",),  # [M]
    "ur": ("شائع شدہ", "شائع ہوا"),  # [M]
    "pe": ("منتشر شده در",),  # [M]
    "pa": ("خپور شوی په",),  # [M]
}
# Section labels of News & Comment items; matched at the start of a paragraph, before ":".
NEWS_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("News",),  # [C]
    "ar": ("الخبر",),  # [C]
    "ur": ("خبر",),  # [C] (also covers pe, pa)
    "gr": ("Nachricht",),  # [C]
    "tr": ("Haber",),  # [C] muslimworld.today/tr/index.php/son-eklenenler.html?start=248
    "sw": ("Habari",),  # [M]
    "fr": ("Actualité", "L'actualité", "La nouvelle", "Nouvelle"),  # [M]
}
COMMENT_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Comment", "Commentary"),  # [C]
    "ar": ("التعليق",),  # [C]
    "ur": ("تبصرہ",),  # [C] the ur page under NEWS_COMMENT_NAMES ("خبر:" … "تبصرہ:")
    "pe": ("تفسیر", "دیدگاه"),  # [M]
    "pa": ("تبصره",),  # [M]
    "gr": ("Kommentar",),  # [M]
    "tr": ("Yorum",),  # [M]
    "sw": ("Maoni",),  # [M]
    "fr": ("Commentaire",),  # [M]
}
QUESTION_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Question",),  # [C]
    "ar": ("السؤال",),  # [M]
    "tr": ("Soru",),  # [M]
    "gr": ("Frage",),  # [M]
    "ur": ("سوال",),  # [M]
    "pe": ("پرسش",),  # [M]
    "pa": ("پوښتنه",),  # [M]
    "sw": ("Swali",),  # [M]
    "fr": ("Question",),  # [M]
}
ANSWER_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Answer",),  # [C]
    "ar": ("الجواب",),  # [M]
    "tr": ("Cevap",),  # [M]
    "gr": ("Antwort",),  # [M]
    "ur": ("جواب",),  # [M]
    "pe": ("پاسخ",),  # [M]
    "pa": ("ځواب",),  # [M]
    "sw": ("Jibu",),  # [M]
    "fr": ("Réponse",),  # [M]
}
# Q&A titles start with these.
QA_TITLES: dict[str, tuple[str, ...]] = {
    "en": ("The Answer to the Question", "Answer to Question", "Answer to the Question"),  # [C]
    "ar": ("جواب سؤال",),  # [M]
    "tr": ("Soru Cevap", "Soru-Cevap"),  # [M]
    "gr": ("Antwort auf die Frage", "Antwort auf eine Frage"),  # [M]
    "ur": ("سوال کا جواب",),  # [M]
    "pe": ("پاسخ به پرسش",),  # [M]
    "pa": ("د پوښتنې ځواب",),  # [M]
    "sw": ("Jibu la Swali",),  # [M]
    "fr": ("Réponse à une question", "Réponse à la question"),  # [M]
}
# First line of the Q&A signature; the next line is the signatory.
QA_SIGNATURE_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("Your brother",),  # [C]
    "ar": ("أخوكم",),  # [M]
    "tr": ("Kardeşiniz",),  # [M]
    "gr": ("Euer Bruder", "Ihr Bruder"),  # [M]
    "ur": ("آپ کا بھائی",),  # [M]
    "pe": ("برادر شما",),  # [M]
    "pa": ("ستاسو ورور",),  # [M]
    "sw": ("Ndugu yenu",),  # [M]
    "fr": ("Votre frère",),  # [M]
}
# News & Comment sign-offs: a prefix after which the author's name follows (same line or next).
SIGNOFF_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": (
        r"Written for (?:the )?Central Media Office of Hizb[\s-]*ut[\s-]*Tahrir by",  # [C]
        r"Written for [^\n]{1,80} by",  # [M] other radio/office variants
        r"Written by",  # [M]
    ),
    "ar": (r"كتبه\s+ل[^\n]{1,80}?حزب\s+التحرير",),  # [C] "كتبه لإذاعة المكتب الإعلامي المركزي…"
    "tr": (r"Hizb[\s-]*ut[\s-]*Tahrir[^\n]{1,40}?için yazan\s*:?", r"Yazan\s*:"),  # [M]
    "gr": (r"Geschrieben für [^\n]{1,80} von",),  # [M]
    "sw": (r"Imeandikwa kwa ajili ya [^\n]{1,80} na\b",),  # [M]
    "ur": (r"[^\n]{0,80}?کے لیے لکھا گیا\s*:?",),  # [M]
    "pe": (r"نوشته شده برای [^\n]{1,80} توسط",),  # [M]
    "pa": (r"د [^\n]{1,80}?لپاره لیکنه\s*:?",),  # [M]
    "fr": (r"Écrit pour [^\n]{1,80} par",),  # [M]
}
# The News & Comment kind's name where old items print it before the title, in the title
# itself ("News and Comment Raheel-Nawaz Regime …", "News & Comment The AKP Aims …" [C
# en/index.php/latest-articles.html?start=18704, ?start=19224]); the rest [M].
NEWS_COMMENT_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("News & Comment", "News and Comment"),
    # [C] "Haber-Yorum" above the title, as "NC" in en (muslimworld.today/tr/index.php/
    # son-eklenenler.html?start=248, where "Haber:" opens the text)
    "tr": ("Haber-Yorum",),
    # [C] "خبر اور تبصرہ {title}": hizbut-tahrir.info/ur/index.php/پمفلٹ/کینیڈا/author/
    # 235-super-user.html?start=204
    "ur": ("خبر اور تبصرہ",),
    "ar": ("الخبر والتعليق",),  # [M]
}
# The line before the title of a press release. A path after [C] in the header, role and
# office tables is a page of the site's hosts; docs/markup.md "Confirmed on the site" gives
# the full URLs.
PRESS_RELEASE_LABELS: dict[str, tuple[str, ...]] = {
    # [C]; "Letter of Clarification" in the same place: en/index.php/press-releases/pakistan/3840
    "en": ("Press Release", "Letter of Clarification"),
    # [C]; "خبر صحفي" (press news) in the same place: ar/index.php/pressreleases/tunisia/60771.html
    "ar": ("بيان صحفي", "خبر صحفي"),
    "tr": ("Basın Açıklaması",),  # [C]
    # [C] gr/index.php/mb/zmb-dr/3454.html, medienbuero/44.html, mb/zmb-syr/3514.html,
    # mb/zmb-zmb-all/1416.html: four spellings in one section
    "gr": ("Presseerklärung", "Pressemitteilung", "Presseverlautbarung", "Presse-Mitteilung"),
    "ur": ("پریس ریلیز",),  # [C] ur/index.php/میڈیا-آفس/تیونس/2626.html
    # [C] sw/index.php/taarifa-kwa-vyombo-vya-habari/kenya/449.html
    "sw": ("Taarifa kwa Vyombo vya Habari",),
    # [C] pe/index.php/pressreleases/بنگلادیش/3684 (hizbut-tahrir.info) and
    # pe/index.php/pressreleases/دفتر-مرکزی-بخش-عمومی/5397 (domainnomeaning.com)
    "pe": ("اعلامیه مطبوعاتی",),
    "pa": ("مطبوعاتي اعلامیه",),  # [C] pa/index.php/pressreleases/مرکزی-دفتر-عمومی-برخه/4175
    "fr": ("Communiqué de presse",),  # [M]
}
# The generic line of the press-release header (not the issuing office, which follows it;
# tr prints the party's name and the office before it). gr and fr print the en label
# [C gr/index.php/mb/zmb-dr/3454.html, fr/index.php/press-releases/tunisia/249.html], ur the
# ar one, stretched [C ur/index.php/میڈیا-آفس/تیونس/2626.html].
MEDIA_OFFICE_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Media Office",),  # [C] en/index.php/press-releases/pakistan/12311.html
    "ar": ("المكتب الإعلامي",),  # [C] ar/index.php/pressreleases/yemen/87213.html (stretched)
    "tr": ("Medya Bürosu",),  # [C] tr/index.php/basin-aciklamasi/türkiye/8780.html
    "sw": ("Afisi ya Habari",),  # [C] sw/index.php/taarifa-kwa-vyombo-vya-habari/kenya/449.html
    "gr": ("Medienbüro",),  # [M]
    "ur": ("میڈیا آفس",),  # [M]
    # [C] "دفتر مطبوعاتی" above the office ("مرکزی", "ولايه بنگلادیش"): pe/…/بنگلادیش/3684;
    # "دفتر رسانه‌ای" [M] not seen on the site, the replica's spelling
    "pe": ("دفتر مطبوعاتی", "دفتر رسانه‌ای"),
    # [C] below the office ("ولاية الكويت", "مركزي"): pa/…/4509, pa/…/4175
    "pa": ("مطبوعاتي دفتر",),
    "fr": ("Bureau de presse", "Bureau médiatique"),  # [M]
}
# Start of the Hijri (H.) and Gregorian (M.) date lines of the press-release header.
HIJRI_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "en": (r"H\.",),  # [C] also tr, gr, sw, fr (pages named under MEDIA_OFFICE_LABELS)
    "ar": ("التاريخ الهجري",),  # [C]
    "ur": ("ہجری تاریخ",),  # [C] ur/index.php/میڈیا-آفس/تیونس/2626.html
    "pe": ("تاریخ هجری",),  # [C] pe/index.php/pressreleases/بنگلادیش/3684
    "pa": ("هجري نېټه", "هجری قمری نېټه"),  # [M] / [C] pa/index.php/pressreleases/…/4175
}
GREGORIAN_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "en": (r"M\.",),  # [C] also tr, gr, sw
    "ar": ("التاريخ الميلادي",),  # [C]
    "ur": ("عیسوی تاریخ",),  # [C]
    "pe": ("تاریخ میلادی",),  # [C] pe/index.php/pressreleases/بنگلادیش/3684
    "pa": ("میلادي نېټه", "میلادی نېټه"),  # [M] / [C] pa/index.php/pressreleases/…/4175
}
# The press-release number label; its value runs to the next "|", the end of the line or
# the next field's label ("No: TR–BA–2016–MB–TR–014 H. 11 Raceb 1437" [C
# tr/index.php/basin-aciklamasi/türkiye/6632.html]); it may be empty ("H.  30 Rajab 1427 No:"
# [C gr/index.php/medienbuero/44.html]).
REFERENCE_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("No",),  # [C] also tr, gr, fr
    "fr": ("N°",),  # [M]
    "sw": ("Na",),  # [C] sw/index.php/taarifa-kwa-vyombo-vya-habari/kenya/449.html
    "gr": ("Nr", "Nr."),  # [M]
    "ar": ("رقم الإصدار",),  # [C]
    "ur": ("شمارہ نمبر",),  # [C] ur/index.php/میڈیا-آفس/تیونس/2626.html
    # [C] "شماره صدور:1441 AH / 021": pe/index.php/pressreleases/دفتر-مرکزی-بخش-عمومی/5397;
    # "شماره" alone [M]
    "pe": ("شماره صدور", "شماره"),
    # [C] "شمېره:      د صدور ګڼه: ۱۴۴۵/۴۱" (the value follows the second label):
    # pa/index.php/pressreleases/مرکزی-دفتر-عمومی-برخه/4509
    "pa": ("ګڼه",),
}
# Lines of the press-release contact footer when it is not a marked table.
CONTACT_LABELS: dict[str, tuple[str, ...]] = {
    # [C]; "Address & Website" a line of its own above "Tel:" under sw press releases:
    # hizbut-tahrir.info/sw/index.php/taarifa-kwa-vyombo-vya-habari/tanzania/504.html
    "en": (
        "Address & Website",
        "Address",
        "Tel",
        "Telephone",
        "Fax",
        "E-Mail",
        "Email",
        "Website",
        "Web",
    ),
    # [C] "عنوان المراسلة … تلفون:" and "E-Mail:" under a gr press release (in Arabic there):
    # hizb-ut-tahrir.info/gr/index.php/mb/zmb-dr/3454.html; the rest [M]
    "ar": ("عنوان المراسلة", "العنوان", "تلفون", "هاتف", "البريد الإلكتروني", "موقع"),
    # [C] the footer's heading hizbut-tahrir.info/tr/index.php/basin-aciklamasi/sudan/11945.html
    "tr": ("Adres Bilgileri ve Web Sitesi", "Adres", "Tel", "E-Posta", "Web"),  # the rest [M]
    "gr": ("Adresse", "Telefon", "E-Mail", "Webseite"),  # [M]
    "sw": ("Anwani", "Simu", "Barua Pepe", "Tovuti"),  # [M]
    "ur": ("پتہ", "فون", "ای میل", "ویب سائٹ"),  # [M]
    "pe": ("آدرس", "تلفن", "ایمیل", "وب سایت"),  # [M]
}
# "(Translated)" lines, compared without brackets, case or spacing.
TRANSLATED_MARKS: dict[str, tuple[str, ...]] = {
    "en": ("Translated",),  # [C]
    # [C] "(مترجم)" under ar/index.php/pressreleases/turkey/78980 (as quoted on alokab.com);
    # "مترجمة" [M]
    "ar": ("مترجم", "مترجمة"),
    "tr": ("Tercüme", "Çeviri"),  # [M]
    # [C] "(Übersetzt)": hizb-uttahrir.info/gr/index.php/mb/zmb-zmb-all/3654; the second [M]
    "gr": ("Übersetzt", "Übersetzung"),
    "ur": ("ترجمہ", "ترجمہ شدہ"),  # [M]
    "pe": ("ترجمه", "ترجمه شده"),  # [C] "(ترجمه)" pe/…/بنگلادیش/3684; the second [M]
    "pa": ("ژباړه",),  # [C] "(ژباړه)" pa/…/4175
    # [C] "(Imetafsiriwa)": hizb-ut-tahrir.info/sw/index.php/taarifa-kwa-vyombo-vya-habari/
    # uingereza/2911.html
    "sw": ("Imetafsiriwa",),
    "fr": ("Traduit", "Traduction"),  # [M]
}
# Words in a headlines digest title before its DD/MM/YYYY date.
HEADLINE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Headlines",),  # [C]
    "ar": ("عناوين",),  # [M]
    "tr": ("Manşetler",),  # [M]
    "gr": ("Schlagzeilen",),  # [M]
    "ur": ("شہ سرخیاں",),  # [M]
    "pe": ("سرخط",),  # [M]
    "pa": ("سرليکونه",),  # [M]
    "sw": ("Vichwa vya Habari",),  # [M]
    "fr": ("Titres",),  # [M]
}
# Words for a commentary digest, in titles "{region}: {words} DD/MM/YYYY" (a digest too).
COMMENTARY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("News Commentary",),  # [C] en/index.php/dawah/pakistan/25769.html
    "ar": ("التعليق على الأخبار", "تعليق على الأخبار"),  # [M]
    "tr": ("Haber Yorum", "Haber Yorumu"),  # [M]
    "gr": ("Nachrichtenkommentar",),  # [M]
    # [C] "پاکستانی خبروں پر تبصرے" over the day: hizbut-tahrir.info/ur/index.php/دعوت/پاکستان/
    # 3453.html; the singular [M]
    "ur": ("خبروں پر تبصرے", "خبروں پر تبصرہ"),
    "pe": ("تفسیر خبرها", "تفسیر خبری"),  # [M]
    "pa": ("د خبرونو تبصره",),  # [M]
    "sw": ("Maoni ya Habari",),  # [M]
    "fr": ("Commentaire de l'actualité", "Commentaire de l’actualité"),  # [M]
}
# Words that make a one-line signature an office rather than a person.
OFFICE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Media Office", "Hizb ut Tahrir", "Wilayah"),  # [C]
    "ar": ("المكتب الإعلامي", "حزب التحرير"),  # [C]
    "tr": ("Medya Bürosu", "Hizb-ut Tahrir"),  # [C]
    "gr": ("Medienbüro",),  # [M]
    "sw": ("Afisi ya Habari",),  # [C]
    "ur": ("میڈیا آفس",),  # [M]
    "pe": ("دفتر رسانه‌ای",),  # [M]
    "pa": ("مطبوعاتي دفتر",),  # [M]
    "fr": ("Bureau de Presse", "Bureau médiatique"),  # [M]
}
# What joins the party's name to a label besides SITE_NAME_LINKS' words ("Media Office of Hizb
# ut Tahrir", "المكتب الإعلامي لحزب التحرير", "Hizb ut Tahrir / …"): a header line of only
# these, labels and the party's name is no office.
PARTY_CONNECTORS = ("/", "-", "–")  # [M]
# Words that make a signature line a person's role ("Media Representative of Hizb ut Tahrir
# in …"): a role line holds the party's name and one of these; the name is the line above or
# below it. Matched at the start of a word (suffixes vary).
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    # [C] "Head of the Media Office of Hizb ut Tahrir / Wilayah of Turkey" in
    # en/index.php/press-releases/turkey/5812.html; the rest [M]
    "en": ("Representative", "Spokesman", "Spokeswoman", "Spokesperson", "Director",
           "Head", "Member", "Deputy"),
    # [C] "الناطق الرسمي لحزب التحرير في باكستان" in ar/index.php/pressreleases/pakistan/5679.html
    "ar": ("الممثل", "الناطق", "رئيس", "عضو", "مدير", "نائب", "ممثل", "ممثلة"),
    "tr": ("Sözcüsü", "Başkanı", "Temsilcisi", "Üyesi", "Müdürü"),  # [M]
    # [C] "Vertreter vom Medienbüro von Hizb ut Tahrir": gr/index.php/dawa-news/
    # palästina-das-heilige-land/1093; the rest [M]
    "gr": ("Medienrepräsentant", "Pressesprecher", "Sprecher", "Vertreter", "Leiter",
           "Mitglied"),
    # [C] "Mwakilishi kwa Vyombo vya Habari wa Hizb ut Tahrir" under the name, above "Kenya":
    # sw/index.php/taarifa-kwa-vyombo-vya-habari/kenya/4276.html; the rest [M]
    "sw": ("Mwakilishi", "Msemaji", "Mkuu", "Mwanachama"),
    "fr": ("Représentant", "Porte-parole", "Responsable", "Membre", "Directeur"),  # [M]
    "ur": ("ترجمان", "نمائندہ", "سربراہ", "رکن"),  # [C] ترجمان/سربراہ/رکن in ur/…/تیونس/2626.html
    "pe": ("نماینده", "سخنگو", "رئیس", "عضو"),  # [M]
    "pa": ("استازی", "ویاند", "مشر", "غړی"),  # [M]
}  # fmt: skip
# Words that open a signature line naming a place, the role line's continuation and never a
# name ("Vertreter vom Medienbüro von Hizb ut Tahrir" / "im Heiligen Land von Palästina" [C
# gr/index.php/dawa-news/palästina-das-heilige-land/1093], "in Wilayah Lebanon" [C
# en/…/lebanon/10237], "في السويد" [C ar/…/sweden3/78584]); the rest [M].
PLACE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("in",),
    "gr": ("im", "in"),
    "ar": ("في",),
    "fr": ("en", "au"),
    "sw": ("katika",),
    "pe": ("در",),
    "pa": ("په",),
}
BASMALA = "بسم الله الرحمن الرحيم"  # [C]


def every(table: dict[str, tuple[str, ...]]) -> list[str]:
    """All entries of a table, longest first so that alternations prefer the fullest match."""
    return sorted({entry for entries in table.values() for entry in entries}, key=len, reverse=True)


def alternation(words: Iterable[str], *, regex: bool = False) -> str:
    """A non-capturing regex alternation of literal words (or of regex fragments)."""
    return "(?:" + "|".join(w if regex else re.escape(w) for w in words) + ")"
