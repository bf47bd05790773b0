"""Work out who said a quote, with their name and role kept apart.

Why so many shapes: newsroom copy attributes quotes as ``Name, role: “…”``, ``Role Name: “…”``,
``Name told Outlet: “…”``, ``“…,” said Name, role.``, ``“…,” Surname told reporters.``,
``“…” — Name, role``, ``Role Name said the plan was “unacceptable”`` and with an organisation as
the speaker.  A bare surname or a pronoun is resolved against the people the article named
earlier, so a quote card can show a full name and role wherever the article gave them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing_app.core.model import Speaker
from briefing_app.core.name_words import (
    FILLER as _FILLER,
)
from briefing_app.core.name_words import (
    GROUPS as _GROUPS,
)
from briefing_app.core.name_words import (
    HONORIFICS as _HONORIFICS,
)
from briefing_app.core.name_words import (
    ORG_WORDS as _ORG_WORDS,
)
from briefing_app.core.name_words import (
    PARTICLES as _PARTICLES,
)
from briefing_app.core.name_words import (
    ROLE_WORDS as _ROLE_WORDS,
)

QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_OPENING = '"\u201c\u201e\u00ab'
_CLOSING = '"\u201d\u00bb\u201c'
_Q = "\x00"
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|wrote|writes|argued|argues|warned|warns|"
    "stated|states|explained|explains|insisted|insists|acknowledged|acknowledges|cautioned|"
    "predicted|tweeted|posted|asked|asks|replied|replies|responded|recalled|conceded|concedes|"
    "called|calls|urged|urges|declared|announced|countered|testified|claimed|claims|"
    "maintained|emphasised|emphasized|stressed|agreed|admitted|remarked|observed|suggested|"
    "described|promised|vowed|pledged|told reporters|said in a statement"
)
_VERB = rf"(?:{SPEECH_VERBS})"
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "him", "her"}
_NAME_TOKEN = re.compile(r"^[A-Z\u00c0-\u00de][\w\u2019'\-.]*$|^[A-Z]\.$")
_TRAILING_CIRCUMSTANCE = re.compile(
    r"\s+(?:in an? (?:statement|interview|email|post|letter|speech|briefing)|on (?:\w+day|"
    r"\w+ \d+)|last week|this week|yesterday|today|earlier|later)\b.*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    """A parsed attribution: the speaker, or that the paragraph continues the last quote."""

    speaker: Speaker | None
    continues_previous: bool = False
    pronoun: bool = False


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted material including the marks; an unclosed quote runs to the end."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        index = mark.start()
        char = text[index]
        if opened is None:
            if char in _OPENING and _opens(text, index):
                opened = index
        elif char in _CLOSING:
            spans.append((opened, index + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _opens(text: str, index: int) -> bool:
    """A straight double quote opens a quotation at the start or after a space/dash."""
    if text[index] != '"':
        return True
    return index == 0 or not text[index - 1].isalnum()


def quoted_words(text: str) -> list[str]:
    """The text inside each quotation, without the marks."""
    return [text[start:end].strip(QUOTE_MARKS + " ,.") for start, end in quoted_spans(text)]


@lru_cache(maxsize=8192)
def parse_attribution(text: str) -> Attribution:
    """The speaker of a quote paragraph, as written (unresolved), or why there is none."""
    spans = quoted_spans(text)
    outside = _protect_abbreviations(_blank_out_quotes(text, spans))
    if (
        spans
        and spans[0][0] == 0
        and len(spans) == 1
        and not text.rstrip().endswith(tuple(_CLOSING))
        and not outside.strip(_Q + " ")
    ):
        return Attribution(None, continues_previous=True)
    for pattern in _PATTERNS:
        match = pattern.search(outside)
        if match:
            who = match.group("who")
            speaker = speaker_from_phrase(who)
            if speaker is not None:
                pronoun = speaker.name.lower() in _PRONOUNS
                return Attribution(None if pronoun else speaker, pronoun=pronoun)
    if spans and spans[0][0] <= 1 and not outside.strip(_Q + " .,"):
        return Attribution(None, continues_previous=True)
    if not spans and (dashed := _DASHED_SIGNOFF.search(outside)):
        # A block quote without marks, signed off "— Name, role".
        speaker = speaker_from_phrase(dashed.group("who"))
        if speaker is not None and speaker.name.lower() not in _PRONOUNS:
            return Attribution(speaker)
    return Attribution(None)


_ABBREVIATED = re.compile(
    r"\b(?P<word>Dr|Prof|Sen|Rep|Gov|Mr|Mrs|Ms|Mx|Lt|Gen|Col|Sgt|Capt|Cmdr|Rev|St|Jr|Sr|Hon|"
    r"Supt|Insp|Det|Cllr|Atty|Adm|Maj|Pres|Gen|Ald|Co|Corp|Inc|Ltd|[A-Z])\."
)
_DOT = "\ue000"  # stands in for an abbreviation's full stop while sentence ends are sought
_DASHED_SIGNOFF = re.compile(r"\S\s+[\u2014\u2013]\s*(?P<who>[^\u2014\u2013\x00]{2,120})$")


def _protect_abbreviations(text: str) -> str:
    """ "Dr. Isla Brannigan" must not end the attribution at "Dr."; hide such full stops."""
    return _ABBREVIATED.sub(lambda match: match.group("word") + _DOT, text)


def quote_without_attribution(text: str, speaker: Speaker | None) -> str | None:
    """The quoted words alone, when everything outside the quotation marks only says who
    spoke ("Port Director Amara Okafor: “…”" → "“…”"); None when the outside text says more
    (a partial quote inside the speaker's own sentence), so a card can drop a repeated name
    without losing meaning."""
    spans = quoted_spans(text)
    if not spans or speaker is None:
        return None
    outside = _blank_out_quotes(text, spans).replace(_Q, " ")
    for known in (speaker.name, speaker.role or ""):
        for part in known.split():
            outside = outside.replace(part, " ")
    leftover = [
        word
        for word in re.findall(r"\w+(?:['\u2019]\w+)*", outside)
        if word.lower() not in _FILLER and not re.fullmatch(_VERB, word.lower())
    ]
    if len(leftover) > 3:
        return None
    return " \u2026 ".join(text[start:end].strip() for start, end in spans)


def _blank_out_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        inner = text[start:end].rstrip(QUOTE_MARKS + " ")
        # "“…,” Name said" runs on into its attribution; "“….” Name said" starts anew.
        pieces.append(f" {_Q}, " if inner.endswith((",", "?", "!", "\u2014")) else f" {_Q} ")
        last = end
    pieces.append(text[last:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


_WHO = r"(?P<who>(?:(?![.!?]\s)[^\x00:]){2,140}?)"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # “…” — Name, role
    re.compile(r"\x00\s*[\u2014\u2013-]{1,2}\s*(?P<who>[^\x00]{2,140}?)\s*[.]?$"),
    # “…,” said Name, role.
    re.compile(
        rf"\x00\s*[,.]?\s*{_VERB}\s+(?P<who>[^\x00]{{2,140}}?)\s*(?:[.;]\s|[.;]?\s*\x00|[.;]?$)"
    ),
    # “…,” Name, role, said.  /  “…,” Surname told reporters.  (not after a full stop)
    re.compile(rf"\x00\s*,\s*(?P<who>[^\x00]{{2,140}}?),?\s+{_VERB}\b"),
    # Name, role: “…”  /  Role Name: “…”  /  Name told Outlet: “…”  /  Organisation: “…”
    re.compile(rf"^{_WHO}\s*:\s*\x00"),
    # … according to Name, role.
    re.compile(r"(?i:according to) (?P<who>[^\x00,.;]{2,80})"),
    # Role Name said the plan was “unacceptable” (a partial quote)
    re.compile(rf"^{_WHO},?\s+{_VERB}\b[^\x00]*\x00"),
    # Reported speech with no quotation marks: Name said …
    re.compile(rf"^{_WHO},?\s+{_VERB}\b"),
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


def _clean_role(role: str | None) -> str | None:
    """Trim what is not a role: a dateline before a dash, an age, an article, an honorific."""
    if not role:
        return None
    role = re.split(r"[\u2014\u2013)]|\s--\s", role)[-1]
    parts = [part.strip() for part in role.split(",") if part.strip()]
    if len(parts) > 1 and not _looks_like_role(parts[0]) and _looks_like_role(parts[-1]):
        role = parts[-1]  # "Her brother, finance director" -> "finance director"
    role = re.sub(r"^\s*\d{1,3}\s*(?:,\s*|$)", "", role)
    role = re.sub(r"^(?:an?|the)\s+", "", role.strip(" ,;:"), flags=re.IGNORECASE)
    words = [word for word in role.split() if word.lower() not in _HONORIFICS]
    role = " ".join(words).strip(" ,;:")
    if not role or role.isdigit() or re.match(r"^(?:who|whose|which|that)\b", role, re.I):
        return None
    return role


def _looks_like_role(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 8 and any(word.lower().strip(",.") in _ROLE_WORDS for word in words)


@lru_cache(maxsize=8192)
def speaker_from_phrase(phrase: str) -> Speaker | None:
    """Split an attribution phrase ("Port Director Amara Okafor") into name and role."""
    speaker = _speaker_from_phrase(phrase.replace(_DOT, "."))
    if speaker is None:
        return None
    name = " ".join(w for w in speaker.name.split() if w.lower() not in _HONORIFICS) or speaker.name
    if name.lower() in _GROUPS:
        return None
    return Speaker(name=name, role=_clean_role(speaker.role))


def _speaker_from_phrase(phrase: str) -> Speaker | None:
    who = phrase.strip(" ,.;:\u2014\u2013-\"'\u201c\u201d")
    who = _TRAILING_CIRCUMSTANCE.sub("", who)
    who = re.sub(rf"\s+{_VERB}$", "", who)
    who = re.sub(r"^(?:and|but|as|while|so)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(
        r"^(?:an? |the )?(?:written |joint )?(?:statement|report|post|letter|release|filing) "
        r"(?:from|by|of|for) ",
        "",
        who,
        flags=re.IGNORECASE,
    )
    told = re.match(
        r"^(?P<name>.+?)\s+(?:told|tells|wrote (?:in|on|to)|said (?:in|on|to))\s+.+$", who
    )
    if told:
        who = told.group("name")
    if not who or len(who.split()) > 12:
        return None
    if who.lower() in _PRONOUNS:
        return Speaker(name=who.lower())
    if match := _ORG_SPOKESPERSON.match(who):
        return Speaker(name=match.group("org"), role=match.group("role"))
    if match := _SPOKESPERSON_FOR.match(who):
        org = re.sub(r"^the\s+", "", match.group("org"), flags=re.IGNORECASE)
        return Speaker(name=org[:1].upper() + org[1:], role=match.group("role").lower())
    if re.fullmatch(r"(?:[Tt]he\s+)?[A-Z][A-Z&]{1,7}", who):  # "The EPA", "NHS", "UNICEF"
        return Speaker(name=re.sub(r"^[Tt]he\s+", "", who))
    if match := _LOWER_ORG.match(who):
        org = match.group("org")
        return Speaker(name=org[:1].upper() + org[1:])
    if "," in who:
        first, rest = (part.strip() for part in who.split(",", 1))
        rest = rest.rstrip(",")
        if re.match(r"^(?:who|which|that|whose|one of)\b", rest, re.IGNORECASE):
            rest = ""  # "Name, who voted against the plan," is a clause, not a role
        if re.match(r"^\d{1,3}(?:,|$)", rest):
            rest = rest.split(",", 1)[1].strip() if "," in rest else ""  # "Roe, 54, a nurse"
        if _looks_like_name(first):
            return Speaker(name=first, role=rest or None)
        if _looks_like_name(rest):
            # "the port's director, Amara Okafor" — but not "Asked whether…, Roe"
            return Speaker(name=rest, role=first if _looks_like_role(first) else None)
        name, role = split_role_and_name(first)
        if name:
            parts = (_clean_role(role), _clean_role(rest))
            return Speaker(name=name, role=", ".join(p for p in parts if p) or None)
    if _is_organisation(who):
        return Speaker(name=re.sub(r"^the\s+", "", who, flags=re.IGNORECASE))
    name, role = split_role_and_name(who)
    if name:
        return Speaker(name=name, role=role)
    return None


def split_role_and_name(phrase: str) -> tuple[str | None, str | None]:
    """Split "Health Minister Lena Park" into ("Lena Park", "Health Minister")."""
    tokens = phrase.split()
    index = len(tokens)
    while index > 0 and _is_name_token(tokens[index - 1], tokens, index - 1):
        index -= 1
    name_tokens = tokens[index:]
    while name_tokens and name_tokens[0].lower() in _PARTICLES and index > 0:
        name_tokens = name_tokens[1:]  # "… of de la Tour": keep particles only at the start
        index += 1
    if all(token.lower() in _PARTICLES for token in name_tokens):
        return None, None
    if not name_tokens or len(name_tokens) > 4:
        return None, None
    role = " ".join(tokens[:index]).strip(" ,") or None
    if role and role.lower() in {"the", "a", "an"}:
        role = None
    return " ".join(name_tokens), role


def _is_name_token(token: str, tokens: list[str], position: int) -> bool:
    bare = token.strip(",;:")
    if bare.lower() in _PARTICLES and (position > 0 or len(tokens) > 1):
        return True
    if bare.lower() in _ROLE_WORDS or bare.lower() in _PRONOUNS:
        return False
    return bool(_NAME_TOKEN.match(bare))


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or _is_organisation(text):
        return False
    return all(_is_name_token(token, tokens, i) for i, token in enumerate(tokens))


def _is_organisation(text: str) -> bool:
    """ "The Dockworkers’ Union", "Harlan Electric Co.": capitalised words ending in an org word."""
    written = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).split()
    if not 1 <= len(written) <= 7 or not written[0][:1].isupper():
        return False
    small = {"of", "for", "and", "the", "on", "in", "&"}
    if not all(word[:1].isupper() or word in small for word in written):
        return False
    return any(word.lower().strip(",.") in _ORG_WORDS for word in written)


@lru_cache(maxsize=4096)
def is_person_name(name: str) -> bool:
    """True for a person's name ("Amara Okafor"), false for an organisation."""
    return _looks_like_name(name) and not _is_organisation(name)


# Shared with the article-wide speaker registry (``core.speakers``).
clean_role = _clean_role
looks_like_name = _looks_like_name
