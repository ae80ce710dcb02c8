"""Menus and actions each feature adds to the main window, one module per feature."""
