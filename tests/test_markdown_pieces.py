"""A long Markdown file is parsed a piece at a time and reads exactly as if parsed whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.readers.markdown import read_markdown
from briefing_app.core.readers.markdown_chunks import markdown_pieces

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN_FILES = sorted(
    [*ROOT.glob("samples/*.md"), *ROOT.glob("tests/fixtures/**/*.md")], key=str
)
# Every construct a cut could break: fences and HTML blocks holding blank lines, lists
# (loose, ordered from 7), block quotes, a table, a setext heading, and a link whose
# reference is defined at the very end.
TRICKY = """---
title: Pieces
---

# Harbour works

Intro with a [link][far] and *emphasis*.

```
code line

# not a heading inside a fence
    ```
still code: an indented fence does not close it

# nor is this
````

<!--
a comment

# not a heading either
-->

7. seventh

8. eighth

- loose one

- loose two

> quoted line
> second line

| a | b |
|---|---|
| 1 | 2 |

Setext heading
--------------

<script>
var x = 1;

var y = 2;
</script>

Last paragraph.

- tight one
- tight two
* other marker
- back again

1. one
1. one again
1. and again

3. three
4. four
6. six

A paragraph
2. that goes on

| head | more |
|------|------|
| r1 | a |
| r2 | b |
| r3 | c |

[far]: https://example.invalid/far
"""


def _blocks(text: str, piece_lines: int) -> list[tuple[object, ...]]:
    document = read_markdown(text, piece_lines=piece_lines)
    return [(document.title, document.source)] + [
        (block.kind, block.text, block.line, block.level, block.marker)
        for block in document.blocks
    ]


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=lambda path: path.name)
def test_files_read_the_same_in_pieces_of_any_size(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    whole = _blocks(text, piece_lines=10**9)
    for piece_lines in (1, 3, 7):
        assert _blocks(text, piece_lines) == whole


def test_cuts_never_fall_inside_a_fence_html_block_or_list_item() -> None:
    pieces = list(markdown_pieces(TRICKY, piece_lines=1))
    own_lines = ["".join(piece.text.splitlines(keepends=True)[piece.repeated_lines :])
                 for piece in pieces]
    assert "".join(own_lines) == TRICKY
    assert len(pieces) > 20
    assert any(piece.repeated_lines == 2 for piece in pieces)  # a table was cut
    for piece in pieces:
        assert not piece.text.startswith(("# not a heading", "still code", "# nor is this"))
        assert piece.text.count("<!--") == piece.text.count("-->")
        assert piece.text.count("<script>") == piece.text.count("</script>")
        assert not piece.text.startswith(("1. one again", "2. that"))
    assert _blocks(TRICKY, piece_lines=1) == _blocks(TRICKY, piece_lines=10**9)


def test_long_tight_lists_and_tables_are_cut_and_read_the_same() -> None:
    bullets = "".join(f"- item {n}\n" for n in range(300))
    numbered = "".join(f"{n + 1}. step {n}\n" for n in range(300))
    table = "| n | v |\n|---|---|\n" + "".join(f"| {n} | v{n} |\n" for n in range(300))
    for text in (bullets, numbered, table):
        assert len(list(markdown_pieces(text, piece_lines=50))) >= 5
        assert _blocks(text, piece_lines=50) == _blocks(text, piece_lines=10**9)


def test_a_long_sublist_is_cut_only_where_the_parent_item_does_not_go_on() -> None:
    sublist = "".join(f"  - sub {n}\n    more of sub {n}\n" for n in range(60))
    runs_to_margin = "- top\n" + sublist + "\nAfter the list.\n"
    parent_goes_on = "- top\n" + sublist + "\n  back in the top item\n- next\n"
    for text, cut in ((runs_to_margin, True), (parent_goes_on, False)):
        pieces = list(markdown_pieces(text, piece_lines=10))
        assert (len(pieces) > 3) is cut
        assert _blocks(text, piece_lines=10) == _blocks(text, piece_lines=10**9)
        assert not any(piece.text.startswith("    more") for piece in pieces)


def test_long_front_matter_is_never_cut() -> None:
    front = "---\ntitle: Long\n" + "".join(f"note{n}: x\n\nkey{n}: y\n" for n in range(40))
    text = front + "---\n\n# Head\n\nBody.\n"
    pieces = list(markdown_pieces(text, piece_lines=3))
    assert pieces[0].text.startswith(front + "---\n")
    assert _blocks(text, piece_lines=3) == _blocks(text, piece_lines=10**9)


def test_line_numbers_count_from_the_start_of_the_file() -> None:
    text = "".join(f"## Part {n}\n\nText {n}.\n\n" for n in range(50))
    document = read_markdown(text, piece_lines=5)
    last = document.blocks[-1]
    assert (last.text, last.line) == ("Text 49.", 4 * 49 + 3)


def test_a_huge_paragraph_is_parsed_inline_a_bounded_piece_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing_app.core.readers import markdown

    seen: list[int] = []
    parse = markdown._PLAIN_PARSER.inline.parse

    def measured(src: str, *args: object) -> object:
        seen.append(len(src))
        return parse(src, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown._PLAIN_PARSER.inline, "parse", measured)
    run = "*fast* **bold** `code` \\*star\\* &amp; [link](https://example.invalid) "
    paragraph = run * (3 * markdown.INLINE_PIECE_CHARS // len(run))
    document = read_markdown("# Title\n\n" + paragraph + "\n")
    expected = "fast bold code *star* & link " * (3 * markdown.INLINE_PIECE_CHARS // len(run))
    assert [block.text for block in document.blocks] == [expected.strip()]
    assert len(seen) >= 3 and max(seen) <= markdown.INLINE_PIECE_CHARS
