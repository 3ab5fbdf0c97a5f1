# ruff: noqa: E501
"""Date strings of the shapes real pages of the site print (re-typed spelling facts; the page
each shape was seen on is named in docs/dates.md), with the parse expected of each."""

from __future__ import annotations

from datetime import date

import pytest

from archiver.dates import parse_date

# (printed, Gregorian day, Hijri as printed, status)
REAL = [
    ("H.  29 Sha'aban 1444 No: 1444 AH / 033\nM.  Tuesday, 21 March 2023", date(2023, 3, 21), "1444-08-29", "ok"),
    ("H.  30 Sha'aban 1435 No: 02/1435 AH\nM.  Saturday, 28 June 2014", date(2014, 6, 28), "1435-08-30", "ok"),
    ("H.  6 Dhu al-Hijjah 1445 No: 1445 / 28\nM.  Wednesday, 12 June 2024", date(2024, 6, 12), "1445-12-06", "ok"),
    ("H.  7 Rabi' II 1431 No: 178/PU/E/03/10\nM.  Tuesday, 23 March 2010", date(2010, 3, 23), "1431-04-07", "ok"),
    ("H.  22 Jumada I 1439 No: 19/39\nM.  Thursday, 08 February 2018", date(2018, 2, 8), "1439-05-22", "ok"),
    ("Thursday, 26 Jumada II 1436 AH - 26 March 2015 CE", date(2015, 3, 26), "1436-06-26", "hijri_mismatch"),
    ("Tuesday, 15 Rabi' al-thani 1447 | 2025/10/07", date(2025, 10, 7), "1447-04-15", "ok"),
    ("No: TR–BA–2011–RSY–TR–0011 H. 30 Raceb 1432\nM. Cumartesi, 02 Temmuz 2011", date(2011, 7, 2), "1432-07-30", "ok"),
    ("No: TR-BA-2009-RSY-TR-0022 H. 4 Şa'bân 1430\nM. Pazar, 26 Temmuz 2009", date(2009, 7, 26), "1430-08-04", "ok"),
    ("No: TR–BA–2016–MB–TR–021 H. 11 Şevvâl 1437\nM. Cumartesi, 16 Temmuz 2016", date(2016, 7, 16), "1437-10-11", "ok"),
    ("No: TR-BA-2018-MB-TR-001 H. 21 Cumâde’l Ûlâ 1439\nM. Çarşamba, 07 Şubat 2018", date(2018, 2, 7), "1439-05-21", "ok"),
    ("No: TR–BA–2017–MB–TR–004 |\nH. 3 Raceb 1438 M. Cuma, 31 Mart 2017 |", date(2017, 3, 31), "1438-07-03", "ok"),
    ("Salı, 29 Safer 1446 | 2024/09/03", date(2024, 9, 3), "1446-02-29", "ok"),
    ("التاريخ الهجري | 29 من رمــضان المبارك 1445هـ | رقم الإصدار: 1445هـ / 031 |\nالتاريخ الميلادي | الإثنين, 08 نيسان/ابريل 2024 م |", date(2024, 4, 8), "1445-09-29", "ok"),
    ("التاريخ الهجري    29 من شـعبان 1431هـ رقم الإصدار: 1431 هـ / 20\nالتاريخ الميلادي     الثلاثاء, 10 آب/أغسطس 2010 م", date(2010, 8, 10), "1431-08-29", "ok"),
    ("الإثنين، 28 صَفر 1446| 2024/09/02", date(2024, 9, 2), "1446-02-28", "ok"),
    ("ہجری تاریخ | 29 من رجب 1442هـ | شمارہ نمبر: 1442 AH / 026 |\nعیسوی تاریخ | جمعہ, 12 مارچ 2021 م |", date(2021, 3, 12), "1442-07-29", "ok"),
    ("ہجری تاریخ     شمارہ نمبر:\nعیسوی تاریخ     بدھ, 04 مارچ 2015 م", date(2015, 3, 4), None, "ok"),
    ("H. 9 Jumada I 1441 | No: 1441 AH / 005 |\nM. Mittwoch, 06 November 2019 |", date(2019, 11, 6), "1441-05-09", "hijri_mismatch"),
    ("H.  30 Rajab 1427 No:\nM.  Donnerstag, 24 August 2006", date(2006, 8, 24), "1427-07-30", "ok"),
    ("Freitag, 24 Rajab 1446 | 24/01/2025", date(2025, 1, 24), "1446-07-24", "ok"),
    ("H.  29 Ramadan 1442 Na: 1442/11 H\nM.  Jumanne, 11 Mei 2021", date(2021, 5, 11), "1442-09-29", "ok"),
    ("Jumatatu, 25 Rajab 1440 H sawia na 1 Aprili 2019", date(2019, 4, 1), "1440-07-25", "ok"),
    ("تاریخ هجری :29 شعبان 1441\nتاریخ میلادی : چهارشنبه، 22 آوریل 2020م", date(2020, 4, 22), "1441-08-29", "ok"),
    # Issue 9, seen on the site's hosts (docs/dates.md "Confirmed from the site's pages").
    ("H.  8 Rajab 1436 No: BN/S 015/190\nM.  Monday, 27 April 2015", date(2015, 4, 27), "1436-07-08", "ok"),
    ("H.  10 Dhu al-Hijjah 1435 No: 04/1435 AH\nM.  Saturday, 04 October 2014", date(2014, 10, 4), "1435-12-10", "ok"),
    ("Monday, 18 Dhu al-Hijjah 1445 | 2024/06/24", date(2024, 6, 24), "1445-12-18", "ok"),
    ("H.  12 Ramadan 1438 No: PR17044\nM.  Wednesday, 07 June 2017", date(2017, 6, 7), "1438-09-12", "ok"),
    ("H. 5 Dhu al-Hijjah 1439 | No: HTS 60/1439 |\nM. Donnerstag, 16 August 2018 |", date(2018, 8, 16), "1439-12-05", "ok"),
    ("No: TR–BA–2016–MB–TR–014 H. 11 Raceb 1437\nM. Pazartesi, 18 Nisan 2016", date(2016, 4, 18), "1437-07-11", "ok"),
    ("H. 23 Receb 1432 el-muvafık M. 24 Haziran 2011 Cuma", date(2011, 6, 24), "1432-07-23", "ok"),
    ("التاريخ الهجري | 16 من ربيع الثاني 1442هـ | رقم الإصدار: أفغ – 1442 / 04 |\nالتاريخ الميلادي | الثلاثاء, 01 كانون الأول/ديسمبر 2020 م |", date(2020, 12, 1), "1442-04-16", "ok"),
    ("التاريخ الهجري    27 من محرم 1436هـ رقم الإصدار: 03 /1436\nالتاريخ الميلادي     الخميس, 20 تشرين الثاني/نوفمبر 2014 م", date(2014, 11, 20), "1436-01-27", "ok"),
    ("التاريخ الهجري    29 من ربيع الاول 1442هـ رقم الإصدار: أفغ – 1442 / 03\nالتاريخ الميلادي     الأحد, 15 تشرين الثاني/نوفمبر 2020 م", date(2020, 11, 15), "1442-03-29", "ok"),
    ("هجری قمری نېټه : 18 شعبان 1444\nمیلادی نېټه : جمعه, 10 مارچ 2023 م", date(2023, 3, 10), "1444-08-18", "ok"),
    ("am 28. Rajab 1342 n. H. – entsprechend am 3. März 1924 n. Chr.", date(1924, 3, 3), "1342-07-28", "out_of_range"),
    # Lost before issue 9: the Hijri of an epithet with year words between it and the year, of
    # "Rajab al Muharram" spaced, and a one-line Pashto block whose reference ran over the date.
    ("28 Rajab Tukufu katika mwaka wa 1342 H sawia na tarehe 3 Machi 1924 M", date(1924, 3, 3), "1342-07-28", "out_of_range"),
    ("28 Rajab al-Muharram katika mwaka wa 1342 H sawia na 03/03/1924 M", date(1924, 3, 3), "1342-07-28", "out_of_range"),
    ("Saturday, 29 Rajab al Muharram 1442 corresponding 13 March 2021 CE", date(2021, 3, 13), "1442-07-29", "ok"),
    ("ګڼه: ح.ت.افغ ۰۴/۱۴۴۲ سهشنبه ۱۶ ربیع الثاني، ۱۴۴۲هـ ۰۱/۱۲/۲۰۲۰م", date(2020, 12, 1), "1442-04-16", "ok"),
    # Spellings no table listed (read only through the calendar check, or not at all, before):
    # pa "ذولحجه", pe "ذولقعده", tr "Cumâde’s Sânî" (press release and header widget), sw
    # "Disemba"; and pe's reference label "شماره صدور" before the Gregorian line.
    ("هجری قمری نېټه :     10 ذولحجه 1445\nمیلادی نېټه :     یکشنبه, 16 جون 2024 م", date(2024, 6, 16), "1445-12-10", "ok"),
    ("تاریخ هجری :1 ذولقعده 1444\nتاریخ میلادی : یکشنبه، 21 می 2023م", date(2023, 5, 21), "1444-11-01", "ok"),
    ("H. 20 Cumâde’s Sânî 1440 M. Pazartesi, 25 Şubat 2019 |", date(2019, 2, 25), "1440-06-20", "ok"),
    ("Çarşamba, 26 Cumade’s Sânî 1447 | 2025/12/17", date(2025, 12, 17), "1447-06-26", "ok"),
    ("H.  16 Jumada I 1444 Na: 1444 H / 04\nM.  Jumamosi, 10 Disemba 2022", date(2022, 12, 10), "1444-05-16", "ok"),
    ("شماره صدور:1441 AH / 021 تاریخ میلادی : چهارشنبه، 22 آوریل 2020م", date(2020, 4, 22), None, "ok"),
    # The English month first (before: only the Hijri part was read, hijri_only); the second
    # prints a Gregorian day five months from its Hijri one, and says so.
    ("On 11 Safar 1424 Hijri or April 13, 2003 CE", date(2003, 4, 13), "1424-02-11", "ok"),
    ("Saturday, 03 Dhul Hijjah 1435 AH- April 27, 2014 CE", date(2014, 4, 27), "1435-12-03", "hijri_mismatch"),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "day", "hijri", "status"), REAL, ids=lambda v: repr(v)[:40])
def test_real_site_shapes_parse(raw: str, day: date, hijri: str | None, status: str) -> None:
    result = parse_date(raw)
    assert (result.published_date, result.published_hijri, result.date_status) == (
        day,
        hijri,
        status,
    )
