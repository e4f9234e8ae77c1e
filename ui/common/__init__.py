"""What every part of the window shares: settings, theme, fonts, the translations, UTF-16 offsets.

Imports nothing else from ``ui``.
"""
