"""Measurements that need pygame: the bare baseline, first frame, frame times, idle CPU.

Run as `python -m game.ui.bench MODE` by `face-value bench` (game/app/bench.py), which times
processes from the outside and prints the figures; nothing here asserts a target.
"""
from __future__ import annotations

import sys
import time

import pygame

BARE_SCRIPT = """
import os, time
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1280, 720))
font = pygame.font.Font(None, 48)
screen.fill((16, 27, 42))
screen.blit(font.render("Face Value", True, (240, 240, 240)), (40, 40))
pygame.display.flip()
print(time.time(), flush=True)
"""


def first_frame() -> None:
    """Start the real game as `face-value` does, draw one frame, print the wall-clock time."""
    from game.content.cache import load_cached
    from .runtime import Game, init_pygame
    init_pygame()
    game = Game(load_cached())
    game.draw()
    print(time.time(), flush=True)


def idle_cpu(seconds: float) -> None:
    """Run the real loop on the still title screen and print CPU seconds used per wall second."""
    from game.content.cache import load_cached
    from .runtime import Game, init_pygame
    init_pygame()
    game = Game(load_cached())
    game.draw()
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    game.run()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(cpu / wall, game.frames_drawn, flush=True)


def frame_times(content, scenes: list[str], frames: int) -> dict[str, dict[str, float]]:
    """p50 and p99 of update + redraw + present, per scene, at 1920x1080: every frame is drawn, and every
    other frame the focus moves (Tab), so layers a scene caches are redrawn as they would be in play."""
    import statistics
    from .runtime import Game
    from . import input as I

    def measure(game, before_frame=None) -> dict[str, float]:
        samples = []
        for frame in range(frames):
            start = time.perf_counter()
            if before_frame:
                before_frame(frame)
            game.update(1 / 60)
            game.draw()
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        return {"p50_ms": round(statistics.median(samples), 3),
                "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3)}

    def tab_through(game):
        return lambda frame: game.send(I.Intent(I.NEXT)) if frame % 2 else None

    figures = {}
    for name in scenes:  # every other frame the focus moves on, as when a player tabs through a screen
        game = Game(content, size=(1920, 1080), start=name)
        figures[name] = measure(game, tab_through(game))
        figures[name]["lines"], figures[name]["shapes"] = scene_weight(game.scene)
    # the threshold lab while the threshold is dragged: every frame a new threshold, the model re-run
    lab = Game(content, size=(1920, 1080), start="lab")
    chart = lab.scene.chart_rect()
    for _ in range(120):  # the player reads the question for a few seconds before dragging
        lab.step(1 / 30)

    def drag(frame: int) -> None:
        x = chart.left + chart.w * (0.4 + 0.4 * ((frame * 7) % 100) / 100)
        lab.send(I.Intent(I.DRAG, (x, chart.centery), device="mouse"))
    figures["lab (dragging the threshold)"] = measure(lab, drag)
    return figures


def scene_weight(scene) -> tuple[int, int]:
    """(text lines, shapes) a scene draws on its current page, read from its layout; scenes not yet
    drawn from a screen count as their buttons."""
    laid_out = getattr(scene, "laid_out", None)
    if laid_out is None:
        return 3 * len(scene.buttons), len(scene.buttons)
    _, layout = laid_out()
    boxes = layout.boxes(getattr(scene, "page", 0))
    lines = sum(len(b.lines) + sum(len(cell_lines) for _, cell_lines in b.cells) for b in boxes)
    shapes = sum(1 for b in boxes if b.item.kind in ("panel", "button", "choice", "portrait", "chart", "map"))
    return lines, shapes


def floor_frames(lines: int, shapes: int, frames: int) -> dict[str, float]:
    """The floor: a bare pygame-ce frame at 1920x1080 that fills the screen, blits `lines` lines of
    text rendered once (as the game caches its text) and draws `shapes` rounded panels, then presents."""
    import statistics
    from .text import Text
    screen = pygame.display.set_mode((1920, 1080))
    text = Text()
    images = [text.render(f"A line of text on the screen, number {i}", 26, (240, 240, 240)) for i in range(lines)]
    samples = []
    for _ in range(frames):
        start = time.perf_counter()
        screen.fill((16, 27, 42))
        for i in range(shapes):
            pygame.draw.rect(screen, (29, 45, 66), (40 + (i * 97) % 1700, 40 + (i * 53) % 900, 180, 90),
                             border_radius=14)
        for i, image in enumerate(images):
            screen.blit(image, (60 + (i // 30) * 620, 60 + (i % 30) * 33))
        pygame.display.flip()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"lines": lines, "shapes": shapes, "p50_ms": round(statistics.median(samples), 3),
            "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3)}


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "first-frame":
        first_frame()
    elif mode == "idle":
        idle_cpu(float(sys.argv[2]))
