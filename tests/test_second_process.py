"""Stages of a long import run in a forked second process, and change nothing but the time.

Why these checks: the command line lets an import find who speaks where, build the
linker's indexes and choose half of the links in forked children (``core.second_process``).
A user must get the same brief, byte for byte, as an import on one core; a child that fails
must cost nothing but time; and a process with other threads (the window) must never fork.

Each check that forks runs in a fresh interpreter that allows it (``second_process_allowed``,
as the command line does): this test process never allows it, so what it imports is the
one-process result to compare with.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing_app.core.export.brief_json import brief_json_pieces
from briefing_app.core.importer import import_path
from briefing_app.core.second_process import SECOND_PROCESS_MIN_CHARS

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forking needs os.fork")


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (single-threaded) and return what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


STAGE = """
import os, signal, sys, threading, time
from briefing_app.core.second_process import run_beside, second_process_allowed
PARENT = os.getpid()
LONG = 50_000

def where():
    return "child" if os.getpid() != PARENT else "here"
"""


def test_an_allowed_stage_runs_in_a_child_and_gives_its_value() -> None:
    printed = run_python(STAGE + """
with second_process_allowed(), run_beside(lambda: (where(), [1, "two", 3.0]), LONG) as stage:
    print(stage.result())
""")
    assert printed == "('child', [1, 'two', 3.0])"


def test_a_child_leaves_the_parents_objects_to_the_parents_collector_alone() -> None:
    # (a full pass in the child would copy every page of the parent's heap it wrote to;
    # freezing is the child's own business: the parent's collector is as it was)
    printed = run_python(STAGE + """
import gc
frozen = lambda: (where(), gc.get_freeze_count() > 0)
with second_process_allowed(), run_beside(frozen, LONG) as stage:
    print(stage.result(), gc.get_freeze_count())
""")
    assert printed == "('child', True) 0"


@pytest.mark.parametrize(
    ("setting", "size"),
    [("not allowed", "LONG"), ("a short article", "100"), ("another thread", "LONG")],
)
def test_a_stage_runs_here_when_a_fork_is_not_wanted(setting: str, size: str) -> None:
    printed = run_python(STAGE + f"""
from contextlib import nullcontext
allowed = nullcontext() if {setting!r} == "not allowed" else second_process_allowed()
stop = threading.Event()
if {setting!r} == "another thread":
    threading.Thread(target=stop.wait).start()
with allowed, run_beside(where, {size}) as stage:
    print(stage.result())
stop.set()
""")
    assert printed == "here"


def test_a_stage_that_fails_in_the_child_is_run_again_here() -> None:
    printed = run_python(STAGE + """
def fails_in_the_child():
    if where() == "child":
        raise MemoryError
    return "done here"

def killed_in_the_child():
    if where() == "child":
        os.kill(os.getpid(), signal.SIGKILL)
    return "done here after a kill"

with second_process_allowed():
    for task in (fails_in_the_child, killed_in_the_child):
        with run_beside(task, LONG) as stage:
            print(stage.result())
""")
    assert printed.splitlines() == ["done here", "done here after a kill"]


def test_a_child_runs_none_of_the_parents_signal_handlers(tmp_path: Path) -> None:
    ran = tmp_path / "handler-ran"
    printed = run_python(STAGE + f"""
def clean_up(number, frame):  # as an atomic write deletes its temporary file on SIGTERM
    open({str(ran)!r}, "a").write(where())

signal.signal(signal.SIGTERM, clean_up)

def terminated_in_the_child():
    if where() == "child":
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
    return "done here"

with second_process_allowed(), run_beside(terminated_in_the_child, LONG) as stage:
    print(stage.result())
""")
    assert printed == "done here"
    assert not ran.exists()


def test_a_stage_that_always_fails_raises_its_own_error_here() -> None:
    printed = run_python(STAGE + """
def always_fails():
    raise ValueError(f"bad input, seen {where()}")

with second_process_allowed(), run_beside(always_fails, LONG) as stage:
    try:
        stage.result()
    except ValueError as error:
        print(error)
""")
    assert printed == "bad input, seen here"


def test_a_child_whose_result_is_not_wanted_is_stopped() -> None:
    printed = run_python(STAGE + """
started = time.perf_counter()
try:
    with second_process_allowed(), run_beside(lambda: time.sleep(60), LONG):
        raise RuntimeError("the caller failed")
except RuntimeError:
    pass
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child is left")
except ChildProcessError:
    print("no child left", time.perf_counter() - started < 10)
""")
    assert printed == "no child left True"


def test_ctrl_c_while_waiting_for_a_child_ends_cleanly() -> None:
    printed = run_python(STAGE + """
real_waitpid = os.waitpid
def interrupted_once(pid, options):
    os.waitpid = real_waitpid
    raise KeyboardInterrupt  # as Ctrl+C arriving while the child exits
os.waitpid = interrupted_once
try:
    with second_process_allowed(), run_beside(lambda: "value", LONG) as stage:
        stage.result()
except KeyboardInterrupt:
    print("interrupted, nothing else raised")
with second_process_allowed(), run_beside(lambda: "value", LONG) as stage:
    print("the next stage still gives its", stage.result())
""")
    assert printed.splitlines() == [
        "interrupted, nothing else raised",
        "the next stage still gives its value",
    ]


def test_a_child_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    subprocess.run(
        [sys.executable, "-c", textwrap.dedent(STAGE + f"""
def computes_for_long():
    open({str(pid_file)!r}, "w").write(str(os.getpid()))
    time.sleep(60)

with second_process_allowed(), run_beside(computes_for_long, LONG) as stage:
    while not os.path.exists({str(pid_file)!r}):
        time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGKILL)  # as a timeout or ``kill -9`` stops a command
""")],
        cwd=REPO,
        timeout=60,
        check=False,
    )
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child)


def _running(pid: int) -> bool:
    """True while ``pid`` is a live process (a zombie waiting to be reaped is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def long_article() -> str:
    """An article well past the length at which the command line forks: the samples and
    fixtures, each copy's figures made its own, under the sample's section headings."""
    pieces = [
        path.read_text(encoding="utf-8")
        for path in sorted((REPO / "tests" / "fixtures").glob("*.txt"))
        if path.name not in ("cp1252.txt", "utf16.txt")
    ]
    body = "\n\n".join(pieces)
    copies = [body.replace("1", str(copy)) for copy in range(2, 2 + 40)]
    article = "\n\n".join(copies) + "\n\n" + (REPO / "samples" / "harbour-strike.txt").read_text(
        encoding="utf-8"
    )
    assert len(article) > 3 * SECOND_PROCESS_MIN_CHARS
    return article


FORKING_IMPORT = """
import os, signal, sys
from briefing_app.cli import main
forks = 0
real_fork = os.fork
def counted_fork():
    global forks
    forks += 1
    pid = real_fork()
    if pid == 0 and sys.argv[3] == "Ctrl+C reaching each child as it starts":
        os.kill(os.getpid(), signal.SIGINT)
    return pid
os.fork = counted_fork
status = main(["import", sys.argv[1], "-o", sys.argv[2]])
print(status, forks)
"""


@pytest.mark.parametrize(
    ("trouble", "expected_forks"),
    [
        ("none", "3"),
        ("Ctrl+C reaching each child as it starts", "3"),  # (each stage is run here instead)
    ],
)
def test_the_command_line_import_forks_and_writes_what_one_core_writes(
    tmp_path: Path, trouble: str, expected_forks: str
) -> None:
    source = tmp_path / "long-article.txt"
    source.write_text(long_article(), encoding="utf-8")
    brief = import_path(source)  # here, in one process: forking is not allowed
    on_one_core = b"".join(brief_json_pieces(brief))
    assert sum(len(item.links) for item in brief.items()) > 1000
    assert any(item.speaker is not None for item in brief.items())

    written = tmp_path / "long-article.brief.json"
    result = subprocess.run(
        [sys.executable, "-c", FORKING_IMPORT, str(source), str(written), trouble],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    status, forks = result.stdout.splitlines()[-1].split()
    assert status == "0"
    assert forks == expected_forks  # who speaks where, the linker's indexes, half the links
    assert written.read_bytes() == on_one_core


def test_the_brief_json_on_stdout_is_the_same_when_forked(tmp_path: Path) -> None:
    source = tmp_path / "long-article.txt"
    source.write_text(long_article(), encoding="utf-8")
    on_one_core = b"".join(brief_json_pieces(import_path(source)))
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app", "show", str(source), "--json"],
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == on_one_core
