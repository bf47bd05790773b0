"""The Qt-free core, one subpackage per stage of the pipeline:

``readers`` (bytes → blocks) → ``builder`` (blocks → sections and items) → ``attribution``
(speakers) → ``linking`` (evidence) → a :class:`~briefing_app.core.model.Brief`, entered
through ``importer``.  ``text`` holds the analysis every stage shares, ``anchoring`` the W3C
selectors, ``export`` what leaves the app.  Never imports PySide6, the window or the CLI;
the layer rules are an import-linter contract in ``pyproject.toml``.
"""
