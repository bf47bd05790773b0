"""Cross-links: figures, shared wording, quoted words and speakers tie restatements together."""

from __future__ import annotations

import pickle

from briefing_app.core.importer import import_text
from briefing_app.core.linking.evidence import Rows
from briefing_app.core.linking.linker import PackedChoices
from briefing_app.core.model import Brief, Item, LinkReason


def brief_of(text: str) -> Brief:
    return import_text(text, name="article.txt")


def item_with(brief: Brief, words: str) -> Item:
    return next(item for item in brief.items() if words in item.text)


ARTICLE = """Bridge closure

The Arden bridge will close for 14 months from May, the county said on Tuesday.
Drivers face a detour of about 9 miles during the works.
The county expects the repairs to cost $48.5 million, paid mostly from a state grant.

Why It Matters

About 31,000 vehicles cross the bridge every weekday, and the detour runs through two school zones.

What To Know

- Repairs will cost $48.5m in total.
- The bridge will close for 14 months from May while crews replace the deck and bearings.
- The county said the closure was the only safe option for the crumbling structure.

What People Are Saying

County engineer Rosa Vial: “We looked at every option and the bridge cannot carry traffic.”

What Happens Next

Vial said the engineers would publish a detailed detour map next month.
"""


def test_figure_links_across_spellings() -> None:
    brief = brief_of(ARTICLE)
    bullet = item_with(brief, "Repairs will cost $48.5m")
    assert [link.reason for link in bullet.links] == [LinkReason.FIGURE]
    assert "$48.5 million" in bullet.links[0].selector.exact
    assert bullet.links[0].detail == "$48.5m"


def test_shared_run_of_words_links_even_without_figures() -> None:
    brief = brief_of(ARTICLE)
    bullet = item_with(brief, "The bridge will close for 14 months from May while")
    exacts = [link.selector.exact for link in bullet.links]
    assert any("The Arden bridge will close for 14 months from May" in e for e in exacts)


def test_speaker_statement_links_both_ways() -> None:
    brief = brief_of(ARTICLE)
    quote = item_with(brief, "We looked at every option")
    assert quote.speaker is not None and quote.speaker.name == "Rosa Vial"
    assert any(
        link.reason is LinkReason.SPEAKER
        and link.selector.exact.startswith("Vial said the engineers")
        for link in quote.links
    )
    paraphrase = item_with(brief, "Vial said the engineers")
    assert any("We looked at every option" in link.selector.exact for link in paraphrase.links)


def test_common_words_and_small_numbers_do_not_link() -> None:
    brief = brief_of(ARTICLE)
    # "the county said" appears twice, "9" is a small number: neither is evidence
    detour = item_with(brief, "About 31,000 vehicles")
    assert detour.links == []
    only_safe = item_with(brief, "only safe option")
    assert only_safe.links == []


def test_links_are_ranked_strongest_first_and_never_overlap_own_span() -> None:
    brief = brief_of(ARTICLE)
    for item in brief.items():
        scores = [link.score for link in item.links]
        assert scores == sorted(scores, reverse=True)
        own = item.source
        assert all(
            link.selector.end <= own.start or link.selector.start >= own.end
            for link in item.links
        )


def test_he_said_after_a_named_sentence_counts_as_the_speaker() -> None:
    text = (
        "Plant to shut\n\nFactory owner Mel Grant said the plant would shut in June. "
        "He said the decision was final.\n\nWhat People Are Saying\n\n"
        "Mel Grant, owner: “There is no buyer and no way to keep it open.”\n"
    )
    brief = brief_of(text)
    quote = item_with(brief, "There is no buyer")
    assert any(link.selector.exact == "He said the decision was final." for link in quote.links)


def test_boilerplate_figure_repeated_everywhere_is_ignored() -> None:
    body = "\n\n".join(
        f"Item {n} cost $5 million according to filing {n * 7919}." for n in range(40)
    )
    brief = brief_of(f"Costs\n\n{body}\n\nWhy It Matters\n\nThe total was $5 million per item.\n")
    why = brief.sections[-1].items[0]
    assert why.links == []


def test_a_nested_quotation_does_not_end_the_sentence() -> None:
    from briefing_app.core.text.sentences import sentence_spans

    text = "“They told me, ‘It is too expensive to finish.’ They were wrong,” Dorsey said. Next."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "“They told me, ‘It is too expensive to finish.’ They were wrong,” Dorsey said.",
        "Next.",
    ]


def often_quoted(statements: int, extra: str = "") -> Brief:
    """Port director Okafor reported ``statements`` times in the body, then quoted once."""
    body = "\n\n".join(
        f"Okafor said crane number {n} at berth {chr(65 + n % 26)}{n} would be inspected."
        for n in range(statements)
    )
    return brief_of(
        f"Port inspections\n\nPort director Amara Okafor said the checks would start soon."
        f"\n\n{body}{extra}\n\nWhat People Are Saying\n\n"
        f"Amara Okafor, port director: “Every crane will be checked before we reopen.”\n"
    )


def test_a_speaker_reported_many_times_links_their_earliest_statements() -> None:
    brief = often_quoted(40)
    quote = item_with(brief, "Every crane will be checked")
    exacts = [link.selector.exact for link in quote.links]
    assert [link.reason for link in quote.links] == [LinkReason.SPEAKER] * 8
    assert exacts[0].startswith("Port director Amara Okafor said the checks")
    assert exacts[1:] == [
        f"Okafor said crane number {n} at berth {chr(65 + n)}{n} would be inspected."
        for n in range(7)
    ]


def test_a_late_statement_with_more_evidence_outranks_the_early_ones() -> None:
    late = "\n\nOkafor said every crane will be checked before we reopen the port."
    brief = often_quoted(40, extra=late)
    quote = item_with(brief, "Every crane will be checked")
    assert quote.links[0].selector.exact == late.strip()
    assert quote.links[0].score > 2.5  # same speaker and the same run of words
    assert len(quote.links) == 8


def test_a_sentence_reporting_two_of_an_items_speakers_outranks_single_reports() -> None:
    union = "\n\n".join(
        f"Achterberg said picket {n} at gate {chr(65 + n % 26)}{n} would stay." for n in range(30)
    )
    both = "Okafor and Desmond Achterberg said talks would resume at the harbour office."
    text = often_quoted(30, extra=f"\n\n{union}\n\n{both}").article.text.replace(
        "What People Are Saying\n\n",
        "What People Are Saying\n\nDesmond Achterberg, union secretary: “No deal yet.”\n\n",
    )
    brief = brief_of(
        f"{text}\n“We will talk,” said Amara Okafor, after Achterberg said the union was ready.\n"
    )
    quote = item_with(brief, "We will talk")
    assert quote.links[0].selector.exact == both
    assert quote.links[0].score == 5.0
    # equal evidence for two speakers is credited to the item's own speaker
    assert quote.links[0].detail == "Amara Okafor"


def test_speaker_links_are_those_scoring_every_statement_would_give(monkeypatch) -> None:
    # Many sentences report one, two or three of five speakers, and quote cards report
    # several: looking only at the statements that can reach an item's top links must pick
    # exactly what scoring every statement of every speaker picks.
    import random

    from briefing_app.core.linking import linker, scoring

    people = ["Amara Okafor", "Desmond Achterberg", "Lucia Fenwright", "Grace Muldoon", "Li Wei"]
    rng = random.Random(7)
    body = []
    for n in range(120):
        named = rng.sample(people, rng.choice((1, 1, 2, 2, 3)))
        who = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]
        body.append(f"{who} said berth {n} at pier {chr(65 + n % 26)}{n} would reopen.")
    quotes = []
    for n in range(40):
        speaker, *others = rng.sample(people, rng.choice((1, 2, 3)))
        also = "".join(f" after {other.split()[-1]} said so" for other in others)
        quotes.append(f"“Talks on crane {n} resume,” said {speaker}, the chair,{also}.")
    text = "Port talks\n\n" + "\n\n".join(body) + "\n\nWhat People Are Saying\n\n"
    text += "\n\n".join(quotes) + "\n"
    fast = brief_of(text).model_dump_json()

    def every_statement(scores, reported, statements, own_sentences) -> None:
        for name in reported:
            for number in statements.by_name.get(name, ()):
                scores.credit(number, scoring.SPEAKER_SCORE, LinkReason.SPEAKER, name)

    monkeypatch.setattr(linker, "add_speaker_candidates", every_statement)
    assert brief_of(text).model_dump_json() == fast


def test_the_same_small_number_counting_different_things_does_not_link() -> None:
    """ "40 of the piers" and "40 of the cranes" are two facts: the figure's unit is the
    word after "of the", not "of", which every such phrase shares."""
    brief = brief_of(
        "Harbour repairs\n\n"
        "Crews closed 40 of the piers at Lowmoor on Monday for a survey of the decking.\n\n"
        "Separately, inspectors in the yard condemned 40 of the cranes after a winter storm.\n\n"
        "What To Know\n\n"
        "- Engineers reopened 40 of the piers by Friday evening."
    )
    cranes = item_with(brief, "condemned")
    piers = item_with(brief, "reopened")
    figure_links = [link for link in piers.links if link.reason is LinkReason.FIGURE]
    assert [link.selector.exact for link in figure_links] == [
        "Crews closed 40 of the piers at Lowmoor on Monday for a survey of the decking."
    ]
    assert all(link.reason is not LinkReason.FIGURE for link in cranes.links)


def test_entries_stamped_in_the_same_hour_are_not_linked_by_their_times() -> None:
    brief = brief_of(
        "Storm live\n\n10:05 \u2014 Ferries between Dunmere and Ostrow Bay are cancelled.\n\n"
        "10:30 \u2014 About 2,300 homes on the north coast are without power.\n\n"
        "11:15 \u2014 The grid operator says 2,300 homes are still waiting."
    )
    ferries = item_with(brief, "Ferries")
    assert all(link.reason is not LinkReason.FIGURE for link in ferries.links)
    homes = item_with(brief, "About 2,300 homes")
    assert [link.detail for link in homes.links if link.reason is LinkReason.FIGURE] == ["2,300"]


def test_evidence_rows_give_back_each_sentences_runs_after_a_trip_between_processes() -> None:
    numbers = [(5, 2_000_000, 7), (), (3,), (), (1_500_000, 1)]  # sentences' and runs'
    hashes = [(5, -9_000_000_000_000_000_000, 7), (), (3,), (), (2**62, 1)]  # runs' keys
    for rows, kept in ((numbers, Rows(numbers)), (hashes, Rows(hashes, "q"))):
        back = pickle.loads(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        for got in (kept, back):
            assert len(got) == len(rows)
            assert [tuple(got[number]) for number in range(len(rows))] == rows
            assert not got[1] and not got[3]  # a sentence sharing no run has an empty row


def test_packed_choices_give_back_each_items_choices_after_a_trip_between_processes() -> None:
    chosen = [
        [(12, 5.5, "figure", "1,240"), (40, 2.0, "speaker", "Rosa Vial")],
        [],
        [(7, 2.25, "shared_words", "7 words in common")],
    ]
    packed = pickle.loads(pickle.dumps(PackedChoices(chosen), protocol=pickle.HIGHEST_PROTOCOL))
    assert list(packed) == chosen


def test_an_index_that_served_one_linking_is_not_reused_for_another() -> None:
    from briefing_app.core.builder import build_brief
    from briefing_app.core.linking.linker import link_brief
    from briefing_app.core.readers.plain_text import read_plain_text

    brief, index = build_brief(read_plain_text(ARTICLE))
    first = [list(item.links) for item in link_brief(brief, index).items()]
    assert index.words_released and any(first)
    again = [list(item.links) for item in link_brief(brief, index).items()]
    assert again == first  # (the spent index made no links at all)
