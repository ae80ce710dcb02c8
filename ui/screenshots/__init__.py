"""Rendering every page to PNG for the README and for review (``make screenshots``)."""
