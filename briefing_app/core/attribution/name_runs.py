"""People named in running text, not in an attribution: who a sentence opens on, and every
person a paragraph (or the whole article) names with two or more names.

Why apart from ``names``: ``names`` reads one attribution phrase ("Port Director Amara
Okafor") into a speaker; this scans narrative for the people a reader keeps in mind — the
subject a later "he said" means, the "Mayor Dolores Quintero" that "the mayor" refers back
to, the full name a bare surname stands for — with patterns whose repeats are bounded, so
a long run of capitals is read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from briefing_app.core.attribution.name_words import is_person_name, split_role_and_name
from briefing_app.core.attribution.word_lists import ROLE_WORDS

_LEAD_SUBJECT = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?)\s+[^,\x00]{1,60},\s+)?"
    r"(?P<run>(?:(?:[A-Z\u00c0-\u024f][\w\u2019'.-]*|de|da|van|von|der|al|bin|ibn|la|le|du)\s+)"
    r"{1,6}[A-Z\u00c0-\u024f][\w\u2019'-]+)"
)


def person_leading(sentence: str) -> str | None:
    """The person a sentence opens on as its subject ("The vessel's owner, Mikkel
    Østergaard, of …, denied" -> "Mikkel Østergaard"; "Fisher Tom Dee denied" -> "Tom Dee"),
    so a "he said" after it means them; None when it opens on anything else."""
    match = _LEAD_SUBJECT.match(sentence)
    if not match:
        return None
    name, _role = split_role_and_name(match.group("run"))
    if not name or len(name.split()) < 2 or not is_person_name(name):
        return None
    return name


# A run of capitalised words (particles allowed inside) that may hold a person's name.  It
# starts only at a word start and its repeats are bounded, so a long run of capitals costs
# linear time.
_PERSON_RUN = re.compile(
    r"(?<![\w\u2019'.-])(?=[A-Z\u00c0-\u024f])"
    r"(?:(?:(?:al-|el-)?[A-Z\u00c0-\u024f][\w\u2019'.-]{0,40}+"
    r"|de|da|van|von|der|den|du|del|bin|ibn|la|le|ten|ter)[ \u00a0]{1,3}){1,5}"
    r"(?:al-|el-)?[A-Z\u00c0-\u024f][\w\u2019'-]{0,40}+(?![\w\u2019'-])"
)
# A title and "of" right before a run of capitals ("Mayor of " before "Dunmere Bram Rahimi").
_TITLE_OF = re.compile(r"(?<![\w\u2019'-])([A-Z][a-z]+) (?:of|for|at) $")
_RUN_LEAD = re.compile(
    r"^(?:A|An|The|For|Among|At|In|On|By|As|With|When|After|Before|But|And|Asked|Meanwhile)\s+"
)


def named_runs(
    text: str, wanted: Callable[[str], bool] | None = None
) -> Iterator[tuple[int, str, str, str | None]]:
    """Each person the text names with two or more names, in order: where the run of
    capitalised words starts, the run as written, the name, and the title or role written
    before it in the run ("Mayor Dolores Quintero").  ``wanted`` filters runs cheaply
    before they are split."""
    for match in _PERSON_RUN.finditer(text):
        run = match.group(0)
        if wanted is not None and not wanted(run):
            continue
        start = match.start()
        pieces = re.split(r"(?<=\w{3}\.)\s+", run)  # "Lords. Judith Fenwick"
        if len(pieces) > 1:
            start += len(run) - len(pieces[-1])
            run = pieces[-1]
        lead = _RUN_LEAD.match(run)
        if lead:
            start += lead.end()
            run = run[lead.end() :]
        title = _TITLE_OF.search(text, max(0, start - 40), start)
        if title and title.group(1).lower() in ROLE_WORDS:
            # "Mayor of Dunmere Bram Rahimi": the run starts at the place, which with the
            # title before it is the role (split_role_and_name keeps it there)
            run = text[title.start(1) : match.end()]
        name, role = split_role_and_name(run)
        if name and len(name.split()) >= 2 and is_person_name(name):
            yield start, run, name, role


def people_named(text: str) -> list[tuple[int, str, str | None]]:
    """Every person the text names with two or more names, in order, with where the name
    run starts and the title or role written before it ("Mayor Dolores Quintero")."""
    return [(start, name, role) for start, _run, name, role in named_runs(text)]
