"""Session-wide fixtures: the real spaCy model, the real dictionaries, the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import Pipeline, Settings
from dateline.model import Article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The developers' gold splits live beside the clone (CI lays shared/ next to it).
SHARED = ROOT.parent / "shared" / "data"
SEED = SHARED / "seed" / "000_0606c9bc127a92b0.txt"
SEED_DATE = "2006-05-23"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    cache = tmp_path_factory.mktemp("cache")
    return Settings.from_env(cache_dir=str(cache))


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    p = Pipeline(settings)
    p.warm_up()
    return p


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    return pipeline.nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(pipeline: Pipeline, seed_text: str) -> Article:
    """The seed article, extracted with the document date of EXPECTED.md."""
    return pipeline.extract(seed_text, date=SEED_DATE, name=str(SEED))
