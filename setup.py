"""Packaging layout (the rest of the metadata is in pyproject.toml).

The repository keeps ``main.py``, ``models/``, ``ui/`` and ``resources/`` at its top level; the
wheel installs them inside ONE package, ``dubao`` (``site-packages/dubao/main.py``,
``dubao/models/``, ``dubao/ui/``, ``dubao/resources/``), so that installing Dubao never puts
modules named ``main``, ``models`` or ``ui`` into site-packages beside other projects' modules
of those names. The ``dubao`` entry point (``__init__.py`` at the top level) puts that folder
first on ``sys.path`` of the Dubao process only, so the code's imports (``from models…``) and
``python main.py`` in a checkout work unchanged. See README, "Installing".
"""

from __future__ import annotations

from setuptools import find_packages, setup

CODE = find_packages(include=["models", "models.*", "ui", "ui.*"])

setup(
    packages=["dubao", *(f"dubao.{name}" for name in CODE)],
    package_dir={"dubao": "."},
    package_data={
        # The bundled files models.resources.resource_path() finds (the README's screenshot stays out).
        # Every folder under resources/ ships whole, so a new data file (a learned model, a
        # table) is in the wheel without editing this list; the installed-wheel test checks it.
        "dubao": ["resources/*.txt", "resources/*/**/*"],
        "": ["*.txt", "*.qm", "*.json", "*.qss", "*.tsv"],
    },
    exclude_package_data={"dubao": ["resources/translations/*.ts"]},
)
