"""The one real page we have (``shared/seeds/000_107e7ff505ab7a61.txt``), rebuilt exactly.

Its text is reproduced as the seed rendering shows it; the markup around it follows
``docs/markup.md``. It is served as English item ``catalog.SEED_ITEM_ID``.
"""

from __future__ import annotations

from archiver.replica.generator import SITE, Content
from archiver.replica.languages import BASMALA, EN
from archiver.replica.richtext import Block, Br, Image, Text

TITLE = "Lavrov Scares Central Asia Countries"
AUTHOR = "Muhammad Mansour"

NEWS = (
    "Against the backdrop of Russia's impending massive defeat in its own war in Ukraine, Russian"
    " Foreign Minister Lavrov made a series of ambitious statements claiming to maintain Russian"
    " hegemony in the countries of Central Asia, which has recently been increasingly"
    ' questioned. As usual, Lavrov used the so-called "Islamic threat". “The plans of ISIS and'
    " their supporters to destabilize the Central Asian states and export instability to Russia"
    " are of particular concern. An alarming signal is the build-up of Jamaat Ansarullah and the"
    " Islamic Movement of Uzbekistan (IMU) units in the area of the Afghan-Tajik and"
    " Afghan-Uzbek borders,” he said.",
    "In addition, he stated that Russia considers unacceptable the deployment of any US and NATO"
    " military infrastructure or the Afghans serving them on the territory of neighboring states,"
    " primarily in Central Asia.",
)
COMMENT = (
    "It is noteworthy that before the Taliban came to power in Afghanistan, similar statements"
    " were made by Russian officials mentioning this movement. Today, when Moscow has"
    " established relations with the Taliban, other organizations are already being used as a"
    " scarecrow.",
    "In addition, the minister added that Russia considers unacceptable the deployment of any US"
    " and NATO military infrastructure or Afghans serving them on the territory of neighboring"
    ' states, primarily in Central Asia. Lavrov said that they "contradict the obligations that'
    ' follow from the statutory documents of the Collective Security Treaty Organization",'
    " apparently realizing that all the international organizations created by Russia and their"
    " influence are now under a big question.",
    "It should be noted that this statement was made against the background of the emerging"
    " weakening of Russia's influence in the countries of Central Asia and the already begun"
    " distancing from it of some countries of the region.",
)


def _labelled(label: str, section: str, paragraphs: tuple[str, ...]) -> list[Block]:
    head = Block((Text(label, bold=True),), role="label", section=section)
    return [head, *(Block((Text(p),), section=section) for p in paragraphs)]


def seed_content() -> Content:
    blocks = [
        Block((Text(BASMALA, bold=True),), center=True),
        Block((Image(f"{SITE}/images/banners/nc.png", "NC"),), center=True),
        Block((Text(TITLE),), role="title", tag="h3", center=True),
        *_labelled(EN.labels[0], "news", NEWS),
        *_labelled(EN.labels[1], "comment", COMMENT),
        Block((Text(EN.signoff, bold=True), Br(), Text(AUTHOR, bold=True)), role="signoff"),
    ]
    return Content(
        title=TITLE,
        subtitle=None,
        translated=False,
        blocks=tuple(blocks),
        intro_count=0,
        author=AUTHOR,
    )
