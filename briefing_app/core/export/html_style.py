"""The stylesheets of the HTML export: one for browsers (screen and print) and one for
Qt's rich text engine (the PDF handout).

Why constants here: the page must look like the reader (its light theme's paper, text and
highlight colours) and carry no remote content, so its CSS is ours alone — written once,
never built from input, with no ``url()``, ``@import`` or ``@font-face``.  Colour is never
the only cue: each highlight colour also has the underline style the window gives it (key
fact solid, contested wavy, follow up dashed, question dotted, background double — CSS has
no dash-dot-dot line, the window's background style) and its glyph in the text.  Qt's engine
understands a subset of CSS 2.1 (no flex or grid, no underline styles, no media queries), so
the print variant uses only class and element selectors, colours, borders, margins and
padding, and leaves the cue to the glyphs.
"""

from __future__ import annotations

from briefing_app.core.annotations import HighlightColour

# The light theme's colours (ui.themes.LIGHT), so a printout matches the window.
PAPER = "#FFFFFF"
TEXT = "#1D2024"
MUTED = "#5E6670"
BORDER = "#D6D3CC"
LINK = "#2B63C6"
HIGHLIGHT_BACKGROUNDS: dict[HighlightColour, str] = {
    HighlightColour.KEY_FACT: "#C9EFC4",
    HighlightColour.CONTESTED: "#F9C9CF",
    HighlightColour.FOLLOW_UP: "#E3D3F7",
    HighlightColour.QUESTION: "#BDEBEA",
    HighlightColour.BACKGROUND: "#E4E1DA",
}
UNDERLINE_STYLES: dict[HighlightColour, str] = {
    HighlightColour.KEY_FACT: "solid",
    HighlightColour.CONTESTED: "wavy",
    HighlightColour.FOLLOW_UP: "dashed",
    HighlightColour.QUESTION: "dotted",
    HighlightColour.BACKGROUND: "double",
}
STATUS_COLOURS = {"verified": "#1E8A4C", "disputed": "#C0392B", "needs_source": "#B86E00",
                  "unreviewed": MUTED}


def _colour_rules(*, underline: bool) -> str:
    rules = []
    for colour, background in HIGHLIGHT_BACKGROUNDS.items():
        decoration = (
            f" text-decoration: underline {UNDERLINE_STYLES[colour]} {TEXT};"
            " text-decoration-thickness: 1px; text-underline-offset: 3px;"
            if underline else ""
        )
        rules.append(f".hl-{colour.value} {{ background-color: {background};{decoration} }}")
    for status, colour in STATUS_COLOURS.items():
        rules.append(f".status-{status} {{ color: {colour}; font-weight: bold; }}")
    return "\n".join(rules)


SCREEN_CSS = f"""
html {{ background: #F4F2EE; }}
body {{ max-width: 62rem; margin: 0 auto; padding: 1.5rem; background: {PAPER};
  color: {TEXT}; font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  line-height: 1.5; }}
header.brief {{ border-bottom: 1px solid {BORDER}; margin-bottom: 1rem; }}
h1 {{ font-size: 1.6rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid {BORDER}; }}
h3 {{ font-size: 1rem; margin: 1rem 0 .5rem; }}
.byline, .exported, .kind, .reason {{ color: {MUTED}; font-size: .9rem; }}
a {{ color: {LINK}; }}
.entry {{ display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem;
  border: 1px solid {BORDER}; border-radius: 6px; padding: .5rem .75rem; margin: .5rem 0;
  break-inside: avoid; }}
.entry > .notes:empty {{ display: none; }}
.head {{ margin: 0 0 .25rem; }}
blockquote {{ margin: 0; padding-left: .75rem; border-left: 3px solid {BORDER}; }}
.notes {{ font-size: .95rem; border-left: 3px solid {BORDER}; padding-left: .75rem; }}
.notes p {{ margin: .25rem 0; }}
.tags {{ color: {MUTED}; }}
.tag {{ border: 1px solid {BORDER}; border-radius: 3px; padding: 0 .3rem; }}
.article p {{ margin: 0 0 .8rem; }}
mark {{ color: inherit; padding: 0 1px; }}
.glyph {{ text-decoration: none; font-size: .8em; margin-right: 2px; }}
{_colour_rules(underline=True)}
@media print {{
  html, body {{ background: {PAPER}; }}
  body {{ max-width: none; padding: 0; font-size: 10.5pt; }}
  * {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
  .entry {{ display: block; }}
  .entry > .notes {{ margin-top: .4rem; }}
  h2 {{ break-after: avoid; }}
  a {{ color: {TEXT}; text-decoration: none; }}
}}
"""

# For QTextDocument (the PDF writer): class and element selectors and plain properties only.
QT_CSS = f"""
body {{ color: {TEXT}; font-size: 10pt; }}
h1 {{ font-size: 18pt; margin-bottom: 4px; }}
h2 {{ font-size: 14pt; margin-top: 16px; margin-bottom: 6px; }}
h3 {{ font-size: 11pt; margin-top: 10px; margin-bottom: 4px; }}
.byline, .exported, .kind, .reason, .tags {{ color: {MUTED}; }}
a {{ color: {LINK}; }}
table.entry {{ margin-top: 4px; margin-bottom: 8px; border-color: {BORDER}; }}
td.notes {{ color: {TEXT}; background-color: #F7F6F3; }}
blockquote {{ margin-left: 12px; }}
.article p {{ margin-bottom: 8px; }}
{_colour_rules(underline=False)}
"""
