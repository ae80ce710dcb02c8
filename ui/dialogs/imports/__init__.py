"""The import dialogs: GIAS settings, staff lists and attendance reports, each previewed before applying."""
