"""Importing this module registers every exporter (one import per exporter module)."""
