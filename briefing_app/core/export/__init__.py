"""What leaves the app: the plain-text outline behind ``briefing-app show``, the brief JSON
file written in pieces (``brief_json``), and the notes exports — Markdown (``markdown``,
re-exported between ``markers``), HTML (``html``, sanitised by ``safe_html``; its
``for_print`` variant feeds the window's PDF writer), W3C Web Annotation JSON-LD (``w3c``,
read back by ``w3c_read``) and JSON (``json_export``), listed by name in ``formats``.

Imports the model and the annotation model only: an export is handed the annotations
already placed (``ExportJob``), so it never reaches into the store or the importer.
"""
