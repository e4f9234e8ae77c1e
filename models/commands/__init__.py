"""Headless subcommands of ``main.py``: each module has ``register(subparsers)``.

A command's ``run(args)`` returns the exit code; it raises DubaoError for bad input,
which ``main.py`` prints as one line on stderr with exit code 2.
"""
