"""The library: issues, pages and their parsed sections stored in SQLite through peewee.

The UI reaches it only through :class:`models.library.service.Library`; nothing outside
this package runs SQL. Importing this package is cheap (peewee loads with the modules).
"""
