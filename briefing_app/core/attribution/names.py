"""Read an attribution phrase into a speaker: a name and a role.

Why apart from the shapes: every attribution shape ends with a phrase naming who spoke
("Port Director Amara Okafor", "a spokesperson for the Dockworkers' Union", "Roe, 54, a
nurse"); splitting that phrase into a name and a role is one job, shared by the shapes and by
the article-wide register of people.  The word-level questions under it (where a title
ends, whether a run is an organisation) are ``name_words``'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing_app.core.attribution.name_words import (
    COMPOUND_ENDINGS,
    NAME_TOKEN,
    is_organisation,
    looks_like_name,
    looks_like_role,
    split_role_and_name,
)
from briefing_app.core.attribution.speech import ABBREVIATION_DOT
from briefing_app.core.attribution.word_lists import (
    GROUPS,
    HONORIFICS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERB_PATTERN,
)
from briefing_app.core.model import Speaker

# Each space run before a word is tried once, from its start, and taken whole: a match
# starting inside a run would only be a later start of the same removal.
_TRAILING_CIRCUMSTANCE = re.compile(
    r"(?=\s)(?<!\s)\s++(?:in an? (?:statement|interview|email|post|letter|speech|briefing)"
    r"|on (?:\w+day|\w+ \d+)|last week|this week|yesterday|today|earlier|later)\b.*$",
    re.IGNORECASE,
)
# A clause after the name, not part of who spoke: "said Ana Ruiz after the vote",
# "…, Ruiz, speaking outside the court, said", "Ruiz, who voted against it, said".
_CLAUSE_START = re.compile(
    r"^(?:after|before|during|following|when|while|speaking|adding|as|outside|inside|"
    r"defending|prosecuting|mitigating|responding|sentencing|testifying|summing up|"
    r"at (?:the|a|an|his|her|their|its)|in (?:a|an|the|his|her|their|its)|on|through|"
    r"who|whom|whose|which|that|one of|in spanish|in french|in english|via)\b",
    re.IGNORECASE,
)
_CLAUSE_AFTER_NAME = re.compile(
    r"(?<=[A-Za-z\u00c0-\u024f\u2019'.])\s+(?:after|before|during|following|when|while|"
    r"speaking|outside|through|via|in (?:a|an|the|spanish|french|english|his|her|their)|"
    r"at (?:a|an|the|his|her|their))\b.*$"
)
# Unnamed people keep the article's words: "a senior official at the authority", "a person
# familiar with the talks", "one veteran teacher".  (Spokespeople speak for their
# organisation instead.)
_UNNAMED_START = re.compile(r"^(?:an?|one|two|three|several|some|another)\s+", re.IGNORECASE)


# "Economist Dmitri Volkov of Brannock Capital": a person, then the organisation they speak for.
# (The lazy person never ends two characters into a space run, and words and space runs are
# taken whole, so a long run is read once: see ``shapes``.)
_PERSON_OF_ORG = re.compile(
    r"^(?P<person>.+?)(?<!\s\s)\s++(?:of|at|from|with)\s++(?P<org>(?:the\s++)?[A-Z][\w\u2019'&.-]*+"
    r"(?:\s++(?:[A-Z][\w\u2019'&.-]*+|of|for|and|on|&))*+)$"
)
# "The Maritime Union's Geoff Ames", "Nakhla Minerals' chief executive Khalid al-Harthy".
_ORG_POSSESSIVE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<org>[A-Z][^,]*(?:[\u2019']s|s[\u2019']))\s+(?P<person>[^,]+)$"
)
# "the Lord Mayor", "the official": a person named earlier, referred to by role.
_ROLE_REFERENCE = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<role>[^,]{2,60})$")
# A wire dateline before the story's first words: "LONDON —", "GENEVA (Reuters) -",
# "LONDON, Feb 27 —", "WASHINGTON, Dec. 3 (AP) —".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{0,40}+(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?,?\s*(?:\([^)]{0,40}\))?"
    r"\s*(?:[\u2014\u2013]|--?)\s*"
)
_SPOKES = (
    r"spokes(?:person|man|woman)|officials?|representative|source|executive|analyst|economist|"
    r"adviser|advisor|lawyer|engineer|manager|director|researcher|strategist"
)
_ORG_SPOKESPERSON = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(?P<org>[A-Z][\w\u2019'&.-]*(?:\s+[A-Z][\w\u2019'&.-]*){{0,4}})\s+"
    rf"(?P<role>{_SPOKES})$"
)
_SPOKESPERSON_FOR = re.compile(
    rf"^(?:an?|the)\s+(?P<role>{_SPOKES})\s+(?:for|at|with|from|of)\s+(?P<org>.{{2,60}})$",
    re.IGNORECASE,
)
_LOWER_ORG = re.compile(
    r"^the\s+(?P<org>(?:[\w\u2019'-]+\s+){0,3}(?:ministry|department|authority|council|company|"
    r"union|agency|government|office|police|commission|committee|board|court|army|military|"
    r"firm|group|school|university|hospital|trust|city|county|state|federation|association|"
    r"regulator|operator|airline|bank|charity|club|league|campaign|coalition|party))$",
    re.IGNORECASE,
)


_AGE = re.compile(r"^\s*\d{1,3}\s*(?:,\s*|$)")
# "…, a nurse who …"
_RELATIVE_CLAUSE = re.compile(r"(?=\s)(?<!\s)\s++(?:who|whom|whose|which)\b.*$")
_DASH_BREAK = re.compile(r"\s[\u2014\u2013]\s|\s--\s")
_TRAILING_SPEECH_VERB = re.compile(rf"(?=\s)(?<!\s)\s++{SPEECH_VERB_PATTERN}$")
# "Ana Ruiz told Harbour Radio", "Ruiz, said in a statement …": the name before the verb
# (never two characters into a space run, so the run before the verb is read once).
_TOLD_OUTLET = re.compile(
    r"^(?P<name>.+?),?(?<!\s\s)\s++(?:told|tells|wrote (?:in|on|to)|said (?:in|on|to))\s+.+$"
)
# A clause that says what someone does, kept as their role when the article gives no other
# ("Tomás de Búrca, who chairs the fishermen's co-operative, said").
_DESCRIBING_CLAUSE = re.compile(
    r"^who\s+(?:chairs|leads|led|heads|headed|runs|ran|owns|manages|managed|directs|directed|"
    r"teaches|represents|coaches|founded|co-founded|edits|advises|oversees|oversaw|"
    r"coordinates|coordinated|organises|organizes|organised|organized)\b"
)


def clean_role(role: str | None) -> str | None:
    """Trim what is not a role: a dateline, an age, a leading article or "from", an
    honorific, a relative clause, a possessive's "'s"."""
    if not role:
        return None
    role = _DATELINE.sub("", role.strip())
    role = _DASH_BREAK.split(role)[-1]
    parts = [part.strip() for part in role.split(",") if part.strip()]
    parts = [part for part in parts if not _CLAUSE_START.match(part)] or parts[:1]
    if len(parts) > 1 and not looks_like_role(parts[0]) and looks_like_role(parts[-1]):
        parts = parts[-1:]  # "Her brother, finance director" -> "finance director"
    role = ", ".join(parts)
    role = _AGE.sub("", role)
    role = _RELATIVE_CLAUSE.sub("", role)
    role = re.sub(r"^(?:an?|the|from)\s+", "", role.strip(" ,;:"), flags=re.IGNORECASE)
    role = re.sub(r"^(?:an?|the)\s+", "", role, flags=re.IGNORECASE)
    words = [word for word in role.split() if word.lower() not in HONORIFICS]
    role = " ".join(words).strip(" ,;:")
    role = re.sub(r"[\u2019']s$", "", role)  # "The union's Geoff Ames" -> "union"
    if not role or role.isdigit():
        return None
    if re.match(r"^(?:who|whose|which|that)\b", role, re.I) and not _DESCRIBING_CLAUSE.match(role):
        return None
    return role


@lru_cache(maxsize=8192)
def speaker_from_phrase(phrase: str) -> Speaker | None:
    """Split an attribution phrase ("Port Director Amara Okafor") into name and role.

    A pronoun comes back as itself (``Speaker(name="she")``) for the caller to resolve; an
    unnamed source keeps the article's words as its name; None when the phrase names nobody.
    """
    speaker = _speaker_from_phrase(phrase.replace(ABBREVIATION_DOT, "."))
    if speaker is None:
        return None
    name = " ".join(w for w in speaker.name.split() if w.lower() not in HONORIFICS) or speaker.name
    if name.lower() in GROUPS:
        return None
    name = _ORG_ARTICLE_OR_ADJECTIVE.sub("", name)
    return Speaker(name=name, role=clean_role(speaker.role))


# What a newsroom writes before an organisation's name but is not part of it: "The" before
# two or more capitalised words ("the Ironbark Bulls"; "The Guardian" keeps it) and a
# compound adjective ("Athens-based", "state-owned", "London-listed").
_ORG_ARTICLE_OR_ADJECTIVE = re.compile(
    r"^(?:The\s+(?=[A-Z][\w\u2019'&.-]*\s+[A-Z])"
    rf"|[\w\u00c0-\u024f]+-(?:{COMPOUND_ENDINGS})\s+(?=[A-Z]))"
)


def _without_leading_clauses(who: str) -> str:
    """ "At a hearing on Tuesday night, Okafor" -> "Okafor"; "Speaking to reporters, the
    mayor" -> "the mayor": where and when come first, then who."""
    parts = who.split(",")
    while len(parts) > 1 and parts[0][:1].isupper() and (
        _CLAUSE_START.match(parts[0]) or _PARTICIPLE_CLAUSE.match(parts[0])
    ):
        parts = parts[1:]
    return ",".join(parts).strip()


# "Passing sentence,", "Asked about the delay,", "Reading from a statement,": a participle
# and a lower-case word ("Channing Tatum," is a name).
_PARTICIPLE_CLAUSE = re.compile(r"^(?:[A-Z][a-z]{2,}ing|Asked|Pressed|Questioned)\s+[a-z]")


def _trimmed(phrase: str) -> str:
    """The phrase without what surrounds a speaker: punctuation, a leading conjunction, "a
    statement from", "told Outlet", a trailing verb or circumstance."""
    who = phrase.strip(" ,.;:\u2014\u2013-\"'\u201c\u201d")
    who = _DATELINE.sub("", who)  # "LONDON, Feb 27 — Brightwell Foods, …"
    who = _without_leading_clauses(who)
    who = _TRAILING_CIRCUMSTANCE.sub("", who)
    who = _TRAILING_SPEECH_VERB.sub("", who)
    who = re.sub(r"^(?:and|but|as|while|so|yet|meanwhile|later|instead),?\s+", "", who,
                 flags=re.IGNORECASE)
    who = re.sub(
        r"^(?:an? |the )?(?:written |joint )?(?:statement|report|post|letter|release|filing) "
        r"(?:from|by|of|for) ",
        "",
        who,
        flags=re.IGNORECASE,
    )
    told = _TOLD_OUTLET.match(who)
    return told.group("name").strip(" ,") if told else who


def _speaker_from_phrase(phrase: str) -> Speaker | None:
    who = _trimmed(phrase)
    if not who or len(who.split()) > 60:
        return None
    if who.lower() in PRONOUNS:
        return Speaker(name=who.lower())
    if match := _ORG_SPOKESPERSON.match(who):
        return Speaker(name=match.group("org"), role=match.group("role"))
    if match := _SPOKESPERSON_FOR.match(who):
        org = re.sub(r"^the\s+", "", match.group("org"), flags=re.IGNORECASE)
        return Speaker(name=org[:1].upper() + org[1:], role=match.group("role").lower())
    if unnamed := _unnamed_source(who):
        return Speaker(name=unnamed)
    if re.fullmatch(r"(?:[Tt]he\s+)?[A-Z][A-Z&]{1,7}", who):  # "The EPA", "NHS", "UNICEF"
        return Speaker(name=re.sub(r"^[Tt]he\s+", "", who))
    if match := _LOWER_ORG.match(who):
        org = match.group("org")
        return Speaker(name=org[:1].upper() + org[1:])
    if "," in who:
        return _speaker_from_parts(who)
    who = _CLAUSE_AFTER_NAME.sub("", who)
    if possessive := _org_possessive(who):
        return possessive
    if (reference := _ROLE_REFERENCE.match(who)) and _is_role_reference(reference.group("role")):
        return Speaker(name=who[:1].lower() + who[1:])
    if person := _person_of_org(who):
        return person
    if is_organisation(who):
        return Speaker(name=re.sub(r"^the\s+", "", who, flags=re.IGNORECASE))
    if len(who.split()) > 12:
        return None
    name, role = split_role_and_name(who)
    if name:
        return Speaker(name=name, role=role)
    return None


def _person_of_org(who: str) -> Speaker | None:
    """ "Chief Superintendent Marcus Oyelaran of Harrowmere Police" -> Marcus Oyelaran, role
    "Chief Superintendent, Harrowmere Police" (but not "Bank of England": a person has two
    names or a title before one)."""
    of_org = _PERSON_OF_ORG.match(who)
    if not of_org or is_organisation(of_org.group("person")):
        return None
    name, role = split_role_and_name(of_org.group("person"))
    if name and looks_like_name(name) and (role or len(name.split()) >= 2):
        org = re.sub(r"^the\s+", "", of_org.group("org"))
        return Speaker(name=name, role=", ".join(part for part in (role, org) if part))
    return None


def _org_possessive(who: str) -> Speaker | None:
    """ "The Maritime Union's Geoff Ames" -> Geoff Ames, role "Maritime Union"."""
    match = _ORG_POSSESSIVE.match(who)
    if not match:
        return None
    name = match.group("person")
    if len(name.split()) < 2 or not looks_like_name(name):
        return None  # "Org's chief executive Name" keeps its wording through the usual path
    return Speaker(name=name, role=re.sub(r"(?:[\u2019']s|[\u2019'])$", "", match.group("org")))


def _is_role_reference(phrase: str) -> bool:
    """ "Lord Mayor", "official", "union's secretary": role words only, no name."""
    words = [word.lower().strip(",.") for word in phrase.split()]
    if not 1 <= len(words) <= 6 or words[-1] not in ROLE_WORDS:
        return False
    return not any(NAME_TOKEN.match(word) and word not in ROLE_WORDS for word in phrase.split()
                   if word[:1].isupper() and word.lower().strip(",.") not in ROLE_WORDS)


def _unnamed_source(who: str) -> str | None:
    """ "A senior official at the authority, who asked not to be named" → "a senior official
    at the authority"; None when the phrase names someone ("A former minister, Ana Ruiz")."""
    parts = [part.strip() for part in who.split(",") if part.strip()]
    start = _UNNAMED_START.match(parts[0])
    if not start or any(looks_like_name(part) for part in parts[1:]):
        return None
    head = parts[0][start.end() :].split()[:5]
    if len(parts[0].split()) > 14 or not any(w.lower().strip(".") in ROLE_WORDS for w in head):
        return None
    return parts[0][:1].lower() + parts[0][1:]


def _speaker_from_parts(who: str) -> Speaker | None:
    """ "Name, role", "Role Name, more role", "the port's director, Amara Okafor", "Roe, 54,
    a nurse", with clauses ("who voted against it", "after the vote") left out."""
    parts = [part.strip() for part in who.split(",") if part.strip()]
    while len(parts) > 1 and _CLAUSE_START.match(parts[0]) and parts[0][:1].isupper():
        parts = parts[1:]  # "At the terminal, nurse Hamish Tully": where, then who
    first, rest = parts[0], [p for p in parts[1:] if not _CLAUSE_START.match(p)]
    rest = [part for part in rest if not re.fullmatch(r"\d{1,3}", part)]  # an age
    rest = [_ORG_ARTICLE_OR_ADJECTIVE.sub("", part) for part in rest]  # "Athens-based X"
    first = _CLAUSE_AFTER_NAME.sub("", first)
    if len(first.split()) > 12:
        return None
    # what they do, for a role when nothing else gives one ("Dr Anika Bose, who led it")
    described = next((part for part in parts[1:] if _DESCRIBING_CLAUSE.match(part)), None)
    if looks_like_name(first):
        return Speaker(name=first, role=", ".join(rest) or described)
    if rest and looks_like_name(rest[0]) and len(rest) == 1:
        # "the port's director, Amara Okafor" — but not "Asked whether…, Roe"
        return Speaker(name=rest[0], role=first if looks_like_role(first) else None)
    if is_organisation(first):
        return Speaker(name=re.sub(r"^the\s+", "", first, flags=re.IGNORECASE))
    if person := _person_of_org(first):  # "Prof Ana Ruiz of the University of X, a lead author"
        roles = (person.role, clean_role(", ".join(rest)))
        return Speaker(name=person.name, role=", ".join(r for r in roles if r) or None)
    name, role = split_role_and_name(first)
    if name:
        roles = (clean_role(role), clean_role(", ".join(rest) or described))
        return Speaker(name=name, role=", ".join(r for r in roles if r) or None)
    return None
