"""Calendar files: .ics to publish, invites (RFC 5545/5546) and .eml drafts that carry them."""
