"""Start the reader: check for a display, create the QApplication, open a brief, run.

Why the display check: on a Linux box without X11 or Wayland, Qt aborts with a long
plugin error that doesn't say what to do; we print one line that does and exit with 2.
``QT_QPA_PLATFORM=offscreen`` (tests, CI, screenshots) skips the check and runs normally.
"""

from __future__ import annotations

import os
import sys
import traceback
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from briefing_app import __version__
from briefing_app.ui.reader.window import APP_NAME, MainWindow

DEFAULT_SAMPLE = "harbour-strike.txt"
NO_DISPLAY_MESSAGE = (
    "error: no display: neither DISPLAY nor WAYLAND_DISPLAY is set; run under a display "
    "(e.g. `xvfb-run briefing-app …`) or set QT_QPA_PLATFORM=offscreen to run without one"
)


def display_problem() -> str | None:
    """The no-display message on Linux without X11/Wayland/QT_QPA_PLATFORM, else None."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return NO_DISPLAY_MESSAGE


def bundled_sample(stack: ExitStack) -> Path:
    """The default sample brief shipped with the app (``briefing_app.samples``)."""
    try:
        resource = files("briefing_app.samples").joinpath(DEFAULT_SAMPLE)
        return stack.enter_context(as_file(resource))
    except ModuleNotFoundError:  # running from a checkout without `pip install -e`
        return Path(__file__).resolve().parents[2] / "samples" / DEFAULT_SAMPLE


_HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_previous_message_handler: object = None


def _quiet_harmless_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop Qt's notes that mean nothing to a user (the offscreen platform's size hints);
    pass everything else on to the previous handler or stderr."""
    if message in _HARMLESS_QT_MESSAGES:
        return
    if callable(_previous_message_handler):
        _previous_message_handler(mode, context, message)
    else:
        print(message, file=sys.stderr)


def application() -> QApplication:
    """The QApplication, created once with the reader's names and the Fusion style.

    Fusion draws our light, dark and sepia palettes faithfully on every platform, where
    native styles ignore parts of a custom palette.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    global _previous_message_handler
    _previous_message_handler = qInstallMessageHandler(_quiet_harmless_messages)
    app = QApplication([sys.argv[0] if sys.argv else "briefing-app"])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("briefing-app")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("briefing-app")
    app.setStyle("Fusion")
    return app


def _install_excepthook(window: MainWindow) -> None:
    """Unexpected errors in a slot become a dialog (once at a time), never a dead window."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        traceback.print_exception(kind, error, tb, file=sys.stderr)
        if showing or not issubclass(kind, Exception):
            return
        showing = True
        try:
            window.dialogs.error(
                window,
                "Something went wrong",
                f"error: unexpected {kind.__name__}: {error}\n\n"
                "The brief on screen is unchanged. Details were printed to the terminal.",
            )
        finally:
            showing = False

    sys.excepthook = hook


def run_app(path: Path | None, annotation_id: str | None = None) -> int:
    """Open the reader on ``path`` (None: the bundled sample) and run until it closes;
    with ``annotation_id`` (an annotation link), show that annotation once it is open.

    Returns the exit status: 2 when there is no display, else the event loop's status.
    A file that fails to import shows an error dialog over an empty window.
    """
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    with ExitStack() as stack:
        target = Path(path) if path is not None else bundled_sample(stack)
        app = application()
        window = MainWindow()
        previous_hook = sys.excepthook
        _install_excepthook(window)
        window.show()
        if annotation_id:
            window.annotating.show_when_open(annotation_id)
        QTimer.singleShot(0, lambda: window.document.open_path_soon(target))
        status = app.exec()
        sys.excepthook = previous_hook
        return int(status)
