"""The people an article names, so a bare surname or a missing role can be filled in.

Why separate from parsing one attribution: resolving "Fenwright told reporters" to "Transport
Minister Lucia Fenwright" needs the whole article ("Lucia Fenwright, the minister,", "board
member Alan Cho"), read once, while attribution parsing looks at one paragraph at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.attribution.names import clean_role, looks_like_name, split_role_and_name
from briefing_app.core.attribution.word_lists import NOT_ORG_START, ROLE_WORDS
from briefing_app.core.model import Speaker


@dataclass
class PeopleRegistry:
    """People the article names, so surnames and pronouns resolve to a full name and role."""

    roles: dict[str, str | None] = field(default_factory=dict)
    by_surname: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, role: str | None) -> None:
        """Record a person (or organisation) and the role the article gave them, if any."""
        if not name:
            return
        role = clean_role(role)
        if name not in self.roles or (role and not self.roles[name]):
            self.roles[name] = role
        tokens = name.split()
        if len(tokens) >= 2:
            names = self.by_surname.setdefault(tokens[-1].lower(), [])
            if name not in names:
                names.append(name)

    def resolve(self, speaker: Speaker) -> Speaker:
        """Expand a bare surname to the full name given earlier and fill in a missing role."""
        name = speaker.name
        if name not in self.roles:
            # "Fenwright" or "de la Tour": the one full name given earlier that ends so.
            candidates = [
                known
                for known in self.by_surname.get(name.split()[-1].lower(), [])
                if known.endswith(name) and known != name
            ]
            if not candidates and " " not in name:
                # "Declan said", after "Declan Brannock" was introduced: a unique first name.
                candidates = [known for known in self.roles if known.split()[0] == name]
            if len(candidates) == 1:
                name = candidates[0]
        role = speaker.role or self.roles.get(name)
        return Speaker.lean(name, role)

    def names(self) -> list[str]:
        """Every full name known, longest first (so 'Ana Ruiz' wins over 'Ruiz')."""
        return sorted(self.roles, key=len, reverse=True)


# Both patterns open with a lookahead for a capital, which rules out most positions at once.
_APPOSITIVE = re.compile(
    r"(?=[A-Z\u00c0-\u00de])(?P<name>(?:[A-Z\u00c0-\u00de][\w\u2019'\-.]+\s){1,3}[A-Z\u00c0-\u00de][\w\u2019'\-]+),"
    r"\s(?P<role>(?:the |a |an )?[a-z][^,.;:\u201c\"]{2,80}?),"
)
_CAPITAL_RUN = re.compile(
    r"(?=[A-Z\u00c0-\u00de])(?:[A-Z\u00c0-\u00de][\w\u2019'\-.]*\s){1,5}[A-Z\u00c0-\u00de][\w\u2019'\-]+"
)


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


def register_people(text: str, surnames: set[str] | None = None) -> PeopleRegistry:
    """Collect the people an article names with roles ("Lucia Fenwright, the minister,").

    ``surnames`` (lower case), when given, limits the work to the people who matter: those
    whose last name is a quote speaker's, the only ones the registry is asked about.
    """
    registry = PeopleRegistry()

    def wanted(candidate: str) -> bool:
        if surnames is None:
            return True
        tokens = candidate.lower().split()
        return tokens[-1] in surnames or any(token in surnames for token in tokens[:-1])

    for match in _APPOSITIVE.finditer(text):
        name = match.group("name")
        if wanted(name) and looks_like_name(name):
            registry.add(name, match.group("role").strip())
    for match in _CAPITAL_RUN.finditer(text):
        if not wanted(match.group(0)):
            continue
        run = re.split(r"(?<=\w{3}\.)\s+", match.group(0))[-1]  # "Monday. Zipli" -> "Zipli"
        run = re.sub(r"^(?:A|An|The)\s+", "", run)
        name, role = split_role_and_name(run)
        if not name or len(name.split()) < 2 or not looks_like_name(name):
            continue
        if role and not any(word.lower() in ROLE_WORDS for word in role.split()):
            role = None
        lowercase_role = _role_words_before(text, match.start())
        role = " ".join(part for part in (lowercase_role, role) if part) or None
        registry.add(name, role)
    return registry
