"""All Qt code: the main window, pages, dialogs, item models and workers."""
