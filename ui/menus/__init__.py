"""Menus a feature adds to the main window, one module per feature."""
