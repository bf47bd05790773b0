"""The reader's widgets: they report what the user did and draw what they are told; no
widget decides what a click, a filter or a query means."""
