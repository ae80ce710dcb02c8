"""What the UI may read and store as preferences that travel with the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefings import document_preferences, preferences
from briefings.document_preferences import DocumentPreferences
from briefings.services.base import Service


class PreferenceService(Service):
    """Named values kept in the database (organiser name, column mappings, retention policy).

    Window layout and other per-machine settings belong in QSettings, not here.
    """

    def get(self, key: str, default: Any = None) -> Any:
        """One value, or ``default``."""
        with self._read() as session:
            return preferences.get_preference(session, key, default)

    def get_all(self, prefix: str) -> dict[str, Any]:
        """Every value under a prefix such as ``"organiser."``."""
        with self._read() as session:
            return preferences.get_preferences(session, prefix)

    def set(self, key: str, value: Any) -> None:
        """Store one value (None removes it)."""
        with self._write() as session:
            preferences.set_preference(session, key, value)

    def set_many(self, values: Mapping[str, Any]) -> None:
        """Store several values in one transaction."""
        with self._write() as session:
            for key, value in values.items():
                preferences.set_preference(session, key, value)

    def documents(self) -> DocumentPreferences:
        """The organiser, organisation, images and certificate minimum that documents use."""
        with self._read() as session:
            return document_preferences.read_document_preferences(session)

    def set_documents(self, values: DocumentPreferences) -> DocumentPreferences:
        """Check and store them all in one transaction; a refusal names the key and stores nothing."""
        with self._write() as session:
            return document_preferences.store_document_preferences(session, values)
