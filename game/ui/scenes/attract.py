"""The attract loop: nobody is at the kiosk, so the game plays itself, with "Touch the screen to start"
drawn over it in both languages (see game.story.views.attract).

The game that plays is the real one: the real scenes, on a stack and a run of their own (a throwaway
copy of a fresh run, silent), driven by intents from the script in content/scenes.yaml
(`kiosk.attract_steps`), one step every `attract_step_seconds`; half a step before each press the control
takes the focus ring, so a passer-by sees what is about to be pressed. Each loop is played in the next
language. Nothing the loop does reaches the visitor: any input starts a fresh run (Game.reset), in the
language the call is shown in, or in the other one by its button.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.story.views.attract import attract_screen

from .. import input as I
from .. import theme
from ..layout import BOTTOM, Layout, _shift
from ..scene import Context, Scene, Stack
from ..screens import ScreenScene
from . import registry
from .dialogs import PASSING

REPEAT_LIMIT = 60  # a repeated press that has not left its screen by then has lost its way: start the loop again
SHADE_ALPHA = 110  # the game behind the call, dimmed a little: still in sight, the call in front


class LostWay(Exception):
    """The script expected another screen, or a control the screen does not have (the content changed)."""


def start_fresh(ctx: Context, language: str) -> None:
    """A fresh run in `language`, from the title: through the Game, so a kiosk forgets everything."""
    game = ctx.services.get("game")
    if game is not None:
        game.reset(language=language)
    else:  # a scene made without a running game
        ctx.run = ctx.run.restart()
        ctx.run.prefs = ctx.run.prefs.set("language", language)
        ctx.stack.reset(registry.make_scene("title", ctx))


def next_language(ctx: Context) -> str:
    languages = ctx.content.languages
    return languages[(languages.index(ctx.run.prefs.language) + 1) % len(languages)]


class AttractCallScene(ScreenScene):
    """The call over the game playing itself. `on_start(language)` starts the visitor's game; alone (as
    the screenshot and layout tools make it) it starts one through the Game."""

    name = "attract_call"
    overlay = True

    def __init__(self, ctx: Context, on_start: Callable[[str], None] | None = None):
        super().__init__(ctx)
        self.on_start = on_start or (lambda language: start_fresh(ctx, language))
        self._lowered: Layout | None = None

    def screen(self):
        return self.memo((), lambda: attract_screen(self.ctx.content.languages))

    def laid_out(self):
        """The call's panel sits at the foot of the screen, so the map and the camera above stay in sight."""
        screen, laid = super().laid_out()
        if laid is not self._lowered and laid.frame is not None:
            dy = theme.CANVAS[1] - BOTTOM - laid.frame.bottom
            _shift([box for page in laid.pages for box in page] + laid.actions, dy)
            laid.frame.move_ip(0, dy)
            self._lowered = laid
        return screen, laid

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"start": lambda: self.on_start(self.ctx.run.prefs.language),
                "language": lambda: self.on_start(next_language(self.ctx))}


class AttractScene(Scene):
    """The game playing itself under the call. Every input but a pointer on its way starts the visitor's
    game: a tap on one of the call's buttons presses it, anything else presses the focused one (Start,
    in the language shown)."""

    name = "attract"

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.kiosk = ctx.content.scenes.kiosk
        self._shade: pygame.Surface | None = None
        self._shade_key: tuple | None = None
        self.begin(ctx.run.prefs.language)

    def begin(self, language: str) -> None:
        """A new loop from the title, on a run nobody inherits: a fresh run's copy, silent, in `language`."""
        outer = self.ctx
        run = outer.run.restart()
        run.prefs = run.prefs.set("language", language).set("sound", 0.0)
        self.play = Context(outer.content, run, Stack(), outer.text, outer.palette, kiosk=outer.kiosk,
                            make_world=lambda: outer.world)
        self.play.apply_prefs()
        self.play.stack.push(registry.make_scene("title", self.play))
        self.play.stack.apply()
        self.call = AttractCallScene(self.play, on_start=self.start)
        self.call.enter()
        self.index = 0      # the step in attract_steps
        self.presses = 0    # how often a repeated step has pressed
        self.elapsed = 0.0  # since the last step
        self.aimed = False  # the next control has the focus ring
        self.dirty = True

    def start(self, language: str) -> None:
        start_fresh(self.ctx, language)
        self.ctx.sound.play("tap")

    # -- input ----------------------------------------------------------------------------------
    def handle(self, intent: I.Intent) -> None:
        if intent.kind == I.POINT and intent.pos:
            self.call.hover(intent.pos)
            self.dirty = True
        if intent.kind in PASSING:
            return
        target = self.call.button_at(intent.pos) if intent.kind == I.TAP and intent.pos else None
        self.call.activate(self.call.focus if target is None else target)

    # -- the script ----------------------------------------------------------------------------
    def step(self):
        """This beat's step; a repeated step ends once the game has left its screen. None: the loop is done."""
        steps = self.kiosk.attract_steps
        while self.index < len(steps):
            step = steps[self.index]
            if not (step.repeat and self.presses and self.showing() != step.at):
                return step
            self.index, self.presses = self.index + 1, 0
        return None

    def showing(self) -> str | None:
        top = self.play.stack.top
        return top.name if top is not None else None

    def target(self) -> str | None:
        """The control this beat presses, focused on its screen; None when it only shows the screen."""
        step = self.step()
        if step is None or self.showing() != step.at or self.presses >= REPEAT_LIMIT:
            raise LostWay(step)
        key = step.traveller or step.press
        scene = self.play.stack.top
        if key is not None:
            if key not in [button.key for button in scene.buttons]:
                raise LostWay(key)
            scene.focus_key(key)
            scene.dirty = True
        return key

    def beat(self) -> None:
        """Press this step's control as a player would (focus, then confirm), and move the script on."""
        try:
            key = self.target()
        except LostWay:  # the loop is done (or lost): again from the title, the next loop in the next language
            done = self.step() is None
            self.begin(next_language(self.play) if done else self.play.run.prefs.language)
            return
        step = self.step()
        if key is not None:
            self.play.stack.top.handle(I.Intent(I.CONFIRM))
        if step.repeat:
            self.presses += 1
        else:
            self.index += 1

    def update(self, dt: float) -> bool:
        """The game beneath moves as it would for a player; a step every attract_step_seconds (one at most
        per frame, however long the frame: the clock may run fast)."""
        top = self.play.stack.top
        moving = bool(top is not None and top.update(dt))
        self.elapsed += dt
        period = self.kiosk.attract_step_seconds
        if not self.aimed and self.elapsed >= period / 2:
            self.aimed = True
            try:
                self.target()
            except LostWay:
                pass  # the beat finds out and starts again
        if self.elapsed >= period:
            self.elapsed, self.aimed = 0.0, False
            self.beat()
            self.play.stack.apply()
        if self.call.dirty or any(scene.dirty for scene in self.play.stack.visible()):
            self.dirty = True
        return moving

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        for scene in self.play.stack.visible():
            scene.draw(surface)
            scene.dirty = False
        surface.blit(self.shade(surface.get_size()), (0, 0))
        self.call.draw(surface)
        self.call.dirty = False

    def shade(self, size: tuple[int, int]) -> pygame.Surface:
        """Made once (a whole-screen surface each frame would churn memory for days)."""
        key = (size, self.play.palette.shadow)
        if self._shade is None or self._shade_key != key:
            self._shade = pygame.Surface(size, pygame.SRCALPHA)
            self._shade.fill((*self.play.palette.shadow, SHADE_ALPHA))
            self._shade_key = key
        return self._shade
