"""Parts of a page that have their own behaviour (the register, recordings, resources)."""
