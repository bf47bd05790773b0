"""The notes panel and the note editor: the reader's annotations beside the brief."""
