"""Find a quote in a text that may have changed since the quote was taken from it.

Why scores and not just "found / not found": after an edit the quote may be there verbatim,
there with a word changed, or in several places at once; the reader needs the place that
best agrees with everything remembered about it — the quote (weight 50), the 32 characters
before it (20) and after it (20), the idea of the Hypothesis client's ``matchQuote`` — and
the old position breaks ties between places that agree equally.

Two rules the Hypothesis client lacks, because attaching a note to the wrong passage is worse
than listing it as an orphan: a changed quote is only accepted from :data:`MIN_SCORE` up,
and when a second place scores within :data:`AMBIGUITY_MARGIN` of the best, there is no
match (the reason says where the two places are).  The quote found verbatim comes first:
the copy whose surroundings agree best (from :data:`MIN_SCORE` up), then the one nearest the
hint, wins over changed wording — unless the changed wording lies elsewhere and agrees
better with everything remembered by more than that margin (a short quote that lost a word
between its two intact neighbours, against the same words verbatim between other ones);
and a quote that occurs exactly once in the text is found there however its surroundings
changed (a moved paragraph).

How, cheaply: the quote with its context intact within a few hundred characters of the hint
first, then verbatim within a few KB (a ``str.find`` each) — a copy whose surroundings agree
so well that nothing could outweigh it ends the search; otherwise pieces of the pattern near
the hint, and then seeds from a once-per-text index (:mod:`.seed_index`) anywhere in the
text, vote for places, and the best few are aligned (:mod:`.alignment`) and scored.  Nothing
is quadratic in the text's length.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from briefing_app.core.anchoring.alignment import align_quote
from briefing_app.core.anchoring.seed_index import SeedPlace, places_near, seed_index_for

WEIGHT_QUOTE = 50
WEIGHT_PREFIX = 20
WEIGHT_SUFFIX = 20
WEIGHT_POSITION = 2
# The distance from the hint over which the position's part of a place's standing falls
# from full to nothing.  Characters, not a share of the text: an edit moves the text after
# it by the same amount in a short text as in a long one.
NEIGHBOURHOOD = 8192
MIN_SCORE = 0.75
AMBIGUITY_MARGIN = 0.05
# How far either side of the hint the verbatim quote is looked for first.
_NEAR = 4096
# How far either side of the hint the quote with its context intact is looked for first.
_QUICK = 512
# Verbatim copies considered at most (a quote like "the" could be everywhere).
_MAX_COPIES = 64
# A verbatim copy near the hint that scores this well is taken without looking further:
# between verbatim copies the better surroundings win anyway, and changed wording would
# have to score more than AMBIGUITY_MARGIN higher to win over it (see _outweighs).
_SURE = 1.0 - AMBIGUITY_MARGIN
# Places (by seed votes) aligned and scored at most; and the fewest votes worth aligning,
# as a share of the best place's votes.
_PLACES_TO_ALIGN = 6
_VOTE_SHARE = 4


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote was found: ``text[start:end]``, and how well it agrees, in [0, 1].

    ``score`` is 1.0 only when the text there is the quote itself and the prefix and suffix
    given also match; ``verbatim`` says whether the text there is the quote itself.
    """

    start: int
    end: int
    score: float
    verbatim: bool


@dataclass(frozen=True, slots=True)
class QuoteSearch:
    """The outcome of a search: the match, or None and why (for the orphan list)."""

    match: QuoteMatch | None
    reason: str = ""
    ambiguous: bool = False


def match_quote(
    text: str, exact: str, *, prefix: str = "", suffix: str = "", hint: int | None = None
) -> QuoteMatch | None:
    """The best place for ``exact`` in ``text``, or None when there is no single good one.

    ``prefix``/``suffix`` are the text that stood right before and after the quote (either
    may be empty: then it is not used); ``hint`` is where the quote was expected to start.
    """
    return search_quote(text, exact, prefix=prefix, suffix=suffix, hint=hint).match


def search_quote(
    text: str, exact: str, *, prefix: str = "", suffix: str = "", hint: int | None = None
) -> QuoteSearch:
    """Like :func:`match_quote`, and when nothing is found, say why.

    Near the hint first, then everywhere: an edit moves a passage by the length of what was
    added or removed before it, so a place near the old position that matches well enough
    is the passage, even when the article restates it word for word somewhere else.  Only
    when nothing near matches is the whole text searched (the passage was moved, or the
    text around it was rewritten).
    """
    if not exact:
        return QuoteSearch(None, "not found: the quote is empty")
    size = len(text)
    scorer = _Scorer(text, exact, prefix, suffix, hint)
    if hint is None:
        near = (0, size)
    else:
        hint = min(max(hint, 0), size)
        near = (max(0, hint - _NEAR), min(size, hint + len(exact) + _NEAR))
    if hint is not None:
        # The commonest case, cheaply: the quote with its context intact just where it was
        # expected.  Nothing scores higher, and any nearer copy is in this small window.
        quick = _copies(text, exact, max(0, hint - _QUICK), min(size, hint + len(exact) + _QUICK))
        perfect = [scorer.score(start, start + len(exact)) for start in quick]
        perfect = [found for found in perfect if found.score == 1.0]
        if perfect:
            return QuoteSearch(min(perfect, key=scorer.rank).as_match())
    # Keyed by span: the quote verbatim and an aligned, longer reading of the same place
    # ("matches a" and "matches assertion") are both considered.
    candidates: dict[tuple[int, int], _Candidate] = {}
    for start in _copies(text, exact, *near):
        candidates[start, start + len(exact)] = scorer.score(start, start + len(exact))
    if candidates:
        nearest = min(candidates.values(), key=scorer.rank)
        if nearest.score >= _SURE:
            return QuoteSearch(nearest.as_match())
    pattern = prefix + exact + suffix
    # Votes this close together are one place (an edit inside the pattern shifts the votes
    # after it); the window aligned reaches this far beyond the votes.
    spread = 8 + len(pattern) // 32
    slack = 8 + len(pattern) // 16
    low, high = max(0, near[0] - len(pattern)), min(size, near[1] + len(pattern))
    places = places_near(text, pattern, low, high, spread=spread, limit=_PLACES_TO_ALIGN)
    _align_places(text, prefix, exact, suffix, places, slack, scorer, candidates)
    decision = _decide(sorted(candidates.values(), key=scorer.rank))
    if decision.match is not None or decision.ambiguous:
        return decision
    if near == (0, size):
        return _only_copy(text, exact, scorer) or decision
    places = seed_index_for(text).places_of(pattern, spread=spread, limit=_PLACES_TO_ALIGN)
    _align_places(text, prefix, exact, suffix, places, slack, scorer, candidates)
    if not any(_acceptable(found) for found in candidates.values()):
        # Too short (or too changed around it) for the seeds: its verbatim copies anywhere.
        for start in _copies(text, exact, 0, size):
            if (start, start + len(exact)) not in candidates:
                candidates[start, start + len(exact)] = scorer.score(start, start + len(exact))
    decision = _decide(sorted(candidates.values(), key=scorer.rank))
    if decision.match is not None or decision.ambiguous:
        return decision
    return _only_copy(text, exact, scorer) or decision


def _only_copy(text: str, exact: str, scorer: _Scorer) -> QuoteSearch | None:
    """The quote's one verbatim copy in the whole text, however its surroundings changed.

    Why: a passage moved to a new paragraph keeps its words but not its neighbours; when
    the text holds those words exactly once, there is no other place it could have gone.
    """
    copies = _copies(text, exact, 0, len(text), most=2)
    if len(copies) != 1:
        return None
    return QuoteSearch(scorer.score(copies[0], copies[0] + len(exact)).as_match())


def _align_places(
    text: str,
    prefix: str,
    exact: str,
    suffix: str,
    places: list[SeedPlace],
    slack: int,
    scorer: _Scorer,
    candidates: dict[tuple[int, int], _Candidate],
) -> None:
    """Align the pattern at each place worth it, adding what it finds to ``candidates``."""
    for place in places:
        if place.votes * _VOTE_SHARE < places[0].votes:
            break
        span = align_quote(
            text, prefix, exact, suffix, place.first_diagonal, place.last_diagonal, slack
        )
        if span is not None:
            span = _verbatim_over(text, exact, *span)
            if span not in candidates:
                candidates[span] = scorer.score(*span)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A place considered: its score (quote and context), the quote's own similarity, and
    its standing (the score with nearness to the hint), by which places are compared."""

    start: int
    end: int
    score: float
    quote_score: float
    standing: float

    def as_match(self) -> QuoteMatch:
        return QuoteMatch(self.start, self.end, self.score, self.quote_score == 1.0)

    def describe(self) -> str:
        return f"{self.start}–{self.end} (score {self.score:.2f})"


class _Scorer:
    """Scores places for one quote: quote, prefix and suffix similarity, and the distance
    from the hint, which only orders places that score the same.

    Places are compared by their standing: the share of the remembered characters (prefix,
    quote and suffix, character by character) found there — the place that needs the
    fewest edits to explain it comes first — plus a little for nearness.  (A place whose
    quote was rewritten is compared by its weighted score instead; see :meth:`score`.)
    """

    __slots__ = ("exact", "hint", "length", "prefix", "suffix", "text", "total", "words")

    def __init__(self, text: str, exact: str, prefix: str, suffix: str, hint: int | None):
        self.text, self.exact, self.prefix, self.suffix, self.hint = (
            text,
            exact,
            prefix,
            suffix,
            hint,
        )
        self.total = (
            WEIGHT_QUOTE + (WEIGHT_PREFIX if prefix else 0) + (WEIGHT_SUFFIX if suffix else 0)
        )
        self.length = len(prefix) + len(exact) + len(suffix)
        self.words = exact.split()

    def score(self, start: int, end: int) -> _Candidate:
        """How well ``text[start:end]`` and its surroundings agree with the quote's.

        The same three similarities (quote, prefix, suffix) are weighed two ways, and the
        better counts.  With the Hypothesis client's weights (quote 50, each neighbour 20)
        the quote outweighs either neighbour, so an unchanged quote whose surroundings were
        rewritten still scores well.  Character by character (each remembered character of
        prefix, quote and suffix counts once), a short quote that lost a word between two
        intact neighbours still scores well: "is valid" where "is valid until" stood keeps
        72 of its 78 remembered characters, though a third of its own words went.
        The second way counts only where few of the quote's words changed (see
        :meth:`_few_words_changed`): intact neighbours may vouch for a quote that lost a
        word, not for one that was rewritten ("a figure nobody has checked" for "a figure
        that has not been independently confirmed" is a different claim in the same place).
        """
        text = self.text
        exact, prefix, suffix = self.exact, self.prefix, self.suffix
        found = text[start:end]
        quote = 1.0 if found == exact else _similarity(exact, found, cutoff=0.5)
        weighted = WEIGHT_QUOTE * quote
        chars = len(exact) * quote
        if prefix:
            before = _similarity(prefix, text[max(0, start - len(prefix)) : start])
            weighted += WEIGHT_PREFIX * before
            chars += len(prefix) * before
        if suffix:
            after = _similarity(suffix, text[end : end + len(suffix)])
            weighted += WEIGHT_SUFFIX * after
            chars += len(suffix) * after
        score = evidence = weighted / self.total
        if quote == 1.0 or (quote and self._few_words_changed(found)):
            evidence = chars / self.length
            score = max(score, evidence)
        nearness = 1.0
        if self.hint is not None:
            nearness -= min(abs(start - self.hint), NEIGHBOURHOOD) / NEIGHBOURHOOD
        standing = (evidence * self.total + WEIGHT_POSITION * nearness) / (
            self.total + WEIGHT_POSITION
        )
        return _Candidate(start, end, score, quote, standing)

    def _few_words_changed(self, found: str) -> bool:
        """Whether ``found`` is the quote with at most a quarter of its words changed
        (inserted, deleted or replaced; one word, in a quote of under eight)."""
        words = self.words
        allowed = max(1, len(words) // 4)
        return Levenshtein.distance(words, found.split(), score_cutoff=allowed) <= allowed

    def distance(self, candidate: _Candidate) -> int:
        """How far from the hint (from the text's start without one)."""
        return candidate.start if self.hint is None else abs(candidate.start - self.hint)

    def rank(self, candidate: _Candidate) -> tuple[float, int, int]:
        """Best standing first; between equal standings, nearest the hint."""
        return (-candidate.standing, self.distance(candidate), candidate.start)


def _similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """1.0 for equal strings, falling to 0.0 as edits (insert, delete, replace) add up.

    Below ``cutoff`` it reports 0.0: a quote less than half alike cannot reach
    :data:`MIN_SCORE` anyway, and the cut-off lets rapidfuzz stop early on long quotes.
    """
    if a == b:
        return 1.0
    return Levenshtein.normalized_similarity(a, b, score_cutoff=cutoff)


def _copies(text: str, exact: str, low: int, high: int, most: int = _MAX_COPIES) -> list[int]:
    """Where ``exact`` occurs verbatim within ``text[low:high]`` (at most ``most``)."""
    found: list[int] = []
    position = text.find(exact, low, high)
    while position != -1 and len(found) < most:
        found.append(position)
        position = text.find(exact, position + 1, high)
    return found


def _verbatim_over(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """The quote verbatim where it overlaps an aligned span, else the span.

    Why: an alignment may take in a word inserted next to an unchanged quote (both cost
    the same); the unchanged quote is the better answer.
    """
    high = end + len(exact) - 1
    found = text.find(exact, max(0, start - len(exact) + 1), high)
    while found != -1 and found < end:
        after = found + len(exact)
        # Not the quote's "a" as the start of "assertion": a copy ends where the quote did.
        if not (exact[-1].isalnum() and after < len(text) and text[after].isalnum()):
            return found, after
        found = text.find(exact, found + 1, high)
    return start, end


def _acceptable(candidate: _Candidate) -> bool:
    return candidate.score >= MIN_SCORE


def _decide(ranked: list[_Candidate]) -> QuoteSearch:
    """The best candidate if it is good enough and no other place scores alike."""
    if not ranked:
        return QuoteSearch(None, "not found: nothing in the text resembles the quote")
    best = ranked[0]
    # The quote verbatim, where its surroundings agree well enough, comes before changed
    # wording (a passage nobody edited must come back as it was) — unless the changed
    # wording is somewhere else and clearly agrees better with everything remembered.
    verbatim = next((c for c in ranked if c.quote_score == 1.0 and _acceptable(c)), None)
    if verbatim is not None and not _outweighs(best, verbatim):
        return QuoteSearch(verbatim.as_match())
    if not _acceptable(best):
        return QuoteSearch(
            None,
            f"not found: the closest text, at {best.describe()}, is below the "
            f"{MIN_SCORE:.2f} needed",
        )
    rival = next((c for c in ranked[1:] if c.end <= best.start or c.start >= best.end), None)
    both_verbatim = rival is not None and best.quote_score == rival.quote_score == 1.0
    if (
        rival is not None
        and not both_verbatim
        and rival.standing >= best.standing - AMBIGUITY_MARGIN
    ):
        return QuoteSearch(
            None, f"two places match alike: {best.describe()} and {rival.describe()}", True
        )
    return QuoteSearch(best.as_match())


def _outweighs(changed: _Candidate, verbatim: _Candidate) -> bool:
    """Whether changed wording is a better answer than the quote found verbatim.

    Why at all: "is valid" with the 32 characters that stood before and after "is valid
    until" still around it is the passage, with its last word deleted; "is valid until" a
    few lines on, between other words, is another sentence.  Why only by a margin, and only
    elsewhere: a verbatim copy is the safer answer when the two agree alike; and changed
    wording that overlaps the copy is the same place read with a neighbouring word taken
    in ("aport" for "port" after an edit glued text to it), where the unchanged quote is
    the answer.  And only when the changed wording is still mostly the quote: around a
    short quote the remembered context is most of the characters, and an edit right next to
    it ("wage" → "waaaage" around "ag") leaves a place whose context agrees fully but whose
    quote is half gone, while the quote itself is still there, untouched.
    """
    return (
        changed is not verbatim
        and _acceptable(changed)
        and changed.quote_score >= MIN_SCORE
        and changed.standing > verbatim.standing + AMBIGUITY_MARGIN
        and (changed.end <= verbatim.start or changed.start >= verbatim.end)
    )


def score_at(text: str, start: int, end: int, exact: str, prefix: str, suffix: str) -> float:
    """How well ``text[start:end]`` and its surroundings agree with a quote, in [0, 1]
    (for a place found some other way, such as its stored position)."""
    return _Scorer(text, exact, prefix, suffix, None).score(start, end).score
