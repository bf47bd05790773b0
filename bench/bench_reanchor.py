"""Benchmark re-anchoring: 5,000 annotations on a 1 MB article, after 1% of its words changed.

Why this shape: a user edits or re-imports an article and every annotation must find its
passage again, at once and without landing on the wrong one.  So the bench annotates
random passages of 3-30 words, changes 1% of the article's words (each one replaced by
another word of the article, deleted, or preceded by an inserted word; seeded), follows
every passage's *true* new span through those edits, and then asks each method where each
passage is.  One outcome per annotation:

* **right**: placed on the true span (both compared without surrounding whitespace: a word
  deleted at a passage's end leaves its space behind, and no method should be asked to
  guess whether that space belongs to the passage);
* **orphan, fair**: not placed, and the true span no longer resembles the quote (less than
  half its characters survive: normalised Levenshtein similarity < 0.5) — an orphan is
  then the honest answer;
* **orphan, missed**: not placed although the passage is still recognisable;
* **wrong**: placed anywhere else (overlapping the true span but with other ends, or
  elsewhere: both counted, and shown apart).

Target: right + fair orphans >= 99.9%, all 5,000 in <= 0.35 s on the 2-core machine.

Methods, side by side on the same edits:

* ``anchor_selector``: this app's re-anchoring (index, alignment, scores); timed cold — the
  per-text index is dropped first, so its ~40 ms build is part of the figure;
* ``diff-match-patch``: the classic approach (as web annotators used it): ``match_main`` of
  the quote near the old start (quotes over 32 characters: its first 32 for the start, its
  last 32 near the expected end), default settings (threshold 0.5, distance 1000).  Slow in
  Python, so by default it runs on the first ``--dmp-count`` annotations and says so;
* ``--old REV``: the previous difflib ``reanchor``, loaded from that git revision's
  ``briefing_app/core/anchoring/selectors.py`` (slow: ~40-60 s for 5,000).

Articles: ``--prose PATH`` (a long plain-text file of real prose, its first 1,000,000
characters, in the app's reading form: LF, NFC) and the generated newsroom article with
repeated figures (``newsroom_articles.generate_article(1_000_000)``).

Run: ``.venv/bin/python bench/bench_reanchor.py --prose /tmp/prose.txt [--old efb4850]``.
"""

from __future__ import annotations

import argparse
import bisect
import os
import platform
import random
import re
import subprocess
import sys
import time
import types
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsroom_articles import generate_article
from rapidfuzz.distance import Levenshtein

from briefing_app.core.anchoring import anchor_selector, make_selector
from briefing_app.core.anchoring.seed_index import forget_seed_index
from briefing_app.core.model import Selector
from briefing_app.core.readers.decoding import normalise_text

ARTICLE_CHARS = 1_000_000
FAIR_ORPHAN_BELOW = 0.5
TARGET_SHARE = 0.999
TARGET_SECONDS = 0.35
REPO = Path(__file__).resolve().parent.parent

Span = tuple[int, int]


@dataclass(frozen=True)
class Edit:
    """Replace ``old[start:end]`` by ``new`` (an insertion has start == end)."""

    start: int
    end: int
    new: str


@dataclass
class Case:
    """One article before and after the edits, its annotations and their true new spans."""

    name: str
    old: str
    new: str
    selectors: list[Selector]
    truth: list[Span | None]  # None: every word of the passage was deleted
    resemblance: list[float]  # similarity of the old quote and the true new span's text


def make_case(name: str, text: str, count: int, edit_share: float, seed: int) -> Case:
    """Annotate ``count`` random passages, edit ``edit_share`` of the words, track spans."""
    rng = random.Random(seed)
    words = [match.span() for match in re.finditer(r"\S+", text)]
    selectors = []
    for _ in range(count):
        length = rng.randint(3, 30)
        first = rng.randrange(len(words) - length)
        start, end = words[first][0], words[first + length - 1][1]
        selectors.append(make_selector(text, start, end))
    edits = _random_edits(text, words, edit_share, rng)
    new = _apply(text, edits)
    starts = [edit.start for edit in edits]
    ends = [edit.end for edit in edits]
    shifts = [0]
    for edit in edits:
        shifts.append(shifts[-1] + len(edit.new) - (edit.end - edit.start))
    truth: list[Span | None] = []
    resemblance = []
    for selector in selectors:
        start = _map(selector.start, starts, ends, shifts)
        end = _map(selector.end, starts, ends, shifts)
        span = _trim(new, start, end)
        truth.append(span)
        found = new[span[0] : span[1]] if span else ""
        resemblance.append(Levenshtein.normalized_similarity(selector.exact, found))
    return Case(name, text, new, selectors, truth, resemblance)


def _random_edits(text: str, words: list[Span], share: float, rng: random.Random) -> list[Edit]:
    """Replace, delete or insert before ``share`` of the words (one edit per word)."""
    vocabulary = [text[start:end] for start, end in rng.sample(words, min(5000, len(words)))]
    chosen = sorted(rng.sample(range(len(words)), round(share * len(words))))
    edits = []
    for index in chosen:
        start, end = words[index]
        kind = rng.choice(("replace", "delete", "insert"))
        if kind == "replace":
            edits.append(Edit(start, end, rng.choice(vocabulary)))
        elif kind == "insert":
            edits.append(Edit(start, start, rng.choice(vocabulary) + " "))
        elif index + 1 < len(words):  # the word and the space after it
            edits.append(Edit(start, words[index + 1][0], ""))
        else:  # the last word and the space before it
            edits.append(Edit(words[index - 1][1], end, ""))
    edits.sort(key=lambda edit: (edit.start, edit.end))
    kept: list[Edit] = []
    for edit in edits:  # two edits never touch the same characters
        if not kept or (edit.start >= kept[-1].end and edit.start > kept[-1].start):
            kept.append(edit)
    return kept


def _apply(text: str, edits: Sequence[Edit]) -> str:
    parts = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.new)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def _map(offset: int, starts: list[int], ends: list[int], shifts: list[int]) -> int:
    """Where an old passage boundary (a word's start or end) is in the new text.

    Every edit that ends at or before the boundary moves it: so a word inserted at a
    passage's start stays outside it (before), and a replaced first or last word is part
    of it.  A boundary inside deleted text moves to where that text was.
    """
    done = bisect.bisect_right(ends, offset)
    if done < len(starts) and starts[done] < offset < ends[done]:
        return starts[done] + shifts[done]
    return offset + shifts[done]


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# ---- the methods -------------------------------------------------------------------------


def place_with_app(text: str, selectors: list[Selector]) -> list[Span | None]:
    """This app's re-anchoring, cold (the per-text index dropped first)."""
    forget_seed_index()
    spans: list[Span | None] = []
    for selector in selectors:
        found = anchor_selector(text, selector).selector
        spans.append(None if found is None else (found.start, found.end))
    return spans


def place_with_dmp(text: str, selectors: list[Selector]) -> list[Span | None]:
    """diff-match-patch ``match_main``, as web annotators used it for quotes."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    bits = dmp.Match_MaxBits
    spans: list[Span | None] = []
    for selector in selectors:
        exact = selector.exact
        if len(exact) <= bits:
            start = dmp.match_main(text, exact, selector.start)
            spans.append(None if start < 0 else (start, start + len(exact)))
            continue
        start = dmp.match_main(text, exact[:bits], selector.start)
        if start < 0:
            spans.append(None)
            continue
        tail = dmp.match_main(text, exact[-bits:], start + len(exact) - bits)
        end = tail + bits if tail >= start else start + len(exact)
        spans.append((start, end))
    return spans


def old_reanchor(revision: str) -> Callable[[str, list[Selector]], list[Span | None]]:
    """The difflib ``reanchor`` as it was at ``revision`` (read with ``git show``)."""
    source = subprocess.run(
        ["git", "show", f"{revision}:briefing_app/core/anchoring/selectors.py"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType(f"old_selectors_{revision}")
    exec(compile(source, module.__name__, "exec"), module.__dict__)

    def place(text: str, selectors: list[Selector]) -> list[Span | None]:
        spans: list[Span | None] = []
        for selector in selectors:
            found = module.reanchor(text, selector)
            spans.append(None if found is None else (found.start, found.end))
        return spans

    return place


# ---- counting ----------------------------------------------------------------------------


def judge(case: Case, spans: list[Span | None]) -> Counter[str]:
    """Count each annotation's outcome (see the module docstring)."""
    outcomes: Counter[str] = Counter()
    for index, span in enumerate(spans):
        truth = case.truth[index]
        edited = case.selectors[index].exact != (case.new[truth[0] : truth[1]] if truth else None)
        group = "edited " if edited else "intact "
        if span is None:
            fair = case.resemblance[index] < FAIR_ORPHAN_BELOW
            outcome = "orphan, fair" if fair else "orphan, missed"
        else:
            placed = _trim(case.new, *span)
            if placed == truth:
                outcome = "right"
            elif placed and truth and placed[0] < truth[1] and truth[0] < placed[1]:
                outcome = "wrong, overlapping"
            else:
                outcome = "wrong, elsewhere"
        outcomes[outcome] += 1
        outcomes[group + outcome] += 1
        outcomes[group.strip()] += 1
    return outcomes


def report(case: Case, name: str, count: int, seconds: float, outcomes: Counter[str]) -> None:
    good = outcomes["right"] + outcomes["orphan, fair"]
    edited = outcomes["edited"]
    edited_right = outcomes["edited right"] + outcomes["edited orphan, fair"]
    share = good / count
    met = share >= TARGET_SHARE
    print(
        f"  {name:<18} n={count:>5}  right {outcomes['right'] / count:7.2%}  "
        f"fair orphan {outcomes['orphan, fair'] / count:6.2%}  "
        f"missed {outcomes['orphan, missed'] / count:6.2%}  "
        f"wrong {(outcomes['wrong, overlapping'] + outcomes['wrong, elsewhere']) / count:6.2%} "
        f"({outcomes['wrong, overlapping']} overlapping, {outcomes['wrong, elsewhere']} "
        f"elsewhere)  | right+fair {share:7.2%} ({'met' if met else 'MISSED'}); "
        f"edited quotes {edited_right}/{edited}  | {seconds:7.3f} s"
        f" ({seconds / count * 1e6:,.0f} µs each)"
    )


def run_case(case: Case, args: argparse.Namespace) -> None:
    edited = sum(
        1
        for selector, truth in zip(case.selectors, case.truth, strict=True)
        if truth is None or case.new[truth[0] : truth[1]] != selector.exact
    )
    print(
        f"\n{case.name}: {len(case.old):,} → {len(case.new):,} characters; "
        f"{len(case.selectors):,} annotations, {edited:,} with their own words edited"
    )
    best = float("inf")
    spans: list[Span | None] = []
    for _ in range(args.runs):
        started = time.perf_counter()
        spans = place_with_app(case.new, case.selectors)
        best = min(best, time.perf_counter() - started)
    outcomes = judge(case, spans)
    report(case, "anchor_selector", len(spans), best, outcomes)
    if best > TARGET_SECONDS:
        print(f"  (time target {TARGET_SECONDS} s MISSED)")
    if args.verbose:
        _show_failures(case, spans)
    if args.dmp_count:
        subset = case.selectors[: args.dmp_count]
        started = time.perf_counter()
        spans = place_with_dmp(case.new, subset)
        seconds = time.perf_counter() - started
        sub = Case(case.name, case.old, case.new, subset, case.truth, case.resemblance)
        report(sub, "diff-match-patch", len(spans), seconds, judge(sub, spans))
    if args.old:
        place = old_reanchor(args.old)
        started = time.perf_counter()
        spans = place(case.new, case.selectors)
        seconds = time.perf_counter() - started
        report(case, f"difflib @{args.old}", len(spans), seconds, judge(case, spans))


def _show_failures(case: Case, spans: list[Span | None]) -> None:
    for index, span in enumerate(spans):
        truth = case.truth[index]
        placed = _trim(case.new, *span) if span else None
        if placed == truth or (span is None and case.resemblance[index] < FAIR_ORPHAN_BELOW):
            continue
        selector = case.selectors[index]
        print(f"    #{index} quote {selector.exact!r}")
        print(f"       true {truth} {case.new[truth[0] : truth[1]] if truth else None!r}")
        print(f"       got  {placed} {case.new[placed[0] : placed[1]] if placed else None!r}")
        print(f"       {anchor_selector(case.new, selector).reason}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--prose", type=Path, help="a long plain-text file of real prose")
    parser.add_argument("--annotations", type=int, default=5000)
    parser.add_argument("--edit-share", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--runs", type=int, default=3, help="best of (the app's method)")
    parser.add_argument("--dmp-count", type=int, default=500, help="0 skips diff-match-patch")
    parser.add_argument("--old", metavar="REV", help="also run the difflib reanchor of REV")
    parser.add_argument("--verbose", action="store_true", help="show each miss")
    args = parser.parse_args(argv)
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"os.cpu_count() = {os.cpu_count()}, load average "
        f"{' '.join(f'{load:.2f}' for load in os.getloadavg())}"
    )
    cases = []
    if args.prose:
        prose = normalise_text(args.prose.read_text(encoding="utf-8"))[:ARTICLE_CHARS]
        cases.append(("prose: " + args.prose.name, prose))
    cases.append(("generated article", generate_article(ARTICLE_CHARS)))
    for name, text in cases:
        case = make_case(name, text, args.annotations, args.edit_share, args.seed)
        run_case(case, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
