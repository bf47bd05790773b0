"""What leaves the app: the plain-text outline behind ``briefing-app show`` and the brief
JSON file written in pieces (``brief_json``); notes exports (Markdown, HTML, W3C) belong
here too.

Imports the model (and, later, the store); nothing imports export from below.
"""
