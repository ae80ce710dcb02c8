"""The one order of a printed sign-in register, so typed-back row numbers find the right people."""

from __future__ import annotations

NO_SETTING = "\uffff"  # people with no setting print after everyone else


def sign_in_key(
    setting_name: str | None, last_name: str, first_name: str, registration_id: int
) -> tuple[str, str, str, int]:
    """Sort key: setting name, then surname, then first name (case-insensitively), then booking id."""
    return (
        (setting_name or NO_SETTING).casefold(),
        last_name.casefold(),
        first_name.casefold(),
        registration_id,
    )
