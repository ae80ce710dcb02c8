"""Menus and actions that features add to the main window, one module each."""
