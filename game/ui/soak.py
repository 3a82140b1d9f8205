"""The soak's engine (`face-value soak`, game/app/soak.py): a museum kiosk and its visitors on one
simulated clock.

The kiosk runs headless (SDL's dummy drivers): `Game.update` is given the time that passes and the
real input path is fed pygame events (taps and drags on the scene's buttons, keys, gamepad buttons),
so idle resets, the "Still there?" prompt and the attract loop happen as they would on the floor.
Frames are drawn at 30 per simulated second just after each input, while the screen settles, and
sparsely while a visitor reads or nobody is there: the work a frame does is the same either way, and
a day of every frame would take hours to draw.
"""
from __future__ import annotations

import random
import sys
import traceback
from dataclasses import dataclass, field

import pygame

from . import input as I
from .runtime import Game

FRAME_S = 1 / 30         # the frame rate drawn while a visitor's input settles
SETTLE_S = 1.0           # at most this long drawn at FRAME_S after each input
STEP_S = 0.25            # the simulated clock's step between inputs (the real loop's longest step)
READING_DRAW_S = 1.0     # between inputs, a frame this often
IDLE_DRAW_S = 10.0       # nobody there: a frame this often
SAMPLE_S = 60.0          # resident memory sampled once a simulated minute
PROMPT_ALLOWANCE_S = 120  # a long absence: beyond the idle time plus this (the "Still there?" countdown)
MAX_GROWTH = 0.05         # resident memory after warm-up may grow this much to the end
MAX_RSS_MB = 300.0


def resident_mb() -> float:
    """This process's resident memory now (Linux: VmRSS); elsewhere its peak so far, the best the OS gives
    (0 where it gives neither)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


@dataclass
class Tally:
    """What the soak counts and measures."""

    simulated_s: float = 0.0
    runs: int = 1
    visits: int = 0
    events: int = 0
    frames: int = 0
    exceptions: int = 0
    quits: int = 0
    resets: int = 0
    absences: int = 0        # idle periods long enough that the next visitor must find a fresh run
    stale_absences: int = 0  # ... and that did not end in one
    rss: dict[str, float] = field(default_factory=dict)
    peak_mb: float = 0.0

    def growth(self) -> float:
        return self.rss["end"] / self.rss["warm"] - 1

    def failures(self) -> list[str]:
        missed = []
        if self.exceptions or self.quits:
            missed.append(f"{self.exceptions} exceptions, {self.quits} unexpected quits (target 0)")
        if self.stale_absences:
            missed.append(f"{self.stale_absences} of {self.absences} idle periods did not end in a fresh run")
        if self.growth() >= MAX_GROWTH:
            missed.append(f"memory grew {self.growth():.1%} after warm-up (target < {MAX_GROWTH:.0%})")
        if self.peak_mb > MAX_RSS_MB:
            missed.append(f"peak resident memory {self.peak_mb:.0f} MB (target <= {MAX_RSS_MB:.0f} MB)")
        return missed

    def report(self, wall_s: float) -> str:
        r = self.rss
        return "\n".join([
            f"soak: {self.simulated_s / 3600:.2f} simulated hours in {wall_s:.0f} s of wall time",
            f"runs {self.runs}  visits {self.visits}  events {self.events}  frames drawn {self.frames}",
            f"exceptions {self.exceptions}  unexpected quits {self.quits}  resets {self.resets}  "
            f"idle periods ending in a fresh run {self.absences - self.stale_absences}/{self.absences}",
            f"resident memory MB: start {r['start']:.1f}  after an hour {r['hour']:.1f}  after warm-up (a quarter) "
            f"{r['warm']:.1f}  half-way {r['half']:.1f}  end {r['end']:.1f} ({self.growth():+.1%} after warm-up, "
            f"{r['end'] / r['hour'] - 1:+.1%} after an hour, {r['end'] / r['half'] - 1:+.1%} in the second half)  "
            f"peak {self.peak_mb:.1f}",
            "targets: " + ("all met" if not self.failures() else "MISSED: " + "; ".join(self.failures())),
        ])


class Soak:
    """The kiosk and its visitors on one simulated clock."""

    def __init__(self, content, seed: int, size: tuple[int, int], hours: float, out=None):
        self.content, self.seed, self.size, self.out = content, seed, size, out or sys.stdout
        self.rng = random.Random(f"{seed}:soak")
        self.end_s = hours * 3600
        # warm-up: the first quarter. In the first hour only ~6 visitors come, and screens some never
        # reach (the record) make their first allocations later; from one hour the growth is printed too
        self.warm_s = self.end_s / 4
        self.hour_s = min(3600.0, self.warm_s)
        self.idle_limit = content.scenes.kiosk.idle_reset_seconds
        self.tally = Tally()
        self.now = 0.0
        self.next_sample = 0.0
        self.absent = False       # nobody there: between visits
        self.fresh_frame = False  # the kiosk reset itself: memory is measured at rest at the next frame drawn
        self.game = self._new_game()

    def _new_game(self):
        game = Game(self.content, seed=self.seed, size=self.size, kiosk=True)
        reset = game.reset

        def counted_reset(*args, **kwargs):
            self.tally.resets += 1
            self.fresh_frame = self.absent
            return reset(*args, **kwargs)
        game.reset = counted_reset  # Game.update calls self.reset(): the instance's, counted
        self._run = game.ctx.run
        return game

    # -- the clock --------------------------------------------------------------------------
    def guarded(self, what, *args) -> None:
        """Do one thing to the game; an exception is counted (the first printed) and play goes on."""
        try:
            what(*args)
        except Exception:  # noqa: BLE001 - the soak's purpose is to count them all
            self.tally.exceptions += 1
            if self.tally.exceptions == 1:
                print(f"first exception, at {self.now:.1f} simulated s:", file=self.out)
                traceback.print_exc(file=self.out)
            self._recover()
        if self.game.ctx.quit_requested:
            self.tally.quits += 1
            print(f"the kiosk asked to quit at {self.now:.1f} simulated s; started again", file=self.out)
            self._recover(fresh=True)
        if self.game.ctx.run is not self._run:
            self._run = self.game.ctx.run
            self.tally.runs += 1

    def _recover(self, fresh: bool = False) -> None:
        """Back to a working kiosk: a reset, or a new game when even that fails."""
        if not fresh:
            try:
                self.game.reset()
                return
            except Exception:  # noqa: BLE001
                pass
        self.game = self._new_game()
        self.tally.runs += 1

    def advance(self, seconds: float, step: float, draw_every: float) -> None:
        """Let `seconds` of simulated time pass in steps of `step`, drawing at most every `draw_every`."""
        end = self.now + seconds
        since_draw = draw_every
        while self.now < end and self.now < self.end_s:
            dt = min(step, end - self.now)
            self.now += dt
            since_draw += dt
            self.guarded(self.game.update, dt)
            if self.game.dirty and since_draw >= draw_every - 1e-9:
                self.guarded(self.game.draw)
                self.tally.frames += 1
                since_draw = 0.0
                if self.fresh_frame:
                    self.fresh_frame = False
                    self.at_rest()
            elif not self.game.dirty and self.game.scene is not None:
                self.guarded(self.game.scene.idle)
            if self.now >= self.next_sample:
                self.sample()

    def settle(self) -> None:
        """After an input: frames at 30 a second while the screen moves, up to SETTLE_S."""
        start = self.now
        while self.now - start < SETTLE_S and self.now < self.end_s:
            self.advance(FRAME_S, FRAME_S, FRAME_S)
            if not self.game.animating:
                break

    def sample(self) -> None:
        self.tally.peak_mb = max(self.tally.peak_mb, resident_mb())
        self.next_sample = self.now + SAMPLE_S

    def at_rest(self) -> None:
        """Memory at rest: at the first frame after the kiosk reset itself with nobody there, the same
        state each time, where a sample mid-visit depends on the screen the visitor is on. The first
        after warm-up and the last are the figures compared; the peak is sampled throughout."""
        mb = resident_mb()
        for name, after in (("hour", self.hour_s), ("warm", self.warm_s)):
            if name not in self.tally.rss and self.now >= after:
                self.tally.rss[name] = mb
        if "half" not in self.tally.rss and self.now >= self.end_s / 2:
            self.tally.rss["half"] = mb
        self.tally.rss["end"] = mb

    # -- visitors -------------------------------------------------------------------------------
    def run(self) -> Tally:
        self.guarded(self.game.draw)
        self.tally.rss["start"] = resident_mb()
        while self.now < self.end_s:
            self.visit()
            self.absence()
        self.tally.simulated_s = self.now
        if "warm" not in self.tally.rss:  # too short a soak to see an absence after warm-up
            self.at_rest()
            self.tally.rss["warm"] = self.tally.rss["end"]
        self.tally.rss.setdefault("hour", self.tally.rss["warm"])
        self.tally.rss.setdefault("half", self.tally.rss["end"])
        self.sample()
        return self.tally

    def visit(self) -> None:
        """One visitor: a few to many inputs, mostly with one device, pauses to read between them;
        now and then a long pause (the "Still there?" prompt comes, and is answered or not)."""
        self.tally.visits += 1
        rng = self.rng
        device = rng.choices(("touch", "mouse", "keyboard", "gamepad"), weights=(6, 2, 1, 1))[0]
        if rng.random() < 0.3:
            self.press_key("language")
        for _ in range(rng.randint(2, 80)):
            if self.now >= self.end_s:
                return
            self.act(device if rng.random() < 0.9 else rng.choice(("touch", "keyboard", "gamepad")))
            self.settle()
            pause = rng.uniform(0.3, 12) if rng.random() < 0.97 else rng.uniform(self.idle_limit * 0.8,
                                                                                self.idle_limit + 60)
            self.advance(pause, STEP_S, READING_DRAW_S)

    def absence(self) -> None:
        """Nobody there: a short gap, or one long enough that the kiosk must be a fresh run again."""
        rng = self.rng
        long = rng.random() < 0.4
        gap = (rng.uniform(self.idle_limit + PROMPT_ALLOWANCE_S, 900) if long
               else rng.uniform(2, self.idle_limit * 0.9))
        self.absent = True
        self.advance(gap, STEP_S, IDLE_DRAW_S)
        self.absent = False
        if long and self.now < self.end_s:
            self.tally.absences += 1
            run = self.game.ctx.run
            fresh = (run.prefs == run.first_prefs and not run.met and run.board is None and not run.predictions)
            if not fresh:
                self.tally.stale_absences += 1

    # -- one input ----------------------------------------------------------------------------
    def post(self, event_type: int, **attributes) -> None:
        self.tally.events += 1
        self.guarded(self.game.post, pygame.event.Event(event_type, **attributes))

    def act(self, device: str) -> None:
        rng = self.rng
        if device in ("touch", "mouse"):
            buttons = self.game.scene.buttons if self.game.scene is not None else []
            if buttons and rng.random() < 0.93:
                rect = rng.choice(buttons).rect
                at = (rng.uniform(rect.left, rect.right - 1), rng.uniform(rect.top, rect.bottom - 1))
            else:
                at = (rng.uniform(0, 1920), rng.uniform(0, 1080))
            self.touch(device, at, drag=rng.random() < 0.1)
        elif device == "keyboard":
            key = rng.choices((pygame.K_TAB, pygame.K_RETURN, pygame.K_RIGHT, pygame.K_LEFT, pygame.K_UP,
                               pygame.K_DOWN, pygame.K_ESCAPE, pygame.K_i, pygame.K_PAGEDOWN, pygame.K_m),
                              weights=(25, 30, 8, 8, 6, 6, 8, 3, 3, 1))[0]
            mod = pygame.KMOD_SHIFT if key == pygame.K_TAB and rng.random() < 0.2 else 0
            self.post(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        else:
            button = rng.choice(sorted(I.BUTTONS))
            self.post(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=0)

    def window_point(self, at: tuple[float, float]) -> tuple[float, float]:
        view = self.game.display.viewport()
        return view.x + at[0] * view.w / 1920, view.y + at[1] * view.h / 1080

    def touch(self, device: str, at: tuple[float, float], drag: bool) -> None:
        """A tap (or a drag of a few steps) at canvas point `at`, by finger or mouse."""
        x, y = self.window_point(at)
        path = [(x, y)]
        if drag:
            path += [(x + self.rng.uniform(-300, 300) * k / 4, y) for k in range(1, 5)]
        w, h = self.game.display.window_size()
        if device == "touch":
            self.post(pygame.FINGERDOWN, x=x / w, y=y / h, dx=0, dy=0, finger_id=1, touch_id=1, pressure=1.0)
            for px, py in path[1:]:
                self.post(pygame.FINGERMOTION, x=px / w, y=py / h, dx=0, dy=0, finger_id=1, touch_id=1, pressure=1.0)
                self.advance(FRAME_S, FRAME_S, FRAME_S)
            px, py = path[-1]
            self.post(pygame.FINGERUP, x=px / w, y=py / h, dx=0, dy=0, finger_id=1, touch_id=1, pressure=1.0)
        else:
            self.post(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 0), touch=False)
            self.post(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1, touch=False)
            for px, py in path[1:]:
                self.post(pygame.MOUSEMOTION, pos=(px, py), rel=(0, 0), buttons=(1, 0, 0), touch=False)
                self.advance(FRAME_S, FRAME_S, FRAME_S)
            self.post(pygame.MOUSEBUTTONUP, pos=path[-1], button=1, touch=False)

    def press_key(self, key: str) -> None:
        """Tap the scene's button `key` (the title's language switch), if it is there."""
        scene = self.game.scene
        for button in scene.buttons if scene is not None else []:
            if button.key == key:
                self.touch("touch", button.rect.center, drag=False)
                self.settle()
                return
