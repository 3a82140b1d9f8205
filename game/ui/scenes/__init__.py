"""Every scene, registered by name in `registry` (explicit: a scene not listed there does not exist)."""
from .registry import REGISTRY, make_scene, scene_class

__all__ = ["REGISTRY", "make_scene", "scene_class"]
