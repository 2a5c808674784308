"""Data the team writes and ships: demo corpus, dictionaries, lexicons (sources in SOURCES.md)."""
