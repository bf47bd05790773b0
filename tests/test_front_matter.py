"""YAML front matter on Markdown articles: what is read, what is refused, and where errors are.

Why these cases: front matter is untrusted text at the top of a file someone downloaded, so
it must never build objects or expand aliases, must stay small and shallow, and an error must
point at the line a user has to fix; and the article under it keeps its own line numbers.
Refusals run with each YAML reader the app may get (libyaml's, PyYAML's own).
"""

from __future__ import annotations

import time

import pytest
import yaml

from briefing_app.core.errors import BriefInputError
from briefing_app.core.readers import front_matter
from briefing_app.core.readers.blocks import BlockKind
from briefing_app.core.readers.markdown import read_markdown

BODY = "# Harbour reopens\n\nThe harbour reopened on Monday.\n"
LOADERS = [yaml.BaseLoader, *([yaml.CBaseLoader] if yaml.__with_libyaml__ else [])]


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Read front matter with each YAML loader this PyYAML has."""
    monkeypatch.setattr(front_matter, "_LOADER", request.param)
    return request.param


def paragraphs(text: str) -> list[tuple[str, int]]:
    """The paragraphs of a Markdown article with the file line each starts on."""
    document = read_markdown(text, "a.md")
    return [(b.text, b.line) for b in document.blocks if b.kind is BlockKind.PARAGRAPH]


def test_metadata_fills_the_source_line_and_the_title_wins_over_the_headline() -> None:
    document = read_markdown(
        "---\ntitle: Port reopens after storm\nsource: The Coastline Ledger\n"
        "author: Helena Markley\npublished: 2026-11-20\nurl: https://example.org/a\n---\n" + BODY,
        "a.md",
    )
    assert document.title == "Port reopens after storm"
    source = document.source
    assert (source.publisher, source.author, source.published, source.url) == (
        "The Coastline Ledger",
        "Helena Markley",
        "2026-11-20",
        "https://example.org/a",
    )
    assert [b.text for b in document.blocks] == ["The harbour reopened on Monday."]


def test_yaml_document_end_marker_closes_front_matter() -> None:
    document = read_markdown("---\ntitle: Dots\nauthor: Jo Park\n...\n" + BODY, "a.md")
    assert (document.title, document.source.author) == ("Dots", "Jo Park")
    assert paragraphs("---\ntitle: Dots\n...\n" + BODY) == [("The harbour reopened on Monday.", 6)]


def test_article_lines_are_counted_from_the_top_of_the_file() -> None:
    text = "---\ntitle: x\nauthor: y\n---\n\n# Head\n\nFirst para.\n\nSecond.\n"
    assert paragraphs(text) == [("First para.", 8), ("Second.", 10)]


def test_values_stay_text_and_no_tag_builds_anything(loader: type) -> None:
    document = read_markdown(
        "---\npublished: 2026-02-30\ntitle: !!python/object/apply:os.getcwd []\n"
        "author: yes\n---\n" + BODY,
        "a.md",
    )
    assert document.source.published == "2026-02-30"  # an impossible date, kept as written
    assert document.source.author == "yes"  # not True
    assert document.title == "Harbour reopens"  # the tagged value was not run or kept


def test_aliases_are_refused_before_they_expand(loader: type) -> None:
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(BriefInputError) as caught:
        read_markdown(laughs + "---\n" + BODY, "laughs.md")
    assert caught.value.describe() == (
        "laughs.md: front matter uses YAML aliases (*name); they are not read"
    )


def test_front_matter_over_64_kb_is_refused() -> None:
    text = "---\ntitle: x\nnotes: " + "a" * (64 * 1024) + "\n---\n" + BODY
    with pytest.raises(BriefInputError, match="front matter is larger than 64 KB"):
        read_markdown(text, "big.md")


def test_front_matter_just_under_64_kb_is_read() -> None:
    notes = "a" * (64 * 1024 - len("title: x\nnotes: "))
    document = read_markdown(f"---\ntitle: x\nnotes: {notes}\n---\n" + BODY, "big.md")
    assert document.title == "x"


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (
            "---\ntitle: Strike\nsource: Ledger: Daily\n---\n" + BODY,
            "bad.md:3:15",
            "mapping values are not allowed",
        ),
        (
            "---\ntitle: Strike\nauthor: Jo\ntags: [port, strike\n---\n" + BODY,
            "bad.md:4:7",  # the "[" never closed, not the end of the front matter
            "expected ',' or ']'",
        ),
        ("---\ntitle: 'unclosed\n---\n" + BODY, "bad.md:2:8", "found unexpected end of stream"),
    ],
    ids=["colon-in-value", "unclosed-list", "unclosed-quote"],
)
def test_yaml_errors_name_the_line_and_column_in_the_file(
    loader: type, text: str, where: str, problem: str
) -> None:
    with pytest.raises(BriefInputError) as caught:
        read_markdown(text, "bad.md")
    line = caught.value.describe()
    assert line.startswith(f"{where}: front matter is not valid YAML ("), line
    assert problem in line, line


@pytest.mark.parametrize(
    "value",
    ["x: " + "[" * (64 * 1024 - 10), "x: " + "{a: " * 40 + "1" + "}" * 40],
    ids=["64-KB-of-brackets", "40-nested-mappings"],
)
def test_deeply_nested_front_matter_is_refused_at_once(loader: type, value: str) -> None:
    started = time.perf_counter()
    with pytest.raises(BriefInputError) as caught:
        read_markdown(f"---\n{value}\n---\n" + BODY, "deep.md")
    assert caught.value.describe() == "deep.md: front matter is nested too deeply"
    assert time.perf_counter() - started < 5  # PyYAML's own scanner once took 50 s over it


def test_nesting_as_deep_as_metadata_goes_is_read(loader: type) -> None:
    nested = "".join(f"{'  ' * level}level{level}:\n" for level in range(10))
    document = read_markdown(f"---\ntitle: Deep enough\n{nested}{'  ' * 10}x: 1\n---\n" + BODY)
    assert document.title == "Deep enough"


@pytest.mark.parametrize(
    "text",
    [
        "----\ntitle: x\n----\n\nThe harbour reopened.\n",  # a rule, not a YAML start
        "---\ntitle: x\n\nThe harbour reopened.\n",  # never closed
        "\n---\ntitle: x\n---\n\nThe harbour reopened.\n",  # not on the first line
    ],
    ids=["four-dashes", "unclosed", "not-first-line"],
)
def test_what_is_not_front_matter_stays_article_text(text: str) -> None:
    document = read_markdown(text, "a.md")
    assert document.title == ""
    texts = [b.text for b in document.blocks]
    assert "title: x" in texts and "The harbour reopened." in texts
