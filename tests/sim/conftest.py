"""Fixtures for the model tests: the model's content (see partial_content), the model, today's policy."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("partial_content", Path(__file__).with_name("partial_content.py"))
partial_content = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(partial_content)
load_model_content = partial_content.load_model_content


@pytest.fixture(scope="session")
def model_content():
    return load_model_content()


@pytest.fixture(scope="session")
def model(model_content):
    from game.sim import Model
    return Model.from_content(model_content)


@pytest.fixture(scope="session")
def today(model):
    from game.sim import Policy
    return Policy.default(model)
