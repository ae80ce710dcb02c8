"""Undoable edits: QUndoCommand subclasses that call the services again to undo or redo."""
