"""Travellers are people: choosing one meets them before the lane, by every device; their faces react
(each mood draws differently, even at 64 pixels); their records are drawn on a timeline."""
from __future__ import annotations

import pygame
import pytest

from game.ui import draw

from .driver import DEVICES, Driver


@pytest.mark.parametrize("device", DEVICES)
def test_choosing_a_traveller_meets_them_before_the_lane(game, content, device):
    driver = Driver(game, device)
    driver.press("start")
    traveller = list(content.travellers)[2]
    driver.press(traveller)
    assert driver.scene.name == "meet" and driver.scene.traveller == traveller
    assert game.ctx.run.met == [traveller]
    driver.press("start")
    assert driver.scene.name == "lane" and driver.scene.traveller.id == traveller
    driver.press("back")
    assert driver.scene.name == "choose", "leaving the lane goes back to the choice, not to the introduction"


def test_back_from_meeting_returns_to_the_choice(game, content):
    driver = Driver(game, "keyboard")
    driver.press("start")
    driver.press(next(iter(content.travellers)))
    driver.press("back")
    assert driver.scene.name == "choose"


def test_each_mood_reads_differently_at_64_pixels(game, content):
    for traveller in content.travellers.values():
        images = []
        for mood in draw.MOODS:
            surface = pygame.Surface((64, 64))
            surface.fill((0, 0, 0))
            draw.face(surface, surface.get_rect(), traveller.face, traveller.behaviour, mood=mood)
            images.append(pygame.image.tobytes(surface, "RGB"))
        assert len(set(images)) == len(draw.MOODS), traveller.id


def test_the_timeline_paints_inside_its_boxes(game, content):
    """The outcome's timeline is painted: its bars and axis leave marks inside their rectangles."""
    from game.ui.scenes import make_scene
    game.stack.reset(make_scene("outcome", game.ctx, traveller="resident"))
    game.step()
    scene = game.scene
    _, laid = scene.laid_out()
    boxes = [b for b in laid.boxes(scene.page) if b.item.kind == "chart"
             and b.item.data.get("painter", "").startswith("timeline")]
    assert len(boxes) == 1 + len(scene.crossing.records)
    surface = pygame.Surface((1920, 1080))
    scene.draw(surface)
    for box in boxes:
        colours = {tuple(surface.get_at((x, y))) for x in range(box.rect.left, box.rect.right, 5)
                   for y in range(box.rect.top, box.rect.bottom, 3)}
        assert len(colours) > 3, f"nothing drawn in {box.item.data['painter']}"
