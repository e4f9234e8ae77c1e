"""Dubao's Qt user interface: widgets, dialogs and item models only.

It reaches the core (``models``) through the service layer and converts between
code-point offsets (core) and Qt's UTF-16 positions here, never in the core.
"""
