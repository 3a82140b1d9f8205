"""Capture: the chance of a usable face image for one occupant.

Each cause (the seat's view of the camera, the light or weather, a behaviour) on its own leaves
no image with one chance and an image that fails validation with another; causes act
independently, so the chance of an image is the product of their pass chances, and so is the
chance of meeting quality once there is an image.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from .model import PERSON, Model

LANE_PLACEMENT = {"vehicle": "windshield", "outbound": "windshield", "pedestrian": "in_motion",
                  "street": "phone", "search": "phone"}


@dataclass(frozen=True)
class CaptureCause:
    """One thing in the way: `kind` is seat, condition or behaviour; `key` its id."""

    kind: str
    key: str
    no_image: float
    poor_quality: float

    @property
    def text(self) -> str:
        return f"model.cause.{self.kind}.{self.key}"


@dataclass(frozen=True)
class CaptureChance:
    """P(an image at all), P(it meets validation | image), with the causes for display."""

    placement: str
    image: float
    quality: float
    quality_level: str
    causes: tuple[CaptureCause, ...]

    @property
    def usable(self) -> float:
        return self.image * self.quality

    @property
    def failure(self) -> float:
        return 1.0 - self.usable


def placement_for(lane: str, placement: str | None = None) -> str:
    return placement or LANE_PLACEMENT[lane]


def occupant_capture(model: Model, seat: str | None, lane: str, conditions: str,
                     behaviour: Iterable[str] = (), placement: str | None = None) -> CaptureChance:
    """The capture chances for one person; `placement` defaults to the lane's camera."""
    place = placement_for(lane, placement)
    tables = model.placements[place]
    seat_key = seat if (seat is not None and place in ("windshield", "booth")) else PERSON
    if seat_key not in tables.no_image_seat:
        raise ValueError(f"placement {place!r} has no seat {seat_key!r}")
    causes = [CaptureCause("seat", seat_key, tables.no_image_seat[seat_key], tables.poor_seat[seat_key]),
              CaptureCause("condition", conditions, tables.no_image_condition[conditions],
                           tables.poor_condition[conditions])]
    for b in dict.fromkeys(behaviour):
        causes.append(CaptureCause("behaviour", b, model.no_image_behaviour[b], model.poor_behaviour[b]))
    image = quality = 1.0
    for c in causes:
        image *= 1.0 - c.no_image
        quality *= 1.0 - c.poor_quality
    return CaptureChance(place, image, quality, tables.quality_level[conditions], tuple(causes))


def usable_chance(model: Model, place: str, seat_key: str, condition: str, behaviour: str | None) -> float:
    """Fast path for the year: one behaviour at most, no cause breakdown."""
    t = model.placements[place]
    img = (1.0 - t.no_image_seat[seat_key]) * (1.0 - t.no_image_condition[condition])
    q = (1.0 - t.poor_seat[seat_key]) * (1.0 - t.poor_condition[condition])
    if behaviour is not None:
        img *= 1.0 - model.no_image_behaviour[behaviour]
        q *= 1.0 - model.poor_behaviour[behaviour]
    return img * q


def image_chance(model: Model, place: str, seat_key: str, condition: str, behaviour: str | None) -> float:
    t = model.placements[place]
    img = (1.0 - t.no_image_seat[seat_key]) * (1.0 - t.no_image_condition[condition])
    if behaviour is not None:
        img *= 1.0 - model.no_image_behaviour[behaviour]
    return img


def reference_mix_capture(model: Model, placement: str = "windshield") -> dict[str, float]:
    """On the reference traffic mix: share of vehicles with every occupant imaged, and of those
    with every image meeting quality (the Anzalduas test's two figures), and their product."""
    all_img = all_ok = 0.0
    for k, pk in model.occupancy.items():
        for c, pc in model.condition_share.items():
            prod_img = prod_ok = 1.0
            for s in model.seat_order[:k]:
                e_img = e_ok = 0.0
                for beh, w in _occupant_behaviours(model, s):
                    e_img += w * image_chance(model, placement, s, c, beh)
                    e_ok += w * usable_chance(model, placement, s, c, beh)
                prod_img *= e_img
                prod_ok *= e_ok
            all_img += pk * pc * prod_img
            all_ok += pk * pc * prod_ok
    return {"all_captured": all_img, "meets_quality": all_ok / all_img if all_img else math.nan, "together": all_ok}


def _occupant_behaviours(model: Model, seat: str) -> list[tuple[str | None, float]]:
    """(behaviour, share) for someone in `seat`: children show child height, adults the mix."""
    child = model.child_share[seat]
    out = [(None if b == "none" else b, (1.0 - child) * w) for b, w in model.behaviour_share.items()]
    if child:
        out.append(("child_height", child))
    return out
