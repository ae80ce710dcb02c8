"""The domain's nouns, in the order ``--help`` lists them."""

from __future__ import annotations

from briefings.cli import Registrar, briefing_commands, certificate_commands, demo_commands, invite_commands

DOMAIN_COMMANDS: list[Registrar] = [
    briefing_commands.register,
    invite_commands.register,
    certificate_commands.register,
    demo_commands.register,
]
