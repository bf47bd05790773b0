"""The core must work without PySide6: the CLI and exports run on machines with no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCKED_IMPORT = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"blocked in this test: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import briefing_app.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "briefing_app.core.")]
for name in names:
    importlib.import_module(name)
from briefing_app.core.importer import import_path
brief = import_path("samples/harbour-strike.txt")
assert brief.items()
assert not any(m.startswith("PySide6") for m in sys.modules)
print(len(names))
"""


REPO = Path(__file__).resolve().parent.parent


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter from the repository root."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )


def test_every_core_module_imports_with_pyside6_blocked() -> None:
    result = run_python(BLOCKED_IMPORT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10  # the walk really found the core's modules


def test_cli_core_commands_do_not_load_qt() -> None:
    result = run_python(
        "import sys; from briefing_app.cli import main; "
        "main(['show', 'samples/harbour-strike.txt']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'"
    )
    assert result.returncode == 0, result.stderr


def test_layer_contract_holds() -> None:
    """The import-linter contract in pyproject.toml: core free of Qt, stages layered."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
