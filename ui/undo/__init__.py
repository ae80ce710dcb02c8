"""Undo and redo: the window's one QUndoStack and the commands pages push onto it."""
