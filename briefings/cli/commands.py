"""The domain's nouns, in the order ``--help`` lists them."""

from __future__ import annotations

from briefings.cli import (
    Registrar,
    backup_commands,
    briefing_commands,
    certificate_commands,
    demo_commands,
    import_commands,
    invite_commands,
    people_commands,
    privacy_commands,
)

DOMAIN_COMMANDS: list[Registrar] = [
    briefing_commands.register,
    people_commands.register,
    import_commands.register,
    invite_commands.register,
    certificate_commands.register,
    backup_commands.register,
    privacy_commands.register,
    demo_commands.register,
]
