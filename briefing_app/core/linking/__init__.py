"""Evidence: the corroborating passages of every item, and the reverse index from article
positions to the items citing them.

Imports text, attribution, anchoring and the model; never readers.
"""
