"""Keeping the database safe: one writer, backups before upgrades and once a day, restores."""
