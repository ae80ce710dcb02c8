"""Queries: nouns that read the database and return frozen rows, never ORM objects."""
