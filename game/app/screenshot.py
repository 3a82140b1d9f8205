"""`face-value screenshot SCENE --out FILE.png`: render one registered scene headless.

Every mistake in the arguments (a scene that does not exist, a traveller it does not know or does
not take, a file that cannot be written) is one line and exit status 2, found before drawing
where it can be.
"""
from __future__ import annotations

import argparse
import inspect
import shutil
import tempfile
from pathlib import Path

from game.content import Content
from game.content.errors import one_of
from .args import fail

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tga"}  # what pygame writes; anything else gets PNG


def run(content: Content, args: argparse.Namespace) -> int:
    from game.ui.runtime import REGISTRY, Game, init_pygame, scene_class, shutdown
    if args.scene not in REGISTRY:
        return fail(f"unknown scene {args.scene!r}; registered scenes: {', '.join(sorted(REGISTRY))}")
    options = {}
    if args.traveller is not None:
        problem = _traveller_problem(content, args.scene, args.traveller, REGISTRY, scene_class)
        if problem:
            return fail(problem)
        options["traveller"] = args.traveller
    out: Path = args.out
    if out.is_dir():
        return fail(f"--out {out}: is a folder; give a file name, e.g. {out / (args.scene + '.png')}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return fail(f"--out {out}: {out.parent} is a file, not a folder")
    except OSError as exc:
        return fail(f"--out {out}: cannot make the folder {out.parent}: {_reason(exc)}")
    init_pygame(headless=True)
    try:
        with tempfile.TemporaryDirectory(prefix="face-value-") as folder:
            suffix = out.suffix.lower() if out.suffix.lower() in IMAGE_SUFFIXES else ".png"
            rendered = Path(folder) / f"shot{suffix}"
            game = Game(content, seed=args.seed, lang=args.lang, size=args.size, start=args.scene, **options)
            if args.text_size:  # as if the player had chosen it in the settings
                from game.story.prefs import SPECS
                ctx = game.ctx
                ctx.run.prefs = ctx.run.prefs.set("text_scale", SPECS["text_scale"].choices[args.text_size])
                ctx.apply_prefs()
                game.scene.layout()
            game.step()
            game.save_screenshot(rendered)
            try:  # copied, not moved: --out may be a device or a pipe, and a failed write is reported
                with rendered.open("rb") as source, out.open("wb") as target:
                    shutil.copyfileobj(source, target)
            except OSError as exc:
                return fail(f"--out {out}: cannot write: {_reason(exc)}")
    finally:
        shutdown()
    print(f"wrote {out} ({args.size[0]}x{args.size[1]}, scene {args.scene})")
    return 0


def _traveller_problem(content: Content, scene: str, traveller: str, registry, scene_class) -> str | None:
    def takes_traveller(name: str) -> bool:
        return "traveller" in inspect.signature(scene_class(name)).parameters

    def hint(name: str) -> bool:  # only for the list in the message: a scene that fails to load is left out
        try:
            return takes_traveller(name)
        except Exception:  # noqa: BLE001
            return False

    if not takes_traveller(scene):
        takers = [name for name in sorted(registry) if hint(name)]
        return f"--traveller: scene {scene!r} is not about one traveller; scenes that are: {', '.join(takers)}"
    if traveller not in content.travellers:
        return f"--traveller: unknown traveller id; {one_of(content.travellers, traveller)}"
    return None


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__
