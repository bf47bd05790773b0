"""Who said what: attribution shapes, names and roles, and the people an article introduces.

Owns turning a quote paragraph into a speaker (name and role kept apart) and resolving a bare
surname or pronoun to the person the article named earlier.  Imports text and the model;
never readers or linking.
"""

from briefing_app.core.attribution.names import is_person_name, speaker_from_phrase
from briefing_app.core.attribution.people import PeopleRegistry, register_people
from briefing_app.core.attribution.shapes import (
    Attribution,
    parse_attribution,
    quote_without_attribution,
)

__all__ = [
    "Attribution",
    "PeopleRegistry",
    "is_person_name",
    "parse_attribution",
    "quote_without_attribution",
    "register_people",
    "speaker_from_phrase",
]
