"""Exports that need Qt: the PDF handout, and the window's File ▸ Export dialog."""
