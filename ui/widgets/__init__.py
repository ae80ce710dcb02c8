"""Small reusable widgets the pages and dialogs are built from."""
