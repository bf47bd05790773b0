"""The word, month and abbreviation vocabularies every text stage shares.

Why one module: sentence splitting, the text index, attribution and the byline reader each
need to know what a word is, which dotted words are abbreviations rather than sentence ends,
and how months are written.  Written once here, they cannot drift apart (a word counted by
the linker but not by the index would shift every link after it).
"""

from __future__ import annotations

import re

# A word: letters/digits, with inner apostrophes kept ("don't", "Dunmere’s").
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")

# Month names as newsroom copy writes them, capitalised, optionally abbreviated ("Sept.").
MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# Titles and short forms whose full stop does not end a sentence ("Dr. Ines Moreau",
# "U.S. officials", "Jan. 4"); lower case, without the final full stop.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof sen rep gov gen col lt sgt capt cmdr maj adm rev hon pres supt "
    "insp det cllr atty ald st jr sr".split()
)
COMPANY_ABBREVIATIONS = frozenset(("inc", "ltd", "co", "corp"))
ABBREVIATIONS = TITLE_ABBREVIATIONS | COMPANY_ABBREVIATIONS | frozenset(
    "no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k "
    "e.g i.e a.m p.m mt ft ave dept est approx fig".split()
)

# Function words: they carry no fact of their own, so a run of them is no evidence that two
# sentences say the same thing, and none of them says what a figure counts.
STOPWORDS = frozenset(
    (
        "a an the and or but of to in on at for by with from as is are was were be been being "
        "it its this that these those he she they we you i his her their our your my not no so "
        "if than then there here which who whom whose what when where why how all any each more "
        "most some such only also very can could would should will may might must do does did "
        "has have had said says about into over after before up down out off again just"
    ).split()
)


def normalise_word(word: str) -> str:
    """Lower case with a straight apostrophe: the form words are compared in."""
    return word.lower().replace("\u2019", "'")


def words(text: str) -> list[str]:
    """Lower-cased words with straight apostrophes, for comparing runs of wording."""
    return [normalise_word(word) for word in WORD.findall(text)]
