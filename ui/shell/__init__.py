"""The shell: starting the application, the main window that composes the capability folders
(reader, library, language, annotations, proofreading) and the preferences dialog.

Nothing in ``ui`` imports the shell.
"""
