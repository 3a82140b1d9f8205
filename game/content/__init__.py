"""Content: the only package that reads YAML. Load with `load_content()`; errors are `ContentErrors`."""
from .errors import ContentError, ContentErrors
from .loader import BASE_LANGUAGE, DEFAULT_ROOT, FILES, Content, load_content

__all__ = ["BASE_LANGUAGE", "DEFAULT_ROOT", "FILES", "Content", "ContentError", "ContentErrors", "load_content"]
