"""Regression guard for PySide6 6.12.0 on Python 3.11, which leaks None references.

That build decrements None's reference count on every Qt call returning nothing; after a
few thousand calls the interpreter aborts with ``Fatal Python error: none_dealloc``.  The
dependency markers keep users off it; this test fails if the installed pair drifts.
"""

from __future__ import annotations

import sys

import pytest

QtGui = pytest.importorskip("PySide6.QtGui")


def test_none_refcount_is_stable_across_many_void_qt_calls() -> None:
    # Few enough calls that the bad build shows a drift of hundreds before it can crash
    # the interpreter (None starts with a few thousand references), and enough to see it.
    document = QtGui.QTextDocument("Briefing Reader " * 200)
    cursor = QtGui.QTextCursor(document)
    char_format = QtGui.QTextCharFormat()
    before = sys.getrefcount(None)
    for index in range(300):
        cursor.setPosition(index)  # returns None
        cursor.setPosition(index + 5, QtGui.QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(char_format)  # returns None
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 50, f"None's reference count drifted by {drift} over 900 Qt calls"
