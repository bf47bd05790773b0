"""Properties that must hold for any text: the import never crashes and anchors always hold.

Why property tests: newsroom copy is endlessly varied (labels, bullets, curly and straight
quotes, attributions, figures, odd line ends, emoji), and the anchor invariant
``text[start:end] == exact`` is what every highlight and saved note depends on, so it is
checked on generated articles rather than on a handful of samples.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing_app.core.anchoring import selector_holds
from briefing_app.core.errors import BriefInputError
from briefing_app.core.importer import import_text
from briefing_app.core.model import Brief
from briefing_app.core.readers.decoding import decode_bytes, normalise_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = st.sampled_from(["text", "markdown"])

NAMES = ["Amara Okafor", "Desmond Achterberg", "Lucia Fenwright", "Grace Muldoon", "Li Wei"]
ROLES = ["port director", "union secretary", "Transport Minister", "a freight economist"]
WORDS = (
    "port strike union offer talks cranes ships harbour fuel prices winter mediator "
    "workers vote pay rise authority terminal cargo shoppers retailers weekend"
).split()
FIGURES = ["1,240", "3.5%", "$38 million", "60", "14%", "2011", "11 days", "half a billion"]
HEADINGS = [
    "Why It Matters",
    "Why it matters:",
    "WHAT TO KNOW",
    "Driving the news:",
    "The big picture:",
    "What People Are Saying",
    "What they're saying:",
    "What Happens Next",
    "What's next:",
    "Harbour Notes",
    "## Details",
    "### What to know",
    "**Why It Matters**",
    "# Big Strike",
    "Yes, but:",
]
LABELS = ["Why it matters:", "Driving the news:", "What's next:", "The big picture:", "Details:"]
QUOTES = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'")]
MARKUP = [
    "> \u201cWe will not go back,\u201d she said.",
    "```",
    "    indented code 1,240",
    "<div>Harbour <b>news</b></div>",
    "<script>alert(1)</script>",
    "| port | ships |",
    "|---|---|",
    "---",
    "===",
    "[the port](https://example.org) said **1,240** workers *walked out*.",
    "![crane](crane.png)",
    "Fish &amp; chips &#8212; 3.5%",
    "1) first",
    "  - nested bullet",
    "Trailing backslash\\",
]
EXTRAS = ["\U0001f389", "\U0001d538", "\u00a0", "\u2014", "\u2013", "e\u0301", "\u2026", "\t"]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + FIGURES + EXTRAS), min_size=1, max_size=14))
    text = " ".join(words)
    if draw(st.booleans()):
        text = text[:1].upper() + text[1:]
    return text + draw(st.sampled_from([".", "", "!", "?", ":", ","]))


@st.composite
def quote_line(draw: st.DrawFn) -> str:
    opening, closing = draw(st.sampled_from(QUOTES))
    said = draw(sentence())
    name = draw(st.sampled_from(NAMES))
    role = draw(st.sampled_from(ROLES))
    surname = name.split()[-1]
    shape = draw(st.integers(0, 7))
    shapes = [
        f"{name}, {role}: {opening}{said}{closing}",
        f"{role.title()} {name}: {opening}{said}{closing}",
        f"{name} told Harbour Radio: {opening}{said}{closing}",
        f"{opening}{said},{closing} said {name}, {role}.",
        f"{opening}{said},{closing} {surname} told reporters.",
        f"{role.title()} {name} said the plan was {opening}unacceptable{closing}",
        f"{opening}{said}{closing} \u2014 {name}, {role}",
        f"{opening}{said}",
    ]
    return shapes[shape]


LINE = st.one_of(
    sentence(),
    st.sampled_from(HEADINGS),
    st.builds(lambda label, s: f"{label} {s}", st.sampled_from(LABELS), sentence()),
    st.builds(
        lambda mark, s: f"{mark} {s}", st.sampled_from(["-", "*", "\u2022", "1."]), sentence()
    ),
    quote_line(),
    st.just(""),
    st.just("   "),
    st.sampled_from(MARKUP),
    st.text(max_size=20),
)


@st.composite
def newsroom_text(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE, min_size=1, max_size=30))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    front = draw(st.sampled_from(["", "---\ntitle: Strike\nauthor: [A, B]\n---\n"]))
    return front + ending.join(lines)


ANY_TEXT = st.one_of(st.text(), newsroom_text())


def _import_or_refuse(text: str, fmt: str) -> Brief | None:
    """Import, treating BriefInputError as a proper refusal; anything else fails the test."""
    try:
        return import_text(text, name="generated", fmt=fmt)
    except BriefInputError as exc:
        assert exc.describe().startswith("generated")
        return None


def _assert_anchors_hold(brief: Brief) -> None:
    text = brief.article.text
    for item in brief.items():
        assert item.source is not None, f"{item.id} has no own span"
        own = item.source
        assert text[own.start : own.end] == item.text, item.id
        for selector in item.spans():
            assert selector_holds(text, selector), (item.id, selector)


@SETTINGS
@given(text=ANY_TEXT, fmt=FORMATS)
def test_import_never_crashes_and_anchors_hold(text: str, fmt: str) -> None:
    brief = _import_or_refuse(text, fmt)
    if brief is not None:
        _assert_anchors_hold(brief)
        ids = [item.id for item in brief.items()]
        assert len(ids) == len(set(ids))


@SETTINGS
@given(text=ANY_TEXT, fmt=FORMATS)
def test_json_round_trip_keeps_ids_texts_and_anchors(text: str, fmt: str) -> None:
    brief = _import_or_refuse(normalise_text(text), fmt)
    if brief is None:
        return
    again = import_text(brief.model_dump_json(), name="generated.json", fmt="brief-json")
    assert again.id == brief.id
    assert again.article.text == brief.article.text
    assert [(s.kind, s.title) for s in again.sections] == [
        (s.kind, s.title) for s in brief.sections
    ]
    assert [(i.id, i.text) for i in again.items()] == [(i.id, i.text) for i in brief.items()]
    _assert_anchors_hold(again)
    assert [i.source for i in again.items()] == [i.source for i in brief.items()]


@SETTINGS
@given(data=st.binary(max_size=400))
def test_decode_bytes_only_raises_brief_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "blob")
    except BriefInputError as exc:
        assert exc.path == "blob"
        return
    assert text.strip()
    assert "\r" not in text and "\ufeff" not in text
    assert normalise_text(text) == text


@SETTINGS
@given(text=ANY_TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_decode_round_trips_encoded_text(text: str, codec: str) -> None:
    try:
        decoded = decode_bytes(text.encode(codec), "t")
    except BriefInputError:
        return
    assert decoded == normalise_text(text)


@SETTINGS
@given(text=ANY_TEXT)
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


FRONT_MATTER_VALUE = st.one_of(
    st.sampled_from(["2026-11-20", "2026-13-45", "2026-02-30", "[a, b]", "{name: X}", "~", "'"]),
    st.text(max_size=15),
)


@SETTINGS
@example(value="2026-13-45")
@given(value=FRONT_MATTER_VALUE)
def test_markdown_front_matter_never_crashes(value: str) -> None:
    text = f"---\ndate: {value}\ntitle: {value}\n---\n# Strike\n\nThe port closed.\n"
    brief = _import_or_refuse(text, "markdown")
    if brief is not None:
        _assert_anchors_hold(brief)
