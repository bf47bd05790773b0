"""The people an article names, so a bare surname or a missing role can be filled in.

Why separate from parsing one attribution: resolving "Fenwright told reporters" to "Transport
Minister Lucia Fenwright" needs the whole article ("Lucia Fenwright, the minister,", "board
member Alan Cho"), read once, while attribution parsing looks at one paragraph at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.attribution.name_runs import named_runs
from briefing_app.core.attribution.names import clean_role
from briefing_app.core.attribution.word_lists import (
    HONORIFICS,
    NOT_ORG_START,
    ROLE_WORDS,
    TITLES_BEFORE_FIRST_NAME,
)
from briefing_app.core.model import Speaker


@dataclass
class PeopleRegistry:
    """People the article names, so surnames, honorifics and role references resolve to a
    full name and role.

    Names are kept as the article first wrote them, honorifics aside ("Dr Ines Moreau" is
    "Ines Moreau"); the first role given is kept, as later mentions tend to shorten it.
    """

    roles: dict[str, str | None] = field(default_factory=dict)
    # Every token after a full name's first, lower-cased -> the full names holding it, so
    # "Condori" finds "Ruperto Condori Huanca" and "Ní Bhriain" "Sorcha Ní Bhriain".
    by_part: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)
    # Where each name is first written, when known: "Mrs McAleese" after Siobhan McAleese
    # was introduced and before her son Declan was is Siobhan.
    first_at: dict[str, int] = field(default_factory=dict)
    # A short mention, honorific aside ("Mrs McAleese" -> "McAleese") -> whom it last stood
    # for: once her son is introduced too, "Mrs McAleese" still means her.
    mentions: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, role: str | None, at: int | None = None) -> None:
        """Record a person (or organisation, or unnamed source), the role given, if any,
        and where in the article the name is written (``at``), if known."""
        name = without_honorifics(name)
        if not name:
            return
        if at is not None and at < self.first_at.get(name, at + 1):
            self.first_at[name] = at
        role = clean_role(role)
        if name not in self.roles:
            self.roles[name] = role
            tokens = name.split()
            if len(tokens) >= 2 and tokens[0][:1].isupper():
                self.by_first.setdefault(tokens[0], []).append(name)
                for token in tokens[1:]:
                    self.by_part.setdefault(token.lower(), []).append(name)
        elif role and not self.roles[name]:
            self.roles[name] = role

    def full_names(self, name: str) -> list[str]:
        """The full names a short mention may stand for: "Ames" or "Mr Ames" -> "Geoff Ames",
        "de Búrca" -> "Tomás de Búrca", "Sir Anthony" -> "Anthony Velloway"; the mention
        itself when it is a full name no longer one holds."""
        name = without_honorifics(name)
        tokens = name.split()
        if not tokens:
            return []
        found = [
            known
            for known in self.by_part.get(tokens[-1].lower(), ())
            if known != name and _holds_after_first(known.split(), tokens)
        ]
        if not found and len(tokens) == 1:
            found = list(self.by_first.get(tokens[0], ()))
        if not found and name in self.roles:
            found = [name]
        return found

    def resolve(self, speaker: Speaker, at: int | None = None) -> Speaker:
        """Expand a short mention to the one full name given in the article (left as written
        when none or several match) and fill in a missing role, or one the article gave in
        fuller words earlier ("Rear Admiral" -> "Rear Admiral, flag officer commanding …").
        With the mention's place (``at``), of several people sharing a surname the one
        already introduced there wins, as a reader takes it."""
        candidates = self.full_names(speaker.name)
        if len(candidates) > 1 and at is not None:
            introduced = [name for name in candidates if self.first_at.get(name, at) < at]
            if len(introduced) == 1:
                candidates = introduced
        mention = without_honorifics(speaker.name)
        if len(candidates) > 1 and self.mentions.get(mention) in candidates:
            candidates = [self.mentions[mention]]
        if len(candidates) == 1 and candidates[0] != mention:
            self.mentions[mention] = candidates[0]
        name = candidates[0] if len(candidates) == 1 else without_honorifics(speaker.name)
        known = self.roles.get(name)
        role = speaker.role
        if known and (not role or (role.lower() in known.lower() and len(known) > len(role))):
            role = known
        return Speaker.lean(name, role)

    def with_role(self, reference: str) -> list[str]:
        """Everyone whose role or unnamed description holds ``reference`` ("the Lord Mayor",
        "the official"), in the order the article introduced them."""
        wanted = re.sub(r"^(?:the|this|that)\s+", "", reference.strip(), flags=re.I).lower()
        if not wanted:
            return []
        pattern = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
        return [
            name
            for name, role in self.roles.items()
            if (role and pattern.search(role.lower()))
            or (name[:1].islower() and pattern.search(name))
        ]

    def names(self) -> list[str]:
        """Every full name known, longest first (so 'Ana Ruiz' wins over 'Ruiz')."""
        return sorted(self.roles, key=len, reverse=True)


def without_honorifics(name: str) -> str:
    """ "Mr Ames" -> "Ames", "Dr. Ines Moreau" -> "Ines Moreau", "Sir Anthony" -> "Anthony"."""
    tokens = name.split()
    while len(tokens) > 1 and (
        tokens[0].lower() in HONORIFICS or tokens[0].lower() in TITLES_BEFORE_FIRST_NAME
    ):
        tokens = tokens[1:]
    return " ".join(tokens)


def _holds_after_first(known: list[str], mention: list[str]) -> bool:
    """Whether the mention's tokens stand together in the known name after its first token."""
    size = len(mention)
    lowered = [token.lower() for token in mention]
    return any(
        [token.lower() for token in known[start : start + size]] == lowered
        for start in range(1, len(known) - size + 1)
    )


# The role right after a name: "Judith Fenwick, a crossbench peer, said".
_APPOSITIVE_ROLE = re.compile(r",\s(?P<role>(?:the |a |an )?[a-z][^,.;:\u201c\"]{2,80}?),")


def _role_words_before(text: str, position: int) -> str | None:
    """The role words right before a name: "board member" in "… board member Alan Cho"."""
    window = re.split(r"[\n.!?;:,\u201d\u201c\"()]", text[max(0, position - 60) : position])[-1]
    words_before = re.split(r"\s+", window.strip()) if window.strip() else []
    if not window.endswith((" ", "\u00a0")) or not words_before:
        return None
    taken: list[str] = []
    for word in reversed(words_before[-4:]):
        if word.lower() in ROLE_WORDS:
            taken.append(word)
        else:
            break
    if taken:
        # The organisation named before the role: "Skerra councillor", "Northline Grid director".
        for word in reversed(words_before[: len(words_before) - len(taken)][-3:]):
            if word[:1].isupper() and word.lower() not in NOT_ORG_START:
                taken.append(word)
            else:
                break
    return " ".join(reversed(taken)) or None


def register_people(
    text: str, surnames: set[str] | None = None, registry: PeopleRegistry | None = None
) -> PeopleRegistry:
    """Collect the people an article names with roles ("Lucia Fenwright, the minister,").

    ``surnames`` (lower case), when given, limits the work to the people who matter: those
    whose last name is a quote speaker's, the only ones the registry is asked about.
    ``registry``, when given, is added to (people it already holds keep their roles).
    """
    registry = registry if registry is not None else PeopleRegistry()

    def wanted(candidate: str) -> bool:
        if surnames is None:
            return True
        tokens = candidate.lower().split()
        return tokens[-1] in surnames or any(token in surnames for token in tokens[:-1])

    for position, run, name, title in named_runs(text, wanted):
        after = _APPOSITIVE_ROLE.match(text, position + len(run))
        lowercase_role = _role_words_before(text, position)
        if title and not any(word.lower() in ROLE_WORDS for word in title.split()):
            title = None
        role = " ".join(part for part in (lowercase_role, title) if part) or None
        registry.add(name, after.group("role").strip() if after else role, position)
    return registry
