"""The state of a reading session, without Qt: what is selected, which evidence is shown, the
find matches, the card filter's memory, the tab plan, link wording and the evidence map.

Why here and not in the window: these are decisions (what a click selects, what "Evidence
2 of 3" counts, what clearing a filter brings back), so they are plain Python with plain
tests; the widgets in ``briefing_app.ui.reader`` only draw what these modules return.
May import the model, ``text`` (find) and ``linking`` (the span index); nothing imports it
but the window.
"""
