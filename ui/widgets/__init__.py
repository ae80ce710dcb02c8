"""Small widgets the pages and dialogs share: search fields, choosers, empty states, delegates."""
