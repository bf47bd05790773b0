"""Render the reader window to a PNG without a display (docs, bug reports, CI artefacts).

Why offscreen and settings-free: a screenshot must look the same on every machine, so it
uses the offscreen platform, in-memory settings (the user's theme, zoom and recent files
are neither read nor changed) and writes atomically, so a failed render never leaves half
a PNG where the old one was.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from briefing_app.core.atomic_write import check_output_path, write_bytes_atomically
from briefing_app.core.errors import BriefInputError
from briefing_app.core.model import SectionKind
from briefing_app.ui.reader.window import MainWindow

TAB_KINDS = tuple(kind.value for kind in SectionKind)
THEMES = ("light", "dark", "sepia")


def _check_out(out: Path, inputs: list[Path], force: bool) -> None:
    """Refuse a PNG path that cannot or must not be written, before any rendering."""
    parent = check_output_path(out, inputs, replace_link=force).parent
    if not os.access(parent, os.W_OK):
        raise BriefInputError(out, f"cannot write: directory {parent} is not writable")


def render_screenshot(
    path: Path | None,
    out: Path,
    *,
    tab: str | None,
    select: str | None,
    theme: str | None,
    size: tuple[int, int],
    force: bool = False,
) -> None:
    """Open ``path`` (None: the bundled sample) offscreen and save the window as a PNG.

    ``tab`` is a section kind to show, ``select`` an item id to select (its tab wins),
    ``theme`` light/dark/sepia (None: follow the system, i.e. light offscreen), ``size``
    the PNG's width and height, ``force`` lets a symbolic link's target be replaced.  Bad
    input (an output that is the input file among it) raises BriefInputError.
    """
    out = Path(out)
    if tab is not None and tab not in TAB_KINDS:
        raise BriefInputError("--tab", f"unknown tab {tab!r}; use one of {', '.join(TAB_KINDS)}")
    if theme is not None and theme not in THEMES:
        raise BriefInputError("--theme", f"unknown theme {theme!r}; use light, dark or sepia")
    width, height = size
    if width < 200 or height < 150 or width > 10_000 or height > 10_000:
        raise BriefInputError(
            "--size", f"{width}x{height} is out of range (200x150 to 10000x10000)"
        )
    inputs = [Path(path)] if path is not None else []
    _check_out(out, inputs, force)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from contextlib import ExitStack

    from briefing_app.core.importer import import_path
    from briefing_app.ui.app import application, bundled_sample
    from briefing_app.ui.settings import ReaderSettings

    with ExitStack() as stack:
        source = Path(path) if path is not None else bundled_sample(stack)
        brief = import_path(source)
        app = application()
        previous_palette = app.palette()
        settings = ReaderSettings.in_memory()
        settings.set_theme(theme or "system")
        window = MainWindow(settings=settings)
        try:
            window.resize(width, height)
            window.setMinimumSize(0, 0)
            window.show()
            window.fit_split()
            if not window.document.show_brief(brief, source):
                raise BriefInputError(source, "could not be shown")
            if tab is not None and not window.show_tab(tab):
                raise BriefInputError(source, f"the brief has no {tab!r} tab")
            if select is not None and not window.selection.select_item(select):
                known = ", ".join(item.id for item in brief.items()[:12])
                raise BriefInputError(source, f"no item with id {select!r} (ids: {known}, …)")
            image = capture(window, QSize(width, height))
            _save_atomically(image, out, inputs, force)
        finally:
            window.close()
            window.deleteLater()
            app.setPalette(previous_palette)
            app.processEvents()


def capture(window: MainWindow, size: QSize) -> QImage:
    """The window as a still picture: settled (layouts, evidence map), with the keyboard in
    the cards as after picking one, so no text caret is drawn at some random blink phase."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    cards = window.items_pane.current_view()
    if cards is not None:
        cards.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(3):
        app.processEvents()
    window.article.marks.recompute()
    app.processEvents()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(window.palette().color(window.backgroundRole()))
    window.render(image)
    return image


def _save_atomically(image: QImage, out: Path, inputs: list[Path], force: bool) -> None:
    """Encode the PNG in memory and write it whole (``core.atomic_write``)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise BriefInputError(out, "cannot encode the PNG")
    buffer.close()
    write_bytes_atomically(out, bytes(data.data()), inputs, replace_link=force)
