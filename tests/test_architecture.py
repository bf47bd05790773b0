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
assert [len(section.items) for section in brief.sections] == [6, 3, 5, 8, 4], brief.sections
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


def test_cli_core_commands_do_not_load_qt(tmp_path: Path) -> None:
    """import, validate, show and schema run on a machine with no Qt: none of them loads it."""
    target = tmp_path / "a.brief.json"
    sample = "samples/harbour-strike.txt"
    result = run_python(
        "import sys\n"
        "from briefing_app.cli import main\n"
        f"assert main(['import', {sample!r}, '-o', {str(target)!r}]) == 0\n"
        f"assert main(['validate', {str(target)!r}]) == 0\n"
        f"assert main(['show', {sample!r}]) == 0\n"
        "assert main(['schema']) == 0\n"
        "print('Qt modules loaded:', sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Qt modules loaded: []" in result.stdout


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


def test_every_package_ships_in_the_wheel() -> None:
    """A package missing from pyproject's explicit list works in a checkout and vanishes
    from an installed app; list every one."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ])
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "briefing_app").rglob("__init__.py")
    }
    assert found <= listed, f"not in pyproject's packages: {sorted(found - listed)}"
