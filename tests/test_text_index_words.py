"""The text index's words are the word pattern's matches, however the text is split.

Why: the index splits a long text a chunk at a time (so a 10 MB article's split never holds
every piece at once), and every word position after a wrongly placed cut would shift the
linker's six-word runs and each sentence's words.  So the chunked split is checked against
the plain one-pass meaning on varied texts and chunk sizes, down to one character.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.text.text_index import TextIndex, _words_and_starts
from briefing_app.core.text.words import WORD

PIECES = st.sampled_from([
    "port", "Dunmere\u2019s", "don't", "1,240", "3.5%", "caf\u00e9", "\u00e9t\u00e9",
    "\U0001f600", "\u4e2d\u6587", "_", "'", "\u2019", " ", "  ", "\n", "\t", "\u00a0",
    "\u2003", ",", ".", "\u201c",
])
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def _one_pass(lowered: str) -> tuple[list[str], list[int], list[int]]:
    words = [match.group() for match in WORD.finditer(lowered)]
    first: dict[str, int] = {}
    ids = [first.setdefault(word, number) for number, word in enumerate(words)]
    return words, ids, [match.start() for match in WORD.finditer(lowered)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=40))
def test_a_chunked_split_finds_every_word_where_one_pass_does(text: str, chunk: int) -> None:
    words, ids, starts = _words_and_starts(text, chunk)
    assert (list(words), list(ids), list(starts)) == _one_pass(text)


def test_a_text_with_no_space_is_split_whole() -> None:
    text = "word" * 50 + ",more'words" * 20
    words, ids, starts = _words_and_starts(text, 8)
    assert (list(words), list(ids), list(starts)) == _one_pass(text)


def test_a_repeated_word_is_one_string_held_in_a_tuple() -> None:
    index = TextIndex("Harbour talks resumed. The harbour reopened, and harbour staff returned.")
    assert isinstance(index.words, tuple)  # (the collector stops walking a tuple of strings)
    harbours = [word for word in index.words if word == "harbour"]
    assert len(harbours) == 3 and all(word is harbours[0] for word in harbours)
    assert index.sentence_words(1) == ("the", "harbour", "reopened", "and", "harbour", "staff",
                                       "returned")


def test_released_words_are_gone_and_asking_for_them_says_so() -> None:
    index = TextIndex("Harbour talks resumed. The harbour reopened.")
    index.release_words()  # (the linker's, once its statements and evidence are found)
    assert index.words == () and len(index.word_starts) == 0
    assert index.sentence_count == 2  # sentences stay: choosing links reads them
    with pytest.raises(RuntimeError, match="release_words"):
        index.sentence_words(0)
