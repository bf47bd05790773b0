"""The reader window: one brief, its article and its section tabs of linked cards.

``window`` builds it and wires its signals; the controllers beside it (``document``,
``selection``, ``find``, ``appearance``) hold its state by asking ``core.reading``; the
``widgets`` package draws.  Layers, checked by import-linter: widgets never import a
controller, controllers never import each other or the window.
"""
