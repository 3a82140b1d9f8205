"""A checked copy of the content, kept between runs so the game starts without re-reading YAML.

The copy is keyed by a hash of every content file and of the code that reads them, so any edit
to either is seen at once; `face-value validate` and the tests always read the YAML itself.
Nothing personal is stored: only the content the game ships with.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .content import DEFAULT_ROOT, Content

CODE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "face-value"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(root.rglob("*.yaml")) + sorted(CODE.glob("*.py")):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    digest.update(str(root.resolve()).encode())
    return digest.hexdigest()[:24]


def load_cached(root: Path | str | None = None) -> Content:
    """The content under `root`, from the cache when nothing changed, else read and checked (then cached).

    Raises ContentErrors exactly as load_content does; a broken content folder is never cached.
    """
    root = Path(root) if root else DEFAULT_ROOT
    path = None
    try:
        path = cache_dir() / f"content-{fingerprint(root)}.pickle"
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        pass
    from .loader import load_content
    content = load_content(root)
    if path is None:
        return content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(content, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
    return content
