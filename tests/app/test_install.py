"""A normal install: the wheel, built from a copy of the sources, installed in a fresh virtual environment,
and run from another folder with the copy deleted, so nothing can come from a checkout. Then the same
game read-only, with an unwritable home and with no cache folder yet: each validates and starts.

The wheel's dependencies come from the package index; with no index in reach the test is skipped,
saying why. As root (a container), the permission cases run without the capability that lets root
write anything (setpriv), so that a read-only folder is read-only to the game too.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("game", "content", "assets", "setup.py", "pyproject.toml", "MANIFEST.in", "README.md")
NO_INDEX = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable",
            "Max retries exceeded", "No matching distribution found", "Could not find a version",
            "ProxyError", "Name or service not known")
STEP_TIMEOUT_S = 300
START_SECONDS = 3.0  # a started game must still be running (and have said nothing wrong) after this long


@dataclass
class Install:
    root: Path
    venv: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if os.name == "nt" else "python")

    @property
    def package(self) -> Path:
        """The installed package's folder, asked of the installed Python."""
        out = self.run([str(self.python), "-c", "import game, pathlib; print(pathlib.Path(game.__file__).parent)"],
                       self.root)
        return Path(out.stdout.strip())

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        """The environment of a game started by hand: no PYTHONPATH, no virtual environment of the
        tests, its own home and XDG folders, SDL's headless drivers asked for explicitly."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "XDG_", "SDL_")) and k not in ("VIRTUAL_ENV", "HOME", "DISPLAY")}
        env.update(PATH=os.pathsep.join([str(self.bin), os.defpath]), HOME=str(home),
                   SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
                   XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
                   XDG_DATA_HOME=str(home / ".local" / "share"), XDG_STATE_HOME=str(home / ".local" / "state"),
                   XDG_RUNTIME_DIR=str(home / "run"))  # the kiosk's lock: never one of a kiosk running here
        env.update(extra)
        return env

    @staticmethod
    def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, check: bool = True,
            restricted: bool = False) -> subprocess.CompletedProcess:
        out = subprocess.run(_restricted(cmd) if restricted else cmd, cwd=cwd, env=env, capture_output=True,
                             text=True, timeout=STEP_TIMEOUT_S)
        if check and out.returncode != 0:
            pytest.fail(f"{' '.join(cmd)} exited {out.returncode}\n{out.stdout}\n{out.stderr}")
        return out


def _restricted(cmd: list[str]) -> list[str]:
    """As root, without the capabilities that override file permissions."""
    if os.name == "nt" or os.geteuid() != 0:
        return cmd
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *cmd]


def _can_restrict() -> bool:
    return os.name == "nt" or os.geteuid() != 0 or shutil.which("setpriv") is not None


def _pip(install_root: Path, cmd: list[str]) -> None:
    """Run pip; skip the test when the failure is that no package index can be reached."""
    out = subprocess.run(cmd, cwd=install_root, capture_output=True, text=True, timeout=STEP_TIMEOUT_S)
    if out.returncode != 0:
        said = out.stdout + out.stderr
        if any(sign in said for sign in NO_INDEX):
            pytest.skip(f"pip cannot reach a package index: {said.strip().splitlines()[-1]}")
        pytest.fail(f"{' '.join(cmd)} exited {out.returncode}\n{said}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Install:
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    for name in SOURCES:
        here = REPO / name
        if here.is_dir():
            shutil.copytree(here, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            shutil.copy2(here, source / name)
    wheels = root / "wheels"
    _pip(root, [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q",
                "-w", str(wheels), str(source)])
    wheel = next(wheels.glob("*.whl"))
    venv = root / "venv"
    Install.run([sys.executable, "-m", "venv", str(venv)], root)
    install = Install(root, venv, wheel)
    _pip(root, [str(install.python), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(wheel)])
    shutil.rmtree(source)  # the game must run from what was installed, with its sources gone
    yield install
    _writable(root)


def _writable(path: Path) -> None:
    """Give write permission back, so the temporary folders can be removed."""
    for folder, dirs, files in os.walk(path):
        for name in [folder, *(os.path.join(folder, f) for f in dirs + files)]:
            if not os.path.islink(name):
                os.chmod(name, os.stat(name).st_mode | stat.S_IWUSR)


def _read_only(path: Path) -> None:
    for folder, dirs, files in os.walk(path, topdown=False):
        for name in [*(os.path.join(folder, f) for f in files + dirs), folder]:
            if not os.path.islink(name):
                os.chmod(name, os.stat(name).st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _elsewhere(install: Install, name: str) -> Path:
    """A new, empty folder to start the game from: not the repository, not the install."""
    folder = install.root / name
    folder.mkdir()
    return folder


def _validates_and_starts(install: Install, cwd: Path, env: dict[str, str], restricted: bool = False) -> None:
    """`face-value validate` checks the installed content; a screenshot draws the title; the real loop
    (game.ui.bench idle: Game.run until a timed quit) draws frames."""
    out = install.run(["face-value", "validate"], cwd, env, restricted=restricted)
    assert "error" not in out.stdout.lower() and out.stdout.strip(), out.stdout
    shot = cwd / "title.png"
    install.run(["face-value", "screenshot", "title", "--out", str(shot), "--size", "640x360"], cwd, env,
                restricted=restricted)
    assert _colours(shot) > 8, "the title screenshot is nearly blank"
    out = install.run([str(install.python), "-m", "game.ui.bench", "idle", "0.5"], cwd, env, restricted=restricted)
    frames = int(out.stdout.split()[1])
    assert frames >= 1, out.stdout


def _colours(png: Path) -> int:
    import pygame
    image = pygame.image.load(str(png))
    w, h = image.get_size()
    return len({tuple(image.get_at((x * w // 16, y * h // 9))) for x in range(16) for y in range(9)})


def _keeps_running(install: Install, args: list[str], cwd: Path, env: dict[str, str], restricted: bool = False) -> None:
    """`face-value ARGS` starts and is still running, having printed no error, after START_SECONDS."""
    cmd = ["face-value", *args]
    game = subprocess.Popen(_restricted(cmd) if restricted else cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and game.poll() is None:
            time.sleep(0.1)
        running = game.poll() is None
    finally:
        game.terminate()
        out, err = game.communicate(timeout=30)
    assert running, f"{' '.join(cmd)} exited {game.returncode} at once\n{out}\n{err}"
    assert "Traceback" not in err, err


def test_the_wheel_carries_content_assets_and_fonts(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for wanted in ("game/_data/content/scenes.yaml", "game/_data/content/strings/en.yaml",
                   "game/_data/content/strings/es.yaml", "game/_data/assets/fonts/SourceSansPro-Regular.ttf",
                   "game/_data/assets/fonts/LICENSE.txt", "game/_data/assets/sounds/tap.wav"):
        assert wanted in names, f"{wanted} is not in the wheel"
    assert not any(n.startswith(("tests/", "content/", "assets/")) for n in names), "files outside the package"


def test_the_installed_game_runs_from_another_folder_without_its_sources(installed):
    cwd = _elsewhere(installed, "elsewhere")
    home = cwd / "home"
    (home / "run").mkdir(parents=True, mode=0o700)
    env = installed.env(home)
    where = installed.run([str(installed.python), "-c", "import game.content as c; print(c.DEFAULT_ROOT)"], cwd, env)
    assert Path(where.stdout.strip()).is_relative_to(installed.package), where.stdout
    assert not str(REPO) in where.stdout
    _validates_and_starts(installed, cwd, env)
    out = installed.run(["face-value", "soak", "--hours", "0.05"], cwd, env)
    assert "exceptions 0 " in out.stdout, out.stdout
    _keeps_running(installed, ["--kiosk"], cwd, env)


@pytest.mark.skipif(not _can_restrict(), reason="root without setpriv: file permissions would not apply")
def test_a_read_only_install_with_an_unwritable_home_runs(installed):
    """The package read-only; home, configuration, cache, data and state folders unwritable (and the
    configuration and cache folders not there): it validates, starts, and plays at home and as a kiosk."""
    cwd = _elsewhere(installed, "read-only")
    home = cwd / "home"
    home.mkdir()
    package = installed.package
    _read_only(package)
    _read_only(home)
    try:
        env = installed.env(home)
        probe = installed.run([sys.executable, "-c", f"open({str(home / 'x')!r}, 'w')"], cwd, env, check=False,
                              restricted=True)
        assert probe.returncode != 0, "the read-only home could be written: the case would prove nothing"
        _validates_and_starts(installed, cwd, env, restricted=True)
        _keeps_running(installed, [], cwd, env, restricted=True)
        _keeps_running(installed, ["--kiosk"], cwd, env, restricted=True)
    finally:
        _writable(package)
        _writable(home)


def test_a_missing_cache_folder_is_made_and_used(installed):
    """No cache folder yet (nor its parents): the game starts, and keeps its checked content there."""
    cwd = _elsewhere(installed, "no-cache")
    home = cwd / "home"
    home.mkdir()
    cache = cwd / "not" / "yet" / "cache"
    env = installed.env(home, XDG_CACHE_HOME=str(cache))
    _validates_and_starts(installed, cwd, env)
    assert list((cache / "face-value").glob("content-*")), "the content cache was not written"
