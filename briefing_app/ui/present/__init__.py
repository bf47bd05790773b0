"""Presenting a brief: the slide painter shared by the screen and the PDF writer, the PDF
deck writer and (later) the presentation windows.

Why one package: the audience window, the presenter view and a PDF page must draw a slide
the same way, so they all call :func:`briefing_app.ui.present.painter.paint_slide`.
"""
