"""Content: the only package that reads YAML. Load with `load_content()`; errors are `ContentErrors`."""
from .content import BASE_LANGUAGE, DEFAULT_ROOT, FILES, Content
from .errors import ContentError, ContentErrors


def load_content(root=None, assets=None) -> Content:
    """Read and check every content file, and the assets the game loads (see loader.load_content)."""
    from .loader import load_content as load
    return load(root, assets)


__all__ = ["BASE_LANGUAGE", "DEFAULT_ROOT", "FILES", "Content", "ContentError", "ContentErrors", "load_content"]
