"""Every scene, registered by name. The registry is explicit: a scene not listed here does not exist."""
from .choose import ChooseScene
from .dialogs import ConfirmQuitScene, SettingsScene, SourceScene
from .registry import REGISTRY, make_scene
from .title import TitleScene

REGISTRY.update({
    "title": TitleScene,
    "choose": ChooseScene,
    "settings": SettingsScene,
    "source": SourceScene,
    "quit": ConfirmQuitScene,
})

__all__ = ["REGISTRY", "make_scene"]
