"""From a file's bytes to format-neutral blocks: decoding, plain text, Markdown, brief JSON,
bylines and source lines.

Imports text and the model; never attribution or linking (reading a file must not depend
on how quotes are attributed or passages linked).
"""
