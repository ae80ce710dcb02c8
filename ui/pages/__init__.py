"""The app's pages, one module each; the main window hosts them in a navigation list."""
