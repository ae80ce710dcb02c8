"""UK GDPR duties: erasure, retention and subject access."""
