"""`face-value screenshot SCENE --out FILE.png`: render one registered scene headless."""
from __future__ import annotations

import argparse
import sys

from game.content import Content


def run(content: Content, args: argparse.Namespace) -> int:
    from game.ui.runtime import REGISTRY, Game, init_pygame, shutdown
    if args.scene not in REGISTRY:
        print(f"unknown scene {args.scene!r}; registered scenes: {', '.join(sorted(REGISTRY))}", file=sys.stderr)
        return 2
    options = {"traveller": args.traveller} if args.traveller else {}
    init_pygame(headless=True)
    try:
        game = Game(content, seed=args.seed, lang=args.lang, size=args.size, start=args.scene, **options)
        if args.text_size:  # as if the player had chosen it in the settings
            from game.story.prefs import SPECS
            ctx = game.ctx
            ctx.run.prefs = ctx.run.prefs.set("text_scale", SPECS["text_scale"].choices[args.text_size])
            ctx.apply_prefs()
            game.scene.layout()
        game.step()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        game.save_screenshot(args.out)
    finally:
        shutdown()
    print(f"wrote {args.out} ({args.size[0]}x{args.size[1]}, scene {args.scene})")
    return 0
