"""Every language-specific string the replica prints, one ``Lexicon`` per section.

Kept as data apart from the generators so a section is added by writing its table, and so the
word lists that make the synthetic text sit in one place. Strings marked [site] follow
``shared/site.md`` and ``shared/dates.md``; the rest are our own modelling choices.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

ASCII_DIGITS = "0123456789"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
BASMALA = "بسم الله الرحمن الرحيم"


@dataclass(frozen=True)
class Menu:
    """A category listing: its menu path (decoded), display name, kind of item and page size."""

    path: str
    name: str
    kind: str
    page_size: int
    weight: int  # share of the section's items filed under this menu
    office: str = ""  # press releases: the issuing office printed in the header block


@dataclass(frozen=True)
class Lexicon:
    lang: str
    rtl: bool
    site_name: str
    digits: str
    words: tuple[str, ...]
    names: tuple[str, ...]
    countries: tuple[str, ...]
    topics: tuple[str, ...]
    capitalise: bool
    full_stop: str
    # calendars (Monday first; months January/Muharram first)
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    hijri_months: tuple[str, ...]
    long_date: str  # {weekday} {gd} {gmonth} {gy}
    hijri_date: str  # {hd} {hmonth} {hy}
    # interface
    latest: Menu
    menus: tuple[Menu, ...]
    next_title: str
    prev_title: str
    start_title: str
    end_title: str
    page_counter: str  # {page} {pages}
    published_in: str
    read_more: str
    back_to_top: str
    leave_comment: str
    comment_help: str
    most_read: str
    latest_module: str
    not_found: str
    # content
    labels: tuple[str, str]  # news, comment
    qa_labels: tuple[str, str]  # question, answer
    translated: str | None
    signoff: str
    media_office: str
    press_release: str
    pr_h_line: str  # {hijri}
    pr_m_line: str  # {date}
    pr_no: str  # {ref}
    pr_ref: str  # {hy} {n}
    pr_role: str  # {office}
    pr_contact: tuple[str, str, str]  # address, phone, e-mail label
    qa_title: str  # {topic}
    qa_brother: str
    ameer: str
    qa_hijri: str  # {hijri}
    qa_date: str  # {gd} {gm} {gmonth} {gy}
    headlines_title: str  # {country} {date}
    media_link: str

    def localise_digits(self, text: str) -> str:
        """Print ASCII digits in the section's own digits (Persian in ``pe``)."""
        if self.digits == ASCII_DIGITS:
            return text
        return text.translate(str.maketrans(ASCII_DIGITS, self.digits))


_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# The press releases' H. line [site: "H.  29 Sha'aban 1444" en/…/central-media-office/24361,
# "H.  10 Dhu al-Hijjah 1435" en/…/morocco/5855].
_EN_HIJRI = (
    "Muharram", "Safar", "Rabi' I", "Rabi' II", "Jumada I", "Jumada II", "Rajab",
    "Sha'aban", "Ramadan", "Shawwal", "Dhul-Qi'dah", "Dhu al-Hijjah",
)  # fmt: skip
_AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_AR_HIJRI = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شـعبان", "رمــضان", "شوال", "ذي القعدة", "ذي الحجة",
)  # fmt: skip
_FA_WEEKDAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")
_FA_HIJRI = (
    "محرم", "صفر", "ربیع الاول", "ربیع الثانی", "جمادی الاول", "جمادی الثانی",
    "رجب", "شعبان", "رمضان", "شوال", "ذی القعده", "ذی الحجه",
)  # fmt: skip

_TR_HIJRI = (
    "Muharrem", "Safer", "Rebiülevvel", "Rebiülahir", "Cumade’l Ûlâ", "Cemaziyelahir",
    "Receb", "Şa'bân", "Ramazan", "Şevval", "Zilkade", "Zilhicce",
)  # fmt: skip
_GR_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_GR_HIJRI = (
    "Muharram", "Safar", "Rabi’u l-Awwal", "Rabi' al-thani", "Dschumada l-Ula",
    "Jumada al-thani", "Radschab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah",
    "Dhu al-Hijjah",
)  # fmt: skip
_SW_WEEKDAYS = ("Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi", "Jumapili")

# The interface of the English installation; fr reuses it (the French section runs the
# English interface, see site.md).
_EN_UI = {
    "next_title": "Next",
    "prev_title": "Prev",
    "start_title": "Start",
    "end_title": "End",
    "page_counter": "Page {page} of {pages}",
    "published_in": "Published in",
    "read_more": "Read more...",
    "back_to_top": "back to top",
    "leave_comment": "Leave a comment",
    "comment_help": (
        "Make sure you enter the (*) required information where indicated. "
        "HTML code is not allowed."
    ),
    "most_read": "Most read",
    "latest_module": "Latest",
    "not_found": "Page not found",
}


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _menus(*specs: tuple[str, str, str, int, int, str]) -> tuple[Menu, ...]:
    return tuple(Menu(p, n, k, size, w, office) for p, n, k, size, w, office in specs)


EN = Lexicon(
    lang="en",
    rtl=False,
    site_name="Central Media Office",
    digits=ASCII_DIGITS,
    words=_w(
        """the regime rulers people Ummah government policy colonial power crisis economy
        region war peace treaty agreement minister president army borders security occupation
        world nations interests resources oil gas prices markets debt loans reform elections
        parliament constitution media statement report conference summit alliance sanctions
        refugees children women families villages cities students scholars truth justice
        oppression unity revival call project system state leadership responsibility history
        future years months weeks recent ongoing serious clear real public international local
        western eastern new old great small strong weak"""
    ),
    names=(
        "Muhammad Mansour",
        "Abdullah Hakim",
        "Fatima Musab",
        "Yusuf Ali",
        "Ahmad Khattab",
        "Maryam Abdul Aziz",
        "Bilal Hamza",
        "Khalid Rahman",
    ),
    countries=("Pakistan", "Turkey", "Sudan", "Tunisia", "Jordan", "Indonesia", "Lebanon"),
    topics=("Economy", "Women", "Syria", "Palestine", "Education", "Politics", "Ramadan"),
    capitalise=True,
    full_stop=".",
    weekdays=_EN_WEEKDAYS,
    months=_EN_MONTHS,
    hijri_months=_EN_HIJRI,
    long_date="{weekday}, {gd} {gmonth} {gy}",
    hijri_date="{hd} {hmonth} {hy}",
    latest=Menu("latest-articles", "Latest Articles", "", 20, 0),
    menus=_menus(
        ("2017-01-28-14-59-33/news-comment", "News & Comment", "news_comment", 20, 30, ""),
        (
            "press-releases/central-media-office",
            "Central Media Office",
            "press_release",
            8,
            14,
            "Central Media Office",
        ),
        ("press-releases/pakistan", "Pakistan", "press_release", 20, 10, "Wilayah Pakistan"),
        ("press-releases/turkey", "Turkey", "press_release", 50, 6, "Wilayah Turkey"),
        ("press-releases/sudan", "Sudan", "press_release", 8, 6, "Wilayah Sudan"),
        ("q-and-a", "Q & A", "qa", 50, 8, ""),
        ("2017-01-28-14-59-33/headlines", "Headlines", "headlines", 8, 8, ""),
        ("2017-01-28-14-59-33/articles/analysis", "Analysis", "article", 20, 10, ""),
        ("multimedia/video", "Video", "media", 8, 8, ""),
    ),
    **_EN_UI,
    labels=("News:", "Comment:"),
    qa_labels=("Question:", "Answer:"),
    translated="(Translated)",
    signoff="Written for the Central Media Office of Hizb ut Tahrir by",
    media_office="Media Office",
    press_release="Press Release",
    pr_h_line="H.  {hijri}",
    pr_m_line="M.  {date}",
    pr_no="No: {ref}",
    pr_ref="{hy} AH / {n3}",
    pr_role="Media Representative of Hizb ut Tahrir in {office}",
    pr_contact=("Address & Website", "Tel:", "E-Mail:"),
    qa_title="Answer to Question: {topic}",
    qa_brother="Your brother,",
    ameer="Ata Bin Khalil Abu Al-Rashtah",
    qa_hijri="{hijri} AH",
    qa_date="{gd} {gmonth} {gy} CE",
    headlines_title="{country} Headlines {date}",
    media_link="Listen / Download",
)

AR = Lexicon(
    lang="ar",
    rtl=True,
    site_name="المكتب الإعلامي المركزي",
    digits=ASCII_DIGITS,
    words=_w(
        """الأمة النظام الحكام الناس الحكومة السياسة الاستعمار القوة الأزمة الاقتصاد المنطقة
        الحرب السلام المعاهدة الاتفاق الوزير الرئيس الجيش الحدود الأمن الاحتلال العالم الدول
        المصالح الثروات النفط الغاز الأسعار الأسواق الديون القروض الإصلاح الانتخابات البرلمان
        الدستور الإعلام التصريح التقرير المؤتمر القمة التحالف العقوبات اللاجئين الأطفال النساء
        الأسر القرى المدن الطلاب العلماء الحق العدل الظلم الوحدة النهضة الدعوة المشروع الدولة
        القيادة المسؤولية التاريخ المستقبل السنوات الأشهر الجديد القديم الكبير الصغير الغربي
        الشرقي الدولي المحلي الحقيقي الواضح في على من إلى عن مع بعد قبل"""
    ),
    names=(
        "محمد منصور",
        "عبد الله حكيم",
        "فاطمة مصعب",
        "يوسف علي",
        "أحمد الخطاب",
        "مريم عبد العزيز",
        "بلال حمزة",
        "خالد الرحمن",
    ),
    countries=("باكستان", "تركيا", "السودان", "تونس", "الأردن", "إندونيسيا", "لبنان"),
    topics=("الاقتصاد", "المرأة", "سوريا", "فلسطين", "التعليم", "السياسة", "رمضان"),
    capitalise=False,
    full_stop=".",
    weekdays=_AR_WEEKDAYS,
    months=(
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/ابريل",
        "أيار/مايو",
        "حزيران/يونيو",
        "تموز/يوليو",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ),
    hijri_months=_AR_HIJRI,
    long_date="{weekday}, {gd} {gmonth} {gy} م",
    hijri_date="{hd} من {hmonth} {hy}هـ",
    latest=Menu("latest-articles", "آخر الإضافات", "", 50, 0),
    menus=_menus(
        ("radio-broadcast/news-comment", "الخبر والتعليق", "news_comment", 20, 30, ""),
        (
            "pressreleases/markazy/cmo",
            "المكتب الإعلامي المركزي",
            "press_release",
            8,
            14,
            "المكتب الإعلامي المركزي",
        ),
        ("pressreleases/pakistan", "ولاية باكستان", "press_release", 20, 10, "ولاية باكستان"),
        ("pressreleases/sudan", "ولاية السودان", "press_release", 50, 6, "ولاية السودان"),
        ("pressreleases/tunisia", "ولاية تونس", "press_release", 8, 6, "ولاية تونس"),
        ("ameer/qa", "أجوبة أسئلة", "qa", 50, 8, ""),
        ("news/headlines", "عناوين الأخبار", "headlines", 8, 8, ""),
        ("articles/analysis", "مقالات", "article", 20, 10, ""),
        ("radio-broadcast/video", "مرئيات", "media", 8, 8, ""),
    ),
    next_title="التالي",
    prev_title="السابق",
    start_title="البداية",
    end_title="النهاية",
    page_counter="صفحة {page} من {pages}",
    published_in="نشر في",
    read_more="اقرأ المزيد...",
    back_to_top="إلى الأعلى",
    leave_comment="اترك تعليقاً",
    comment_help="تأكد من إدخال المعلومات المطلوبة (*) حيث أشير. لا يسمح بشيفرة HTML.",
    most_read="الأكثر قراءة",
    latest_module="الأحدث",
    not_found="الصفحة غير موجودة",
    labels=("الخبر:", "التعليق:"),
    qa_labels=("السؤال:", "الجواب:"),
    translated=None,
    signoff="كتبه لإذاعة المكتب الإعلامي المركزي لحزب التحرير",
    media_office="المكتب الإعلامي",
    press_release="بيان صحفي",
    pr_h_line="التاريخ الهجري | {hijri}",
    pr_m_line="التاريخ الميلادي | {date}",
    pr_no="رقم الإصدار: {ref}",
    pr_ref="{hy}هـ / {n3}",
    pr_role="الممثل الإعلامي لحزب التحرير في {office}",
    pr_contact=("العنوان والموقع", "هاتف:", "البريد الإلكتروني:"),
    qa_title="جواب سؤال: {topic}",
    qa_brother="أخوكم",
    ameer="عطاء بن خليل أبو الرشتة",
    qa_hijri="{hijri}",
    qa_date="{gd} {gmonth} {gy}م",
    headlines_title="عناوين الأخبار {country} {date}",
    media_link="استماع / تحميل",
)


def _section_menus(
    nc: tuple[str, str],
    central: tuple[str, str, str],
    countries: tuple[tuple[str, str, str], ...],
    qa: tuple[str, str],
    headlines: tuple[str, str],
    article: tuple[str, str],
    media: tuple[str, str],
) -> tuple[Menu, ...]:
    """The usual set of menus of a smaller section, with page sizes that differ per menu."""
    menus = [
        Menu(nc[0], nc[1], "news_comment", 20, 30),
        Menu(central[0], central[1], "press_release", 8, 14, central[2]),
    ]
    menus += [
        Menu(p, n, "press_release", (20, 50)[i % 2], 8, o) for i, (p, n, o) in enumerate(countries)
    ]
    menus += [
        Menu(qa[0], qa[1], "qa", 50, 8),
        Menu(headlines[0], headlines[1], "headlines", 8, 8),
        Menu(article[0], article[1], "article", 20, 10),
        Menu(media[0], media[1], "media", 8, 8),
    ]
    return tuple(menus)


TR = replace(
    EN,
    lang="tr",
    site_name="Merkezi Medya Ofisi",
    words=_w(
        """ümmet rejim yöneticiler halk hükümet siyaset sömürge güç kriz ekonomi bölge savaş barış
        antlaşma bakan başkan ordu sınırlar güvenlik işgal dünya milletler çıkarlar kaynaklar petrol
        fiyatlar piyasalar borç reform seçimler meclis anayasa medya açıklama rapor zirve ittifak
        mülteciler çocuklar kadınlar aileler şehirler öğrenciler âlimler hak adalet zulüm birlik
        diriliş davet proje sistem devlet liderlik sorumluluk tarih gelecek yıllar yeni eski büyük
        küçük güçlü zayıf açık gerçek uluslararası yerel batılı doğulu"""
    ),
    names=(
        "Mahmut Kar",
        "Yılmaz Çelik",
        "Emine Aksoy",
        "Hüseyin Şahin",
        "Osman Yıldız",
        "Fatma Öztürk",
    ),
    countries=("Türkiye", "Pakistan", "Suriye", "Mısır", "Tunus", "Özbekistan"),
    topics=("Ekonomi", "Kadın", "Filistin", "Eğitim", "Siyaset", "Ramazan"),
    weekdays=("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
    months=(
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ),
    hijri_months=_TR_HIJRI,
    latest=Menu("son-eklenenler", "Son Eklenenler", "", 20, 0),
    menus=_section_menus(
        ("haberler/haber-yorum", "Haber Yorum"),
        ("basin-aciklamasi/merkezi-medya-ofisi", "Merkezi Medya Ofisi", "Merkezi Medya Ofisi"),
        (
            ("basin-aciklamasi/türkiye", "Türkiye", "Türkiye Vilayeti"),
            ("basin-aciklamasi/özbekistan", "Özbekistan", "Özbekistan Vilayeti"),
        ),
        ("soru-cevap/fıkhi-sorular", "Soru Cevap"),
        ("manşetler", "Manşetler"),
        ("makaleler/analiz", "Analiz"),
        ("görsel-işitsel/video", "Video"),
    ),
    next_title="Sonraki",
    prev_title="Önceki",
    start_title="Başlangıç",
    end_title="Son",
    page_counter="Sayfa {page} / {pages}",
    published_in="Yayınlandığı yer",
    read_more="Devamını oku...",
    back_to_top="başa dön",
    leave_comment="Yorum yap",
    comment_help="Gerekli (*) bilgileri girdiğinizden emin olun. HTML koduna izin verilmez.",
    most_read="En çok okunanlar",
    latest_module="En yeniler",
    not_found="Sayfa bulunamadı",
    labels=("Haber:", "Yorum:"),
    qa_labels=("Soru:", "Cevap:"),
    translated="(Tercüme)",
    signoff="Hizb-ut Tahrir Merkezi Medya Ofisi için yazan",
    media_office="Medya Bürosu",
    press_release="Basın Açıklaması",
    pr_ref="{hy} / {n3}",
    pr_role="Hizb-ut Tahrir {office} Medya Bürosu Sözcüsü",
    pr_contact=("Adres ve Web Sitesi", "Tel:", "E-posta:"),
    qa_title="Soru Cevap: {topic}",
    qa_brother="Kardeşiniz,",
    ameer="Ata Bin Halil Ebu Raşta",
    qa_hijri="{hijri} H.",
    qa_date="{gd} {gmonth} {gy} M.",
    headlines_title="{country} Manşetleri {date}",
    media_link="Dinle / İndir",
)

GR = replace(
    EN,
    lang="gr",
    site_name="Zentrales Medienbüro",
    words=_w(
        """Umma Regime Herrscher Menschen Regierung Politik Kolonialismus Macht Krise Wirtschaft
        Region Krieg Frieden Vertrag Abkommen Minister Präsident Armee Grenzen Sicherheit Besatzung
        Welt Nationen Interessen Ressourcen Öl Gas Preise Märkte Schulden Reform Wahlen Parlament
        Verfassung Medien Erklärung Bericht Gipfel Bündnis Sanktionen Flüchtlinge Kinder Frauen
        Familien Städte Studenten Gelehrte Wahrheit Gerechtigkeit Unterdrückung Einheit Aufbruch
        Einladung Projekt System Staat Führung Verantwortung Geschichte Zukunft Jahre neue alte
        große kleine starke schwache klare echte internationale lokale westliche östliche"""
    ),
    names=("Shaker Assem", "Yusuf Müller", "Amira Schneider", "Harun Becker", "Selma Wagner"),
    countries=("Deutschland", "Österreich", "Schweiz", "Pakistan", "Syrien", "Türkei"),
    topics=("Wirtschaft", "Frauen", "Palästina", "Bildung", "Politik", "Ramadan"),
    capitalise=False,
    weekdays=_GR_WEEKDAYS,
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    hijri_months=_GR_HIJRI,
    latest=Menu("neueste-beitraege", "Neueste Beiträge", "", 20, 0),
    menus=_section_menus(
        ("nachrichten/kommentar", "Nachricht und Kommentar"),
        ("mb/zmb-zmb-all", "Zentrales Medienbüro", "Zentrales Medienbüro"),
        (("mb/zmb-dr", "Deutschsprachiger Raum", "Deutschsprachiger Raum"),),
        ("fragen/antworten", "Frage und Antwort"),
        ("schlagzeilen", "Schlagzeilen"),
        ("artikel/analyse", "Analyse"),
        ("medienbuero/video", "Video"),
    ),
    next_title="Weiter",
    prev_title="Zurück",
    start_title="Anfang",
    end_title="Ende",
    page_counter="Seite {page} von {pages}",
    published_in="Veröffentlicht in",
    read_more="Weiterlesen...",
    back_to_top="nach oben",
    leave_comment="Kommentar hinterlassen",
    comment_help="Bitte die mit (*) markierten Felder ausfüllen. HTML-Code ist nicht erlaubt.",
    most_read="Meistgelesen",
    latest_module="Neueste",
    not_found="Seite nicht gefunden",
    labels=("Nachricht:", "Kommentar:"),
    qa_labels=("Frage:", "Antwort:"),
    translated="(Übersetzt)",
    signoff="Geschrieben für das Zentrale Medienbüro von Hizb ut-Tahrir von",
    media_office="Medienbüro",
    press_release="Presseerklärung",
    pr_no="Nr: {ref}",
    pr_ref="{hy} / {n3}",
    pr_role="Medienrepräsentant von Hizb ut-Tahrir im {office}",
    pr_contact=("Adresse und Webseite", "Tel.:", "E-Mail:"),
    qa_title="Antwort auf eine Frage: {topic}",
    qa_brother="Euer Bruder,",
    qa_hijri="{hijri} n.H.",
    qa_date="{gd} {gmonth} {gy} n.Chr.",
    headlines_title="Schlagzeilen {country} {date}",
    media_link="Anhören / Herunterladen",
)

SW = replace(
    EN,
    lang="sw",
    site_name="Afisi Kuu ya Habari",
    words=_w(
        """umma serikali watawala watu siasa ukoloni nguvu mgogoro uchumi eneo vita amani mkataba
        waziri rais jeshi mipaka usalama uvamizi dunia mataifa maslahi rasilimali mafuta bei masoko
        deni mageuzi uchaguzi bunge katiba vyombo taarifa ripoti mkutano muungano vikwazo wakimbizi
        watoto wanawake familia vijiji miji wanafunzi wanazuoni ukweli haki dhulma umoja mwamko
        daawa mradi mfumo dola uongozi jukumu historia mustakbali miaka mpya zamani kubwa ndogo"""
    ),
    names=("Shabani Mwalimu", "Masoud Msellem", "Amina Juma", "Hamisi Ali", "Zainab Omar"),
    countries=("Kenya", "Tanzania", "Uganda", "Pakistan", "Sudan", "Misri"),
    topics=("Uchumi", "Wanawake", "Palestina", "Elimu", "Siasa", "Ramadhan"),
    weekdays=_SW_WEEKDAYS,
    months=(
        "Januari",
        "Februari",
        "Machi",
        "Aprili",
        "Mei",
        "Juni",
        "Julai",
        "Agosti",
        "Septemba",
        "Oktoba",
        "Novemba",
        "Desemba",
    ),
    latest=Menu("makala-mpya", "Makala Mpya", "", 20, 0),
    menus=_section_menus(
        ("habari-na-maoni", "Habari na Maoni"),
        ("taarifa-kwa-vyombo-vya-habari/afisi-kuu", "Afisi Kuu ya Habari", "Afisi Kuu ya Habari"),
        (
            ("taarifa-kwa-vyombo-vya-habari/kenya", "Kenya", "Kenya"),
            ("taarifa-kwa-vyombo-vya-habari/tanzania", "Tanzania", "Tanzania"),
        ),
        ("maswali-na-majibu", "Maswali na Majibu"),
        ("vichwa-vya-habari", "Vichwa vya Habari"),
        ("makala", "Makala"),
        ("video", "Video"),
    ),
    next_title="Inayofuata",
    prev_title="Iliyotangulia",
    start_title="Mwanzo",
    end_title="Mwisho",
    page_counter="Ukurasa {page} wa {pages}",
    published_in="Imepeperushwa katika",
    read_more="Soma zaidi...",
    back_to_top="rudi juu",
    leave_comment="Acha maoni",
    comment_help="Hakikisha umejaza taarifa zinazohitajika (*). Msimbo wa HTML hauruhusiwi.",
    most_read="Zilizosomwa zaidi",
    latest_module="Mpya",
    not_found="Ukurasa haupatikani",
    labels=("Habari:", "Maoni:"),
    qa_labels=("Swali:", "Jibu:"),
    translated="(Imetafsiriwa)",
    signoff="Imeandikwa kwa ajili ya Afisi Kuu ya Habari ya Hizb ut Tahrir na",
    media_office="Afisi ya Habari",
    press_release="Taarifa kwa Vyombo vya Habari",
    pr_no="Na: {ref}",
    pr_ref="{hy} / {n3}",
    pr_role="Mwakilishi wa Vyombo vya Habari wa Hizb ut Tahrir {office}",
    pr_contact=("Anwani na Tovuti", "Simu:", "Barua pepe:"),
    qa_title="Jibu la Swali: {topic}",
    qa_brother="Ndugu yenu,",
    qa_hijri="{hijri} H",
    qa_date="{gd} {gmonth} {gy} M",
    headlines_title="Vichwa vya Habari {country} {date}",
    media_link="Sikiliza / Pakua",
)

FR = replace(
    EN,
    lang="fr",
    words=_w(
        """oumma régime dirigeants peuple gouvernement politique colonialisme pouvoir crise économie
        région guerre paix traité accord ministre président armée frontières sécurité occupation
        monde nations intérêts ressources pétrole gaz prix marchés dette réforme élections parlement
        constitution médias déclaration rapport sommet alliance sanctions réfugiés enfants femmes
        familles villes étudiants savants vérité justice oppression unité renaissance appel projet
        système État direction responsabilité histoire avenir années nouveau ancien grand petit"""
    ),
    names=("Karim Benali", "Yacine Haddad", "Samira Bouzid", "Nabil Laroui", "Aïcha Mansouri"),
    countries=("Tunisie", "Algérie", "Maroc", "Pakistan", "Syrie", "Soudan"),
    topics=("Économie", "Femmes", "Palestine", "Éducation", "Politique", "Ramadan"),
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    menus=_section_menus(
        ("actualites-commentaires", "Actualités et commentaires"),
        ("communiques/bureau-central", "Bureau de Presse Central", "Bureau de Presse Central"),
        (("communiques/tunisie", "Tunisie", "Wilayah Tunisie"),),
        ("questions-reponses", "Questions-Réponses"),
        ("titres", "Titres"),
        ("articles", "Articles"),
        ("videos", "Vidéos"),
    ),
    labels=("Nouvelle :", "Commentaire :"),
    qa_labels=("Question :", "Réponse :"),
    translated="(Traduit)",
    signoff="Écrit pour le Bureau de Presse Central de Hizb ut Tahrir par",
    media_office="Bureau de Presse",
    press_release="Communiqué de Presse",
    pr_no="N° : {ref}",
    pr_ref="{hy} / {n3}",
    pr_role="Représentant médiatique de Hizb ut Tahrir en {office}",
    pr_contact=("Adresse et site", "Tél. :", "E-mail :"),
    qa_title="Réponse à une question : {topic}",
    qa_brother="Votre frère,",
    ameer="Ata Bin Khalil Abu Al-Rashtah",
    qa_hijri="{hijri} H",
    qa_date="{gd} {gmonth} {gy}",
    headlines_title="Titres {country} {date}",
    media_link="Écouter / Télécharger",
)

UR = replace(
    AR,
    lang="ur",
    site_name="مرکزی میڈیا آفس",
    words=_w(
        """امت حکومت حکمران لوگ سیاست استعمار طاقت بحران معیشت خطہ جنگ امن معاہدہ وزیر صدر فوج
        سرحدیں سلامتی قبضہ دنیا اقوام مفادات وسائل تیل گیس قیمتیں منڈیاں قرض اصلاحات انتخابات
        پارلیمنٹ آئین میڈیا بیان رپورٹ اجلاس اتحاد پابندیاں مہاجرین بچے خواتین خاندان شہر طلبہ
        علماء حق انصاف ظلم وحدت نشاۃ دعوت منصوبہ نظام ریاست قیادت ذمہ داری تاریخ مستقبل سال نیا
        پرانا بڑا چھوٹا کا کی کے میں سے پر کو نے اور"""
    ),
    names=("شہزاد شیخ", "نوید بٹ", "عائشہ خان", "عبدالرحمن قریشی", "بلال احمد"),
    countries=("پاکستان", "افغانستان", "ترکی", "شام", "سوڈان", "ازبکستان"),
    topics=("معیشت", "خواتین", "فلسطین", "تعلیم", "سیاست", "رمضان"),
    full_stop="۔",
    weekdays=("پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"),
    months=(
        "جنوری",
        "فروری",
        "مارچ",
        "اپریل",
        "مئی",
        "جون",
        "جولائی",
        "اگست",
        "ستمبر",
        "اکتوبر",
        "نومبر",
        "دسمبر",
    ),
    long_date="{weekday}, {gd} {gmonth} {gy} م",
    latest=Menu("تازہ-ترین", "تازہ ترین", "", 20, 0),
    menus=_section_menus(
        ("خبر-اور-تبصرہ", "خبر اور تبصرہ"),
        ("پریس-ریلیز/مرکزی-میڈیا-آفس", "مرکزی میڈیا آفس", "مرکزی میڈیا آفس"),
        (("پریس-ریلیز/پاکستان", "ولایہ پاکستان", "ولایہ پاکستان"),),
        ("سوال-و-جواب", "سوال و جواب"),
        ("شہ-سرخیاں", "شہ سرخیاں"),
        ("مضامین", "مضامین"),
        ("ویڈیو", "ویڈیو"),
    ),
    next_title="اگلا",
    prev_title="پچھلا",
    start_title="شروع",
    end_title="آخر",
    page_counter="صفحہ {page} از {pages}",
    published_in="شائع شدہ",
    read_more="مزید پڑھیں...",
    back_to_top="اوپر جائیں",
    leave_comment="تبصرہ کریں",
    comment_help="ضروری (*) معلومات درج کریں۔ HTML کوڈ کی اجازت نہیں۔",
    most_read="سب سے زیادہ پڑھے گئے",
    latest_module="تازہ ترین",
    not_found="صفحہ نہیں ملا",
    labels=("خبر:", "تبصرہ:"),
    qa_labels=("سوال:", "جواب:"),
    translated="(ترجمہ)",
    signoff="حزب التحریر کے مرکزی میڈیا آفس کے لیے لکھا گیا",
    media_office="میڈیا آفس",
    press_release="پریس ریلیز",
    pr_h_line="ہجری تاریخ {hijri}",
    pr_m_line="عیسوی تاریخ {date}",
    pr_no="شمارہ نمبر: {ref}",
    pr_ref="{hy} / {n3}",
    pr_role="{office} میں حزب التحریر کے میڈیا آفس کے ترجمان",
    pr_contact=("پتہ اور ویب سائٹ", "فون:", "ای میل:"),
    qa_title="سوال کا جواب: {topic}",
    qa_brother="آپ کا بھائی",
    ameer="عطاء بن خلیل ابو الرشتہ",
    qa_hijri="{hijri}",
    qa_date="{gd} {gmonth} {gy} عیسوی",
    headlines_title="{country} کی شہ سرخیاں {date}",
    media_link="سنیں / ڈاؤن لوڈ",
)

PE = replace(
    UR,
    lang="pe",
    site_name="دفتر مرکزی رسانه‌ای",
    digits=PERSIAN_DIGITS,
    words=_w(
        """امت رژیم حاکمان مردم حکومت سیاست استعمار قدرت بحران اقتصاد منطقه جنگ صلح پیمان وزیر
        رئیس ارتش مرزها امنیت اشغال جهان ملت‌ها منافع منابع نفت گاز قیمت‌ها بازارها بدهی اصلاحات
        انتخابات پارلمان قانون رسانه بیانیه گزارش نشست ائتلاف تحریم‌ها پناهندگان کودکان زنان
        خانواده‌ها شهرها دانشجویان علما حق عدالت ظلم وحدت خیزش دعوت پروژه نظام دولت رهبری
        مسئولیت تاریخ آینده سال‌ها جدید قدیم بزرگ کوچک در از به با که را و"""
    ),
    names=("محمد حسینی", "عبدالله رحیمی", "فاطمه احمدی", "یوسف کریمی", "زهرا نوری"),
    countries=("افغانستان", "ایران", "پاکستان", "سوریه", "ترکیه", "ازبکستان"),
    topics=("اقتصاد", "زنان", "فلسطین", "آموزش", "سیاست", "رمضان"),
    full_stop=".",
    weekdays=_FA_WEEKDAYS,
    months=(
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ),
    hijri_months=_FA_HIJRI,
    latest=Menu("آخرین-مطالب", "آخرین مطالب", "", 20, 0),
    menus=_section_menus(
        ("خبر-و-تفسیر", "خبر و تفسیر"),
        ("اعلامیه-ها/دفتر-مرکزی", "دفتر مرکزی رسانه‌ای", "دفتر مرکزی رسانه‌ای"),
        (("اعلامیه-ها/افغانستان", "ولایه افغانستان", "ولایه افغانستان"),),
        ("پرسش-و-پاسخ", "پرسش و پاسخ"),
        ("سرخط-ها", "سرخط‌ها"),
        ("مقالات", "مقالات"),
        ("ویدیو", "ویدیو"),
    ),
    next_title="بعدی",
    prev_title="قبلی",
    start_title="شروع",
    end_title="پایان",
    page_counter="صفحه {page} از {pages}",
    published_in="منتشر شده در",
    read_more="ادامه مطلب...",
    back_to_top="بازگشت به بالا",
    leave_comment="نظر دهید",
    comment_help="اطلاعات لازم (*) را وارد کنید. کد HTML مجاز نیست.",
    most_read="پربازدیدترین",
    latest_module="جدیدترین",
    not_found="صفحه یافت نشد",
    labels=("خبر:", "تفسیر:"),
    qa_labels=("پرسش:", "پاسخ:"),
    translated="(ترجمه)",
    signoff="نوشته شده برای دفتر مرکزی رسانه‌ای حزب التحریر توسط",
    media_office="دفتر رسانه‌ای",
    press_release="اعلامیه مطبوعاتی",
    pr_h_line="تاریخ هجری {hijri}",
    pr_m_line="تاریخ میلادی {date}",
    pr_no="شماره: {ref}",
    pr_role="نماینده رسانه‌ای حزب التحریر در {office}",
    pr_contact=("آدرس و وب سایت", "تلفن:", "ایمیل:"),
    qa_title="پاسخ به پرسش: {topic}",
    qa_brother="برادر شما",
    ameer="عطاء بن خلیل ابو الرشته",
    qa_date="{gd} {gmonth} {gy} م",
    headlines_title="سرخط‌های {country} {date}",
    media_link="شنیدن / دانلود",
)

PA = replace(
    PE,
    lang="pa",
    site_name="مرکزي مطبوعاتي دفتر",
    digits=ASCII_DIGITS,
    words=_w(
        """امت رژیم واکمن خلک حکومت سیاست استعمار ځواک بحران اقتصاد سیمه جګړه سوله تړون وزیر
        ولسمشر پوځ پولې امنیت اشغال نړۍ ملتونه ګټې سرچینې تېل ګاز بیې بازارونه پور اصلاحات
        ټاکنې پارلمان اساسي قانون رسنۍ اعلامیه راپور غونډه ائتلاف بندیزونه کډوال ماشومان ښځې
        کورنۍ ښارونه زده کوونکي علماء حق عدالت ظلم یووالی راپورته کېدل دعوت پروژه نظام دولت
        مشرتابه مسؤلیت تاریخ راتلونکی کلونه نوی زوړ لوی کوچنی په د له سره او"""
    ),
    names=("عبدالله احمدزی", "محمد یوسفزی", "حمیدالله نوري", "عائشه ستانکزۍ", "سیف الله وردګ"),
    countries=("افغانستان", "پاکستان", "ترکیه", "سوریه", "ازبکستان", "سودان"),
    topics=("اقتصاد", "ښځې", "فلسطین", "زده کړه", "سیاست", "روژه"),
    months=(
        "جنوري",
        "فبروري",
        "مارچ",
        "اپریل",
        "می",
        "جون",
        "جولای",
        "اګست",
        "سپتمبر",
        "اکتوبر",
        "نومبر",
        "دسمبر",
    ),
    latest=Menu("وروستي-مطالب", "وروستي مطالب", "", 20, 0),
    menus=_section_menus(
        ("خبر-او-تبصره", "خبر او تبصره"),
        ("اعلامیې/مرکزي-دفتر", "مرکزي مطبوعاتي دفتر", "مرکزي مطبوعاتي دفتر"),
        (("اعلامیې/افغانستان", "ولایه افغانستان", "ولایه افغانستان"),),
        ("پوښتنې-او-ځوابونه", "پوښتنې او ځوابونه"),
        ("سرليکونه", "سرليکونه"),
        ("مقالې", "مقالې"),
        ("ویډیو", "ویډیو"),
    ),
    next_title="بل",
    prev_title="مخکینی",
    start_title="پیل",
    end_title="پای",
    page_counter="مخ {page} له {pages}",
    published_in="خپور شوی په",
    read_more="نور ولولئ...",
    back_to_top="پورته",
    leave_comment="نظر ورکړئ",
    comment_help="اړین (*) معلومات ولیکئ. د HTML کوډ اجازه نشته.",
    most_read="ډېر لوستل شوي",
    latest_module="وروستي",
    not_found="پاڼه ونه موندل شوه",
    labels=("خبر:", "تبصره:"),
    qa_labels=("پوښتنه:", "ځواب:"),
    translated="(ژباړه)",
    signoff="د حزب التحریر مرکزي مطبوعاتي دفتر لپاره لیکنه",
    media_office="مطبوعاتي دفتر",
    press_release="مطبوعاتي اعلامیه",
    pr_h_line="هجري نېټه {hijri}",
    pr_m_line="میلادي نېټه {date}",
    pr_no="ګڼه: {ref}",
    pr_role="په {office} کې د حزب التحریر مطبوعاتي استازی",
    pr_contact=("پته او وېب پاڼه", "ټلیفون:", "برېښنالیک:"),
    qa_title="د پوښتنې ځواب: {topic}",
    qa_brother="ستاسو ورور",
    ameer="عطاء بن خلیل ابو الرشته",
    headlines_title="د {country} سرليکونه {date}",
    media_link="واورئ / ښکته یې کړئ",
)

LEXICONS: dict[str, Lexicon] = {lex.lang: lex for lex in (EN, AR, TR, GR, UR, PE, PA, SW, FR)}


@dataclass(frozen=True)
class Widget:
    """A section's header "today" line [site: shared/dates.md "header widget"]: its own
    pattern and names, apart from the press-release forms of the ``Lexicon`` (the header says
    ``Jumada al-awwal`` where a release says ``Jumada I``)."""

    pattern: str  # {weekday} {hd} {hd2} {hmonth} {hy} {gd} {gm} {gy}
    weekdays: tuple[str, ...]
    hijri_months: tuple[str, ...]
    digits: str = ASCII_DIGITS


_EN_HEADER_HIJRI = (
    "Muharram", "Safar", "Rabi' al-awwal", "Rabi' al-thani", "Jumada al-awwal",
    "Jumada al-thani", "Rajab", "Sha'aban", "Ramadan", "Shawwal", "Dhu al-Qi'dah",
    "Dhu al-Hijjah",
)  # fmt: skip
_AR_HEADER_HIJRI = (
    "محرم", "صفر", "ربيع الأول", "ربيع الثاني", "جمادى الأولى", "جمادى الثانية",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)  # fmt: skip
_GR_HEADER_HIJRI = (
    "Muharram", "Safar", "Rabi’u l-Awwal", "Rabi’u th-Thani", "Dschumada l-Ula",
    "Dschumada th-Thaniya", "Radschab", "Schaban", "Ramadan", "Schawwal", "Dhu l-Qa'da",
    "Dhu l-Hiddscha",
)  # fmt: skip
_TR_HEADER_HIJRI = (*_TR_HIJRI[:5], "Cumade’l Âhire", *_TR_HIJRI[6:])
_SW_HEADER_HIJRI = (*_EN_HEADER_HIJRI[:8], "Ramadhan", *_EN_HEADER_HIJRI[9:])
_EN_HEADER = "{weekday}, {hd} {hmonth} {hy} | {gy}/{gm}/{gd}"
_FA_HEADER = Widget(
    "{weekday}, {hd} {hmonth} {hy}هـ| {gy}/{gm}/{gd}م", _FA_WEEKDAYS, _FA_HIJRI, PERSIAN_DIGITS
)
WIDGETS: dict[str, Widget] = {
    "en": Widget(_EN_HEADER, _EN_WEEKDAYS, _EN_HEADER_HIJRI),
    "fr": Widget(_EN_HEADER, _EN_WEEKDAYS, _EN_HEADER_HIJRI),  # the English interface
    "ar": Widget(
        "{weekday}، {hd} {hmonth} {hy}هـ| {gy}/{gm}/{gd}م", _AR_WEEKDAYS, _AR_HEADER_HIJRI
    ),
    "ur": Widget("{weekday}، {hd} {hmonth} {hy}| {gy}/{gm}/{gd}", _AR_WEEKDAYS, _AR_HEADER_HIJRI),
    "tr": Widget(_EN_HEADER, TR.weekdays, _TR_HEADER_HIJRI),
    "gr": Widget("{weekday}, {hd} {hmonth} {hy} | {gd}/{gm}/{gy}", _GR_WEEKDAYS, _GR_HEADER_HIJRI),
    "sw": Widget("{weekday}, {hd2} {hmonth} {hy} | {gy}/{gm}/{gd}", _SW_WEEKDAYS, _SW_HEADER_HIJRI),
    "pe": _FA_HEADER,
    "pa": _FA_HEADER,
}
