"""A summary's unattributed quotation takes the speaker a search of the whole article finds.

Why: the lookup searches only the body's statements that have a speaker (an article of many
unattributed summary quotations was quadratic when every quotation searched the whole
text), and the answer must be the same as that whole-text search's: the speaker of the
first place, in reading order, where the words begin inside such a statement, even where
the words run past the statement's end or recur inside a summary or a speakerless one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.attribution import said_in_body
from briefing_app.core.attribution.said_in_body import SaidInBody
from briefing_app.core.importer import import_text
from briefing_app.core.model import Speaker

SPEAKERS = [Speaker(name="Amara Okafor"), Speaker(name="Li Wei"), None]


@dataclass
class Paragraph:
    start: int
    end: int
    summary: bool


@dataclass
class Placed:
    start: int
    end: int
    speaker: Speaker | None


def whole_text_search(
    text: str, paragraphs: list[Paragraph], placed: list[list[Placed]], probe: str
) -> Speaker | None:
    """The lookup as it was: every occurrence in the article, in reading order."""
    starts = [paragraph.start for paragraph in paragraphs]
    at = text.find(probe)
    while at != -1:
        other = bisect_right(starts, at) - 1
        if other >= 0 and not paragraphs[other].summary:
            for statement in placed[other]:
                if statement.start <= at < statement.end and statement.speaker is not None:
                    return statement.speaker
        at = text.find(probe, at + 1)
    return None


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[Paragraph], list[list[Placed]], list[str]]:
    words = st.sampled_from(["we", "will", "open", "the", "gate", "we will", "open the"])
    lines = draw(st.lists(st.lists(words, min_size=1, max_size=8), min_size=1, max_size=8))
    texts = [" ".join(line) for line in lines]
    text = "\n".join(texts)
    paragraphs, placed, offset = [], [], 0
    for line in texts:
        end = offset + len(line)
        paragraphs.append(Paragraph(offset, end, draw(st.booleans())))
        statements = []
        cut = offset
        while cut < end and draw(st.booleans()):  # disjoint statements, in order
            start = draw(st.integers(cut, end - 1))
            stop = draw(st.integers(start + 1, end))
            statements.append(Placed(start, stop, draw(st.sampled_from(SPEAKERS))))
            cut = stop
        placed.append(statements)
        offset = end + 1
    probes = draw(st.lists(st.text(alphabet="weilopnthga ", min_size=1, max_size=12), max_size=6))
    probes += [text[start : start + draw(st.integers(1, 12))]
               for start in draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=6))]
    return text, paragraphs, placed, [probe for probe in probes if probe]


@settings(max_examples=400, deadline=None)
@given(articles())
def test_the_body_index_finds_the_speaker_the_whole_text_search_finds(
    article: tuple[str, list[Paragraph], list[list[Placed]], list[str]],
) -> None:
    text, paragraphs, placed, probes = article
    said = SaidInBody(text, paragraphs, placed, probe_chars=12)
    for probe in probes:
        assert said.speaker_of(probe) == whole_text_search(text, paragraphs, placed, probe)


def test_a_summary_quote_takes_its_speaker_from_the_body() -> None:
    brief = import_text(
        "Gate talks\n\n"
        "Amara Okafor said: \u201cWe will open the gate to every lorry on Monday morning.\u201d\n\n"
        "What People Are Saying\n\n"
        "\u201cWe will open the gate to every lorry on Monday morning.\u201d\n"
    )
    quote = [item for item in brief.items() if item.text.startswith("\u201c")]
    assert [item.speaker.name for item in quote if item.speaker] == ["Amara Okafor"]


def test_each_opening_is_searched_for_once_and_only_in_the_bodys_statements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (searching the whole article once per quotation made 20,000 of them take 200 s)
    searched: list[str] = []
    first_speaker = SaidInBody._first_speaker

    def counted(self: SaidInBody, probe: str) -> Speaker | None:
        searched.append(probe)
        return first_speaker(self, probe)

    monkeypatch.setattr(SaidInBody, "_first_speaker", counted)
    quotes = "".join(
        "\u201cWe will keep the harbour open through the winter, all of us.\u201d\n\n"
        for _ in range(300)
    )
    brief = import_text(
        "Harbour\n\nLi Wei said: \u201cThe cranes stay idle until the vote is counted.\u201d\n\n"
        f"What People Are Saying\n\n{quotes}"
    )
    assert len(brief.items()) > 300
    assert searched == ["We will keep the harbour open through the winter"]


def test_searching_stops_once_the_articles_budget_is_spent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (a bound on the work, in passes over the article: a summary of thousands of distinct
    # unattributed quotations under a long attributed body cost a pass each)
    monkeypatch.setattr(said_in_body, "SEARCH_PASSES", 2)
    monkeypatch.setattr(said_in_body, "SEARCH_FLOOR_CHARS", 0)
    searched: list[str] = []
    search = SaidInBody._search

    def counted(self: SaidInBody, probe: str) -> tuple[Speaker, int] | None:
        searched.append(probe)
        return search(self, probe)

    monkeypatch.setattr(SaidInBody, "_search", counted)
    body = "".join(
        f"Li Wei said: \u201cThe cranes at berth {n} stay idle until the vote is counted.\u201d\n\n"
        for n in range(20)
    )
    summary = "".join(
        f"\u201cNumber {n} of the things nobody in the body ever said at all.\u201d\n\n"
        for n in range(50)
    )
    brief = import_text(f"Harbour\n\n{body}What People Are Saying\n\n{summary}")
    assert len(brief.items()) == 70  # every quotation still an item, the rest unattributed
    assert 1 <= len(searched) <= 5


def test_a_long_summary_of_new_quotations_still_credits_a_repeated_one() -> None:
    # (a review's case: a bound of 256 passes alone ran out after ~200 new quotations here,
    # and the repeat lost the speaker who said it in the body)
    people = ["Amara Okafor", "Desmond Achterberg", "Lucia Fenwright"]
    body = "\n\n".join(
        f"\u201cBerth {n} will stay shut until the union and the authority agree terms,\u201d"
        f" said {people[n % 3]}, at the gate." for n in range(1_000)
    )
    new = "\n\n".join(
        f"\u201cQz{n} xv{n} wk{n} nothing like this was ever said in the body.\u201d"
        for n in range(300)
    )
    repeated = "\u201cBerth 7 will stay shut until the union and the authority agree terms.\u201d"
    brief = import_text(
        f"Harbour strike\n\n{body}\n\nWhat People Are Saying\n\n{new}\n\n{repeated}\n"
    )
    last = [item for item in brief.items() if item.text == repeated]
    assert [item.speaker.name for item in last if item.speaker] == ["Desmond Achterberg"]
