"""Export dialogs: asking what an exporter needs, running it off the UI thread, showing the result."""
