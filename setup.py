"""Packaging: pyproject.toml says what the game is; this adds one step to the build, so an installed
game (`pip install .`, a wheel) carries its content and assets inside the package, where
game.content finds them. A checkout and an editable install read the top-level folders directly."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = ("content", "assets")


class BuildWithData(build_py):
    """build_py, then a copy of content/ and assets/ into game/_data/ in the build."""

    def run(self) -> None:
        super().run()
        here = Path(__file__).resolve().parent
        for name in DATA:
            target = Path(self.build_lib) / "game" / "_data" / name
            shutil.copytree(here / name, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
