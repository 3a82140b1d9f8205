"""The record (what the player's choices did, a decision code, prompts to discuss) and the sandbox,
both drawn from their screens (game.story.views.record, game.story.views.sandbox)."""
from __future__ import annotations

from typing import Callable, Iterator

from game.story.numbers import for_language
from game.story.run import Prediction
from game.story.screen import Screen
from game.story.views.predict import prediction_panel
from game.story.views.choose import offered
from game.story.views.kiosk import kiosk_record_screen
from game.story.views.record import RECORD_FIGURES, decision_code, how_we_know, policy_of, record_screen
from game.story.views.sandbox import next_option, sandbox_screen

from ..scene import Context
from ..screens import ScreenScene
from . import registry
from .record import painters as crossing_painters

__all__ = ["RECORD_FIGURES", "RecordScene", "SandboxScene"]


class _BoardScreen(ScreenScene):
    """A screen of the board's decisions. The screen is built again only when the decisions, the
    travellers met or the language change; when it changes under the scene (the sandbox or the lab
    above it changed a decision), the controls are laid out again before the next input."""

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.world = ctx.world
        self.board = ctx.run.board_state(self.world)
        self._controls_for: object = None

    def code(self) -> str:
        return decision_code(self.world, self.board, self.check())

    def check(self) -> dict[str, dict[str, int]] | None:
        """The class check's answers on the class path, when the content has a check; else None."""
        run = self.ctx.run
        return run.check if run.path == "class" and self.ctx.content.class_check else None

    def policy(self):
        return policy_of(self.world, self.board)

    def state_key(self) -> tuple:
        return (self.code(),)

    def build(self) -> Screen:
        raise NotImplementedError

    def screen(self) -> Screen:
        return self.memo(self.state_key(), self.build)

    def numbers(self):
        return for_language(self.ctx.content, self.ctx.run.prefs.language)

    def painters(self):
        """The travellers' timelines."""
        return crossing_painters(self.ctx)

    def layout(self) -> None:
        super().layout()
        self._controls_for = self.laid_out()[1]

    def update(self, dt: float) -> bool:
        if self.laid_out()[1] is not self._controls_for:
            self.refresh()
        return super().update(dt)


class RecordScene(_BoardScreen):
    """The end screen: the code, the player's policy and its consequences, the travellers met, the
    groups, prompts to discuss; from here the sandbox, the sources, or back to the start."""

    name = "record"

    def state_key(self) -> tuple:
        run = self.ctx.run
        return (*super().state_key(), tuple(run.met), tuple(run.predictions), run.path, tuple(run.checked))

    def build(self) -> Screen:
        if self.ctx.run.path == "kiosk":  # a visitor's two answers, compact; no code, no class prompts
            return kiosk_record_screen(self.world, self.board, list(self.ctx.run.met), self.numbers())
        guesses = prediction_panel(self.ctx.run, self.numbers())
        return record_screen(self.world, self.board, list(self.ctx.run.met), self.numbers(), guesses, self.check(),
                             "after" in self.ctx.run.checked)

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"sandbox": self.sandbox, "info": self.show_facts, "sources": self.sources, "title": self.to_title,
                "check_after": self.check_after}

    def check_after(self) -> None:
        self.ctx.stack.push(registry.make_scene("check", self.ctx, when="after"))

    def states(self) -> Iterator[str]:
        run, board = self.ctx.run, self.board
        saved = (dict(board.decisions), board.threshold_score, list(run.met), list(run.predictions), run.path)
        try:
            run.path = "kiosk"
            for traveller in offered(self.world.content, "kiosk"):
                run.met[:] = [traveller]
                yield f"the kiosk path, as {traveller}"
            run.path, run.met[:] = saved[4], saved[2]
            yield "today's policy, no traveller met"
            for qid, question in self.world.content.questions.items():
                board.decisions[qid] = len(question.options) - 1
                if question.algorithm:
                    board.decisions[f"{qid}.algorithm"] = len(question.algorithm) - 1
            board.threshold_score = 4.35
            run.met[:] = list(self.world.content.travellers)[:3]
            yield "every answer changed, a dragged threshold, three travellers met"
            run.met[:] = list(self.world.content.travellers)
            yield "every traveller met"
            run.predictions[:] = [Prediction(t, kind, self.world.content.travellers[t].name, guess, actual)
                                  for t in run.met[:3] for kind in ("capture", "score")
                                  for guess, actual in ((True, True), (False, True))]
            yield "every traveller met, twelve guesses"
        finally:
            run.predictions[:] = saved[3]
            board.decisions.clear()
            board.decisions.update(saved[0])
            board.threshold_score = saved[1]
            run.met[:] = saved[2]
            run.path = saved[4]

    def sandbox(self) -> None:
        self.ctx.stack.push(registry.make_scene("sandbox", self.ctx))

    def show_facts(self) -> None:
        facts, assumed = how_we_know(self.world)
        self.ctx.stack.push(registry.make_scene("source", self.ctx, facts=facts, assumptions=assumed))

    def sources(self) -> None:
        self.ctx.stack.push(registry.make_scene("sources", self.ctx))

    def to_title(self) -> None:
        game = self.ctx.services.get("game")
        if game is not None:
            game.reset()
        else:
            self.ctx.stack.reset(registry.make_scene("title", self.ctx))

    def back(self) -> None:
        self.sandbox()


class SandboxScene(_BoardScreen):
    """Every decision on one screen: each choice steps through its options; the consequences follow."""

    name = "sandbox"

    def build(self) -> Screen:
        return sandbox_screen(self.world, self.board, self.numbers())

    def actions(self) -> dict[str, Callable[[], None]]:
        cycles = {qid: self._cycler(qid) for qid in self.world.content.questions}
        return {**cycles, "record": self.back, "lab": self.lab}

    def states(self) -> Iterator[str]:
        board = self.board
        saved = (dict(board.decisions), board.threshold_score)
        try:
            yield "today's policy"
            for qid, question in self.world.content.questions.items():
                for option in range(len(question.options)):
                    board.decisions[qid] = option
                    yield f"{qid}: option {option + 1}"
            for qid, question in self.world.content.questions.items():
                if question.algorithm:
                    board.decisions[f"{qid}.algorithm"] = len(question.algorithm) - 1
            board.threshold_score = 4.35
            yield "every last answer, a dragged threshold"
        finally:
            board.decisions.clear()
            board.decisions.update(saved[0])
            board.threshold_score = saved[1]

    def _cycler(self, qid: str) -> Callable[[], None]:
        def cycle() -> None:
            next_option(self.world, self.board, qid)
            self.refresh()
        return cycle

    def lab(self) -> None:
        self.ctx.stack.push(registry.make_scene("lab", self.ctx, standalone=True))
