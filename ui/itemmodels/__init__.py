"""Qt item models over service rows (named so that "models" always means the ORM)."""
