"""The explicit registry of scenes: name -> (module, class). Modules load when a scene is first made,
so start-up pays only for the title screen."""
from __future__ import annotations

import importlib
from typing import Any

REGISTRY: dict[str, tuple[str, str]] = {
    "title": ("title", "TitleScene"),
    "choose": ("choose", "ChooseScene"),
    "check": ("check", "CheckScene"),
    "meet": ("meet", "MeetScene"),
    "lane": ("lane", "LaneScene"),
    "outcome": ("outcome", "OutcomeScene"),
    "board": ("board", "BoardScene"),
    "lab": ("lab", "LabScene"),
    "shift": ("shift", "ShiftScene"),
    "record": ("ending", "RecordScene"),
    "sandbox": ("ending", "SandboxScene"),
    "settings": ("dialogs", "SettingsScene"),
    "source": ("dialogs", "SourceScene"),
    "sources": ("dialogs", "SourcesListScene"),
    "voices": ("dialogs", "VoicesScene"),
    "term": ("dialogs", "TermScene"),
    "calibration": ("calibration", "CalibrationScene"),
    "quit": ("dialogs", "ConfirmQuitScene"),
    "teacher": ("teacher", "TeacherScene"),
    "still_there": ("dialogs", "StillThereScene"),
    "attract": ("attract", "AttractScene"),
    "attract_call": ("attract", "AttractCallScene"),
}


def scene_class(name: str) -> type:
    module, cls = REGISTRY[name]
    return getattr(importlib.import_module(f"{__package__}.{module}"), cls)


def make_scene(name: str, ctx: Any, **options: Any):
    """A new scene by its registered name, e.g. make_scene('lane', ctx, traveller='commuter')."""
    return scene_class(name)(ctx, **options)
