"""Text analysis every later stage shares: words, sentences, quotation marks, section labels,
figures, dates and hedges, the one-pass text index, and find-in-article.

Imports only the model; readers, attribution and linking build on it.
"""
