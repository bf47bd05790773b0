"""Which words of a run name a person, which give their title, and whether the run names
an organisation.

Why apart from ``names``: ``names`` reads a whole attribution phrase (clauses, datelines,
spokespeople, "Name, role" lists) into a speaker; underneath, it and the scan of running
text for people (``name_runs``) ask the same word-level questions ("Health Minister Lena
Park": where does the title end?  "Harlan Electric Co.": a person or a company?), answered
once here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing_app.core.attribution.word_lists import (
    ORG_WORDS,
    PARTICLES,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
)

# A word that can be part of a name: capitalised ("al-Rashid"), or an initial ("J.").
NAME_TOKEN = re.compile(
    r"^(?:[a-z]{1,3}-)?[A-Z\u00c0-\u00de][\w\u2019'\-.]*$|^[A-Z]\.$"  # "al-Rashid", "J."
)
# A compound adjective describes; it does not name ("Athens-based", "state-owned").
COMPOUND_ENDINGS = "based|owned|listed|run|headquartered|backed"
COMPOUND_ADJECTIVE = re.compile(  # from a word start only, so a long run is read once
    rf"(?<![\w\u00c0-\u024f-])[\w\u00c0-\u024f]++-(?:{COMPOUND_ENDINGS})"
)
# Occupations by their endings ("Glaciologist", "Physicist", "Historian", "Librarian",
# "Statistician"), so a title no word list holds stays out of a name.  Surnames with
# these endings are left alone: Lindqvist, Bergquist; and names under seven letters.
_OCCUPATION_ENDING = re.compile(
    r"(?<!\w)(?i:\w{2,}(?:ologist|[^vu]ist|ician|arian|torian))"  # from a word start only
)


def looks_like_role(text: str) -> bool:
    """A short phrase holding a role word ("port director", "the union's secretary")."""
    words = text.split()
    return 1 <= len(words) <= 8 and any(word.lower().strip(",.") in ROLE_WORDS for word in words)


def split_role_and_name(phrase: str) -> tuple[str | None, str | None]:
    """Split "Health Minister Lena Park" into ("Lena Park", "Health Minister")."""
    tokens = phrase.split()
    index = len(tokens)
    while index > 0 and _is_name_token(tokens[index - 1], tokens, index - 1):
        index -= 1
    name_tokens = tokens[index:]
    while name_tokens and name_tokens[0].lower() in PARTICLES and index > 0:
        name_tokens = name_tokens[1:]  # "… of de la Tour": keep particles only at the start
        index += 1
    if all(token.lower() in PARTICLES for token in name_tokens):
        return None, None
    if not name_tokens or len(name_tokens) > 4:
        return None, None
    before, end = (tokens[index - 1].lower() if index > 1 else ""), index
    if before in ("of", "for", "at") and is_organisation(" ".join(name_tokens)):
        end = index - 1  # "Analysts at Fennick Capital Partners": its staff, "Analysts"
    elif before in ("of", "for", "at") and len(name_tokens) >= 3:
        index = end = index + 1  # "Mayor of Dunmere Bram Rahimi": the place is the title's
        name_tokens = name_tokens[1:]
    role = " ".join(tokens[:end]).strip(" ,") or None
    if role and role.lower() in {"the", "a", "an"}:
        role = None
    return " ".join(name_tokens), role


def _is_name_token(token: str, tokens: list[str], position: int) -> bool:
    bare = token.strip(",;:")
    if bare.lower() in PARTICLES and (position > 0 or len(tokens) > 1):
        return True
    if bare.lower() in ROLE_WORDS or bare.lower() in PRONOUNS or _is_occupation(bare):
        return False
    if COMPOUND_ADJECTIVE.fullmatch(bare):  # "Athens-based" describes, it does not name
        return False
    return bool(NAME_TOKEN.match(bare))


def looks_like_name(text: str) -> bool:
    """Every word could be part of a person's name, and the words are no organisation."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or is_organisation(text):
        return False
    return all(_is_name_token(token, tokens, i) for i, token in enumerate(tokens))


def is_organisation(text: str) -> bool:
    """ "The Dockworkers’ Union", "Harlan Electric Co.": capitalised words ending in an org word."""
    written = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).split()
    if not 1 <= len(written) <= 7 or not written[0][:1].isupper():
        return False
    small = {"of", "for", "and", "the", "on", "in", "&"}
    if not all(word[:1].isupper() or word in small for word in written):
        return False
    if not any(word.lower().strip(",.") in ORG_WORDS for word in written):
        return False
    # "Council Leader Beatriz Núñez-Ortiz": a title, then a person — not the council; but
    # "National Council of School Technology Officers" is the council.
    name, role = split_role_and_name(" ".join(written))
    if not (name and role and len(name.split()) >= 2):
        return True
    title = role.split()[-1].lower().strip(",.")
    named_org = any(token.lower() in ORG_WORDS for token in name.split())
    return named_org or title not in ROLE_WORDS or title in ROLE_MODIFIERS


@lru_cache(maxsize=4096)
def is_person_name(name: str) -> bool:
    """True for a person's name ("Amara Okafor"), false for an organisation."""
    return looks_like_name(name) and not is_organisation(name)


def _is_occupation(word: str) -> bool:
    return len(word) >= 7 and _OCCUPATION_ENDING.fullmatch(word) is not None
