"""Format readers: each turns decoded text into a ParsedDocument of blocks."""
