"""What leaves the app in readable form: today the plain-text outline behind
``briefing-app show``; notes exports (Markdown, HTML, W3C) belong here too.

Imports the model (and, later, the store); nothing imports export from below.
"""
