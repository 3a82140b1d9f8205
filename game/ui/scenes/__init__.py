"""Every scene, registered by name. The registry is explicit: a scene not listed here does not exist."""
from .board import BoardScene
from .choose import ChooseScene
from .dialogs import ConfirmQuitScene, SettingsScene, SourceScene, SourcesListScene, VoicesScene
from .ending import RecordScene, SandboxScene
from .lab import LabScene
from .lane import LaneScene
from .outcome import OutcomeScene
from .registry import REGISTRY, make_scene
from .title import TitleScene

REGISTRY.update({
    "title": TitleScene,
    "choose": ChooseScene,
    "lane": LaneScene,
    "outcome": OutcomeScene,
    "board": BoardScene,
    "lab": LabScene,
    "record": RecordScene,
    "sandbox": SandboxScene,
    "settings": SettingsScene,
    "source": SourceScene,
    "sources": SourcesListScene,
    "voices": VoicesScene,
    "quit": ConfirmQuitScene,
})

__all__ = ["REGISTRY", "make_scene"]
