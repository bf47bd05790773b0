"""The library window: every brief opened, with search across articles and notes."""
