"""The running game and its main loop: events in, intents to the top scene, draw only when needed.

When nothing moves the loop sleeps between short polls (SDL's own wait spins on some video
drivers), so an idle kiosk costs almost no CPU and input still answers within a frame or two.
Tests and the screenshot and bench commands drive the same object, frame by frame.
"""
from __future__ import annotations

import ctypes
import gc
import os
import sys
import time
from pathlib import Path

import pygame

from game.content import Content
from game.story import prefs as stored_prefs
from game.story.prefs import Prefs
from game.story.run import Run
from . import input as I
from . import theme
from .display import Display
from .camera import clear_overlays
from .draw import clear_faces
from .layout import clear_measures
from .narrator import Narrator
from .port import clear_backgrounds
from .scene import Context, Stack
from .scenes import REGISTRY, make_scene, scene_class
from .text import Text, clear_fonts, clear_pictures

IDLE_SLEEP_S = 1 / 30
FPS = 60


def init_pygame(headless: bool = False) -> None:
    if headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    pygame.display.init()
    pygame.font.init()


def init_gamepads() -> None:
    """Gamepads announce themselves as they are found; done after the first frame, to start sooner."""
    try:
        pygame.joystick.init()
        from pygame._sdl2 import controller
        controller.init()
    except (ImportError, pygame.error):
        pass


def _world(content: Content, seed: int):
    from game.story.world import World
    return World(content, seed)


def prefs_path() -> Path:
    """Where preferences last between runs: the user's configuration folder (on Linux
    $XDG_CONFIG_HOME/face-value, else ~/.config/face-value; the platform's own place elsewhere)."""
    from platformdirs import user_config_path
    return user_config_path("face-value", appauthor=False) / stored_prefs.FILE_NAME


def forget_kept() -> None:
    """Drop every picture and font kept for speed (lines of text, faces, maps, camera layers, the
    dialog veil, fonts and what was measured with them); each is made again when next needed."""
    clear_fonts()
    clear_measures()
    clear_pictures()
    clear_faces()
    clear_backgrounds()
    clear_overlays()
    _SHADES.clear()


def shutdown() -> None:
    forget_kept()
    pygame.quit()


def release_memory() -> None:
    """Hand the memory a finished run used back to the system. Its scenes hold their pictures (a lab's
    canvas-sized page, a lane's maps) in reference cycles (a button's action is the scene's own method),
    which Python frees only when it next looks for cycles: collected now. Then glibc, which keeps freed
    blocks for reuse: a day of surfaces of every size coming and going left 30-50 MB free but held
    (Linux with glibc only; elsewhere the system's allocator is left to it). What is kept for speed
    goes first, so each visitor starts from the same memory as the last, not from the fonts and
    pictures of every text size and screen that visitors before them chose."""
    forget_kept()
    gc.collect()
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # another C library (musl has no malloc_trim)
        pass


_SHADES: dict[tuple, pygame.Surface] = {}


def _shade(size: tuple[int, int], colour: tuple) -> pygame.Surface:
    """The veil drawn over the screen beneath a dialog: one surface, made again only for a new size or look."""
    key = (size, tuple(colour))
    if key not in _SHADES:
        _SHADES.clear()
        shade = _SHADES[key] = pygame.Surface(size, pygame.SRCALPHA)
        shade.fill((*colour, 200))
    return _SHADES[key]


class Game:
    """One running game: window, scene stack, run state. `step()` runs one frame.

    `prefs_file`: where the player's preferences last between runs (read at the start, written
    whenever one changes); None keeps them for this run only, and a kiosk never reads or writes it.
    `lang`, when given, is the language for this run over the one stored. `path`: "class" offers only
    the lesson's travellers (face-value --class); a kiosk is always on the kiosk path."""

    def __init__(self, content: Content, *, seed: int = 1, lang: str | None = None, size=(1280, 720),
                 fullscreen: bool = False, kiosk: bool = False, start: str = "title",
                 prefs_file: Path | None = None, path: str = "full", **start_options):
        self.display = Display(size, fullscreen, content.text("game.name"))
        self.stack = Stack()
        self.prefs_file = None if kiosk else prefs_file
        prefs = (stored_prefs.load(self.prefs_file, content.languages) if self.prefs_file else None) or Prefs()
        language = lang or prefs.language
        if kiosk:  # each visitor starts as the museum set it; the reset returns to this
            prefs = prefs.set("read_aloud", content.scenes.kiosk.read_aloud)
        run = Run(seed=seed, prefs=prefs.set("language", language if language in content.strings else "en"),
                  path="kiosk" if kiosk else path)
        self._saved_prefs = run.prefs
        self.launch_path = run.path  # the title's Start plays this path; "Class lesson" the class's
        self.ctx = Context(content, run, self.stack, Text(), theme.STANDARD, kiosk=kiosk)
        self.ctx.make_world = lambda: _world(content, seed)
        self.ctx.services["game"] = self
        self.ctx.apply_prefs()
        self.mapper = I.InputMapper(self.display.to_canvas, self.display.window_size)
        self.clock = pygame.time.Clock()
        self.dirty = True
        self.animating = False
        self.idle_seconds = 0.0
        self.touched = False  # any input since the game last played itself (a kiosk's idle logic)
        self.frames_drawn = 0
        self._unmuted_volume = stored_prefs.SPECS["sound"].default
        self._under: pygame.Surface | None = None
        self._under_key: tuple | None = None
        self.narrator = Narrator(self.ctx)
        if kiosk:  # weeks unattended: every screen's code loads now, not in the middle of some visitor's run
            for name in REGISTRY:
                scene_class(name)
        if scene_class(start).overlay:  # a dialog is shown over the screen it belongs to
            self.stack.push(make_scene("title", self.ctx))
        self.stack.push(make_scene(start, self.ctx, **start_options))
        self.stack.apply()

    @property
    def scene(self):
        return self.stack.top

    # -- one frame ------------------------------------------------------------
    def send(self, intent: I.Intent) -> None:
        """Deliver one intent to the top scene, as if it came from a device."""
        self.idle_seconds = 0.0
        if intent.kind != I.POINT:  # a pointer passing by (or a window appearing under it) is no visitor yet
            self.touched = True
        if intent.kind in (I.QUIT, I.STAFF_EXIT):
            self.ctx.quit_requested = True
        elif intent.kind == I.MUTE:
            self.toggle_mute()
        elif intent.kind == I.VOICE:
            self.toggle_read_aloud()
        elif intent.kind == I.READ:
            self.narrator.read_screen(self.scene)
        elif intent.kind == I.REPEAT:
            self.narrator.repeat()
        elif self.scene is not None:
            self.scene.handle(intent)
        self.dirty = True
        self._apply()

    def post(self, event: pygame.event.Event) -> None:
        """Deliver a raw pygame event through the input mapper."""
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED):
            self.display.refresh()
            self.dirty = True
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            self.dirty = True
        self.mapper.typing = bool(getattr(self.scene, "takes_text", False))  # the teacher's codes
        for intent in self.mapper.map(event):
            self.send(intent)

    def _apply(self) -> None:
        if self.stack.apply():
            self.dirty = True
        if not self.stack.scenes:
            self.ctx.quit_requested = True
        self._remember_prefs()

    def _remember_prefs(self) -> None:
        """Write the preferences when the player has changed one (once per change, even if it fails)."""
        prefs = self.ctx.run.prefs
        if self.prefs_file is not None and prefs != self._saved_prefs:
            self._saved_prefs = prefs
            stored_prefs.save(self.prefs_file, prefs)

    def toggle_read_aloud(self) -> None:
        """V, the gamepad's Back, or the title's and Settings' button: read aloud on or off. Turned on, the
        screen's heading and the focused control are said at once; off, speech stops."""
        self.ctx.run.prefs = self.ctx.run.prefs.cycle("read_aloud")
        if self.scene is not None:
            self.scene.dirty = True
        self.narrator.follow(self.scene, 0.0)

    def toggle_mute(self) -> None:
        """M, on any screen: sound off, and on again at the volume it had (the default when it was off
        from the start). A preference like any other: saved, shown in Settings, reset in a kiosk."""
        prefs = self.ctx.run.prefs
        if prefs.sound > 0:
            self._unmuted_volume = prefs.sound
        volume = 0.0 if prefs.sound > 0 else self._unmuted_volume
        self.ctx.run.prefs = prefs.set("sound", volume)
        self.ctx.apply_prefs()

    def update(self, dt: float) -> None:
        """Advance `dt` seconds (any length: a soak runs the clock fast); then, in a kiosk, see to the idle time."""
        self.idle_seconds += dt
        scene = self.scene
        self.animating = bool(scene and scene.update(dt))
        if self.animating or (scene and scene.dirty):
            self.dirty = True
        if self.ctx.kiosk:
            self._watch_idle()
        self._apply()
        self.narrator.follow(self.scene, dt)

    def _watch_idle(self) -> None:
        """A kiosk left alone. A title nobody has touched, on a fresh run, gives way to the attract loop after
        `attract_seconds` (after the idle time once someone has touched it: nothing to lose, time to read).
        Anywhere else, after the idle time "Still there?" counts down; when it runs out, the run is cleared and
        the attract loop begins. No timer runs while the game plays itself."""
        scene, kiosk = self.scene, self.ctx.content.scenes.kiosk
        if scene is None or scene.name == "attract":
            return
        if scene.name == "still_there":
            if scene.remaining <= 0:
                self.reset(attract=True)
        elif self.idle_seconds < min(kiosk.attract_seconds, kiosk.idle_reset_seconds):
            return
        elif self._fresh_title():
            if self.idle_seconds >= (kiosk.idle_reset_seconds if self.touched else kiosk.attract_seconds):
                self.reset(attract=True)
        elif self.idle_seconds >= kiosk.idle_reset_seconds:
            self.stack.push(make_scene("still_there", self.ctx))

    def _fresh_title(self) -> bool:
        """Only the title, on a run nobody has changed: no language, text size, contrast, sound, traveller
        met or decision a visitor could leave to the next."""
        run = self.ctx.run
        return [s.name for s in self.stack.scenes] == ["title"] and run == run.restart()

    def reset(self, language: str | None = None, attract: bool = False) -> None:
        """Back to the start, forgetting the run's choices: "Back to the start" keeps the player's
        preferences; a kiosk (its idle reset too) returns to the launch values for the next person, in
        `language` when a visitor chose one from the attract loop. `attract`: nobody is there, so the game
        plays itself (the attract loop) until someone touches it."""
        self.ctx.run = self.ctx.run.restart(keep_prefs=not self.ctx.kiosk)
        if language is not None:
            self.ctx.run.prefs = self.ctx.run.prefs.set("language", language)
        self.ctx.apply_prefs()
        self.idle_seconds = 0.0
        if attract:
            self.touched = False
        self.stack.reset(make_scene("attract" if attract else "title", self.ctx))
        self._apply()

    def draw(self) -> None:
        """Draw the visible scenes; under a dialog, the screen beneath is drawn once, dimmed, and reused."""
        if self.ctx.kiosk and self.ctx.run is not getattr(self, "_drawn_run", None):
            self._drawn_run = self.ctx.run  # the first frame of a kiosk's fresh run: the last one's memory goes back
            self.ctx.world.forget()
            self._under = self._under_key = None
            release_memory()
        canvas = self.display.canvas
        visible = self.stack.visible()
        base, overlays = visible[0], visible[1:]
        if overlays and self._under_key == (id(base), id(self.ctx.palette)) and not base.dirty:
            canvas.blit(self._under, (0, 0))
        else:
            base.draw(canvas)
            if overlays:
                canvas.blit(_shade(canvas.get_size(), self.ctx.palette.shadow), (0, 0))
                if self._under is None or self._under.get_size() != canvas.get_size():
                    self._under = canvas.copy()
                else:  # the same surface every time: a canvas-sized allocation per dialog churns the heap
                    self._under.blit(canvas, (0, 0))
                self._under_key = (id(base), id(self.ctx.palette))
        base.dirty = False
        for scene in overlays:
            scene.draw(canvas)
            scene.dirty = False
        if self.narrator.missing:
            self._say_no_engine(canvas)
        self.display.present()
        self.dirty = False
        self.frames_drawn += 1

    def _say_no_engine(self, canvas: pygame.Surface) -> None:
        """Read aloud is on and there is no speech engine here: one line at the top says so, on a band
        of the background so it reads over anything."""
        from .voice import NO_ENGINE
        palette = self.ctx.palette
        line = self.ctx.text.render(self.ctx.t(NO_ENGINE), 20, palette.text, width=canvas.get_width() - 32)
        band = pygame.Rect(0, 0, canvas.get_width(), line.get_height() + 12)
        canvas.fill(palette.background, band)
        canvas.blit(line, (16, 6))

    def step(self, dt: float = 1 / FPS) -> None:
        """Advance one frame of `dt` seconds and draw if anything changed (used by tests and tools)."""
        self.update(dt)
        if self.dirty:
            self.draw()
        elif self.scene is not None:
            self.scene.idle()

    def save_screenshot(self, path) -> None:
        """Save the window as the player sees it, letterbox included."""
        self.draw()
        pygame.image.save(self.display.window, str(path))

    # -- the real loop ------------------------------------------------------
    def run(self) -> int:
        watch = self.ctx.services.get("watch")  # game.app.kiosk_ops.Watch: systemd's watchdog, the tally
        self.draw()
        if watch is not None:
            watch.ready()
        init_gamepads()
        self.ctx.sound.start()  # after the first frame, so opening the sound device never delays it
        last = time.perf_counter()
        while not self.ctx.quit_requested:
            if self.dirty:
                self.draw()
            elif self.scene is not None:
                self.scene.idle()
            if self.animating:
                self.clock.tick(FPS)
            events = pygame.event.get()
            if not events and not self.animating:
                time.sleep(IDLE_SLEEP_S)
            for event in events:
                self.post(event)
                if self.ctx.quit_requested:
                    break
            now = time.perf_counter()
            self.update(min(now - last, 0.25))
            last = now
            if watch is not None:
                watch.alive(self)
        self.narrator.stop()  # the last sentence ends with the window, not after it
        return 0


__all__ = ["Game", "REGISTRY", "init_pygame", "prefs_path", "scene_class", "shutdown"]
