"""No input makes import, or any text-scanning pattern of the core, take more than linear time.

Why: a fuzz campaign found a 100 KB run of capital letters that made import take minutes,
because regexes backtracked quadratically over it.  A user who opens such a file (a pasted
table, a line of dashes, a corrupted export) sees the app hang.  So every run of one kind of
character, and a few hostile repetitions, goes through the whole import and through every
compiled pattern in ``briefing_app.core``, each within a budget far above what linear work
costs on a slow machine and far below what quadratic work costs (at 200 KB, a quadratic
pattern takes minutes: the sentence splitter took 31 s on 40 KB of full stops).

The work runs in child processes with a timeout, two at once (imports, patterns): a
regression that hangs fails the test instead of hanging the suite.  Run this file as a
script (``python tests/test_linear_time.py imports|patterns``) to see every timing.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import time
from pathlib import Path

SIZE = 200_000  # characters per input
# Per input: the whole import.  Measured on a 2-core machine: the slowest input (mixed
# punctuation and quotes) takes 2.5 s, most well under 1 s; a quadratic step takes minutes.
IMPORT_BUDGET_S = 12.0
# Per pattern and input: one finditer over the whole input.  Measured: 0.3 s at most (the
# hedge pattern, linear); a quadratic pattern takes tens of seconds or more.
PATTERN_BUDGET_S = 3.0
CHILD_TIMEOUT_S = 150.0
# Patterns only ever applied with ``match`` at the start of a string (their quadratic
# ``search`` is never used): timed with ``match``.  ``_OPENS_OBJECT`` asks whether a file
# opens like JSON.
MATCH_ONLY = {"briefing_app.core.readers.brief_json._OPENS_OBJECT"}

_UNITS = {
    "capitals": "A",
    "lowercase": "a",
    "digits": "7",
    "spaces": " ",
    "tabs": "\t",
    "no-break spaces": "\u00a0",
    "newlines": "\n",
    "full stops": ".",
    "commas": ",",
    "colons": ":",
    "punctuation": ".,;:",
    "straight double quotes": '"',
    "straight single quotes": "'",
    "curly double quotes": "\u201c\u201d",
    "curly single quotes": "\u2018\u2019",
    "opening curly quotes": "\u201c",
    "closing curly quotes": "\u201d",
    "apostrophes": "\u2019",
    "em dashes": "\u2014",
    "en dashes": "\u2013",
    "hyphens": "-",
    "alternating Aa": "Aa ",
    "initials": "A. ",
    "capitalised words": "Word ",
    "titles": "Mr ",
    "sentences": "Aa. ",
    "said": "said A ",
    "quote then said": "\u201cA\u201d said ",
    "dash signoff": "\u2014 A ",
    "labels": "A: ",
    "emoji": "\U0001f600",
    "combining marks": "e\u0301",
    "nul": "\x00",
    "percent figures": "1%",
    "mixed": "Ab1 ,.;:\"'\u201c\u201d\u2014-\n",
}


def hostile_inputs() -> dict[str, str]:
    """Each input of about ``SIZE`` characters, by name."""
    inputs = {name: (unit * (SIZE // len(unit) + 1))[:SIZE] for name, unit in _UNITS.items()}
    inputs["open quote then words"] = ('"' + "a " * SIZE)[:SIZE]
    return inputs


def core_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled text pattern held by a module of ``briefing_app.core``, by name."""
    import briefing_app.core as core

    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for info in pkgutil.walk_packages(core.__path__, "briefing_app.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            is_text_pattern = isinstance(value, re.Pattern) and isinstance(value.pattern, str)
            if is_text_pattern and id(value) not in seen:
                seen.add(id(value))
                found[f"{info.name}.{name}"] = value
    return found


def time_imports() -> dict[str, float]:
    """Seconds to import each hostile input as a plain-text article."""
    from briefing_app.core.errors import BriefInputError
    from briefing_app.core.importer import clear_caches, import_text

    timings = {}
    for name, text in hostile_inputs().items():
        clear_caches()
        started = time.perf_counter()
        with contextlib.suppress(BriefInputError):  # "no article text" is fine, if quick
            import_text("Title\n\n" + text, name="hostile.txt")
        timings[name] = time.perf_counter() - started
    return timings


def time_patterns() -> dict[str, float]:
    """Seconds of the slowest scan of each pattern over the inputs, keyed ``pattern | input``
    for the slowest input."""
    inputs = hostile_inputs()
    timings = {}
    for pattern_name, pattern in core_patterns().items():
        worst, worst_input = 0.0, ""
        for input_name, text in inputs.items():
            started = time.perf_counter()
            if pattern_name in MATCH_ONLY:
                pattern.match(text)
            else:
                for _ in pattern.finditer(text):
                    pass
            elapsed = time.perf_counter() - started
            if elapsed > worst:
                worst, worst_input = elapsed, input_name
        timings[f"{pattern_name} | {worst_input}"] = worst
    return timings


def _start(part: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, part], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _finish(child: subprocess.Popen[str], deadline: float) -> dict[str, float]:
    try:
        out, err = child.communicate(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        raise AssertionError(f"timing child still running after {CHILD_TIMEOUT_S:.0f} s") from None
    assert child.returncode == 0, err
    return json.loads(out)


def test_hostile_inputs_import_and_scan_in_linear_time() -> None:
    children = [_start("imports"), _start("patterns")]
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    try:
        import_times, pattern_times = (_finish(child, deadline) for child in children)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.communicate()

    assert len(import_times) == len(hostile_inputs())
    slow_imports = {k: round(v, 2) for k, v in import_times.items() if v > IMPORT_BUDGET_S}
    assert not slow_imports, f"imports over {IMPORT_BUDGET_S} s: {slow_imports}"
    assert len(pattern_times) >= 40  # the introspection found the core's patterns
    slow_patterns = {k: round(v, 2) for k, v in pattern_times.items() if v > PATTERN_BUDGET_S}
    assert not slow_patterns, f"pattern scans over {PATTERN_BUDGET_S} s: {slow_patterns}"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    part = sys.argv[1] if len(sys.argv) > 1 else "imports"
    result = time_imports() if part == "imports" else time_patterns()
    print(json.dumps(result, indent=1 if sys.stdout.isatty() else None))
