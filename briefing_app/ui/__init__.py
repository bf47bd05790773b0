"""The Qt shell: the only package that imports PySide6.

Entry points for the CLI: :func:`briefing_app.ui.app.run_app` and
:func:`briefing_app.ui.screenshot.render_screenshot`.  Everything here draws what the core
returns; business logic (parsing, linking, finding, indexing) stays in ``briefing_app.core``.
"""
