"""Who said what: attribution shapes, names and roles, and the people an article introduces.

Owns turning a paragraph into statements (who says which sentences, quoted or reported, with
name and role kept apart) and resolving a bare surname, an honorific or a pronoun to the
person the article named.  Imports text and the model; never readers or linking.
"""

from briefing_app.core.attribution.name_words import is_person_name
from briefing_app.core.attribution.names import speaker_from_phrase
from briefing_app.core.attribution.people import PeopleRegistry, register_people
from briefing_app.core.attribution.shapes import SHAPES
from briefing_app.core.attribution.statements import (
    Attribution,
    Statement,
    Voice,
    paragraph_statements,
    parse_attribution,
    quote_without_attribution,
)
from briefing_app.core.attribution.voices import ArticleVoices, Paragraph, PlacedStatement

__all__ = [
    "SHAPES",
    "ArticleVoices",
    "Attribution",
    "Paragraph",
    "PeopleRegistry",
    "PlacedStatement",
    "Statement",
    "Voice",
    "is_person_name",
    "paragraph_statements",
    "parse_attribution",
    "quote_without_attribution",
    "register_people",
    "speaker_from_phrase",
]
