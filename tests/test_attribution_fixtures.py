"""Every attribution shape against its fixture file of sentences written for this project.

Each file in tests/fixtures/attribution is named after the rule that must find its cases
(``two_speakers.txt`` and other non-rule names hold whole-paragraph shapes); a case lists the
speakers of the paragraph's statements in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.attribution import SHAPES, paragraph_statements
from briefing_app.core.model import Speaker

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"


def _cases() -> list[tuple[str, int, str, list[Speaker]]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.txt")):
        blocks = path.read_text(encoding="utf-8").split("\n\n")
        for number, block in enumerate(blocks, start=1):
            lines = [line for line in block.splitlines() if line and not line.startswith("#")]
            if not lines:
                continue
            paragraph, expected = " ".join(lines[:-1]), lines[-1]
            assert expected.startswith("=> "), f"{path.name} case {number}: no '=>' line"
            speakers = []
            for part in expected[3:].split(";"):
                name, role = (piece.strip() for piece in part.split("|"))
                speakers.append(Speaker(name=name, role=None if role == "-" else role))
            cases.append((path.stem, number, paragraph, speakers))
    return cases


CASES = _cases()


@pytest.mark.parametrize(
    ("rule", "paragraph", "speakers"),
    [pytest.param(rule, text, who, id=f"{rule}-{n}") for rule, n, text, who in CASES],
)
def test_fixture_speakers(rule: str, paragraph: str, speakers: list[Speaker]) -> None:
    statements = [s for s in paragraph_statements(paragraph) if s.speaker is not None]
    assert [s.speaker for s in statements] == speakers
    if rule in SHAPES.names():
        assert statements[0].shape == rule


def test_every_rule_has_a_fixture_file_with_cases() -> None:
    covered = {rule for rule, *_ in CASES}
    missing = [name for name in SHAPES.names() if name not in covered]
    assert not missing, f"attribution rules without fixture cases: {missing}"
