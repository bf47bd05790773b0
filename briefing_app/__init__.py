"""Briefing Reader: read structured news briefs offline, every claim linked to its source."""

__version__ = "0.1.0"
