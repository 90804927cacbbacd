"""Session-wide fixtures: the real spaCy model, the real dictionaries, the real data.

Every test reads data inside the repository (``examples/``, ``tests/fixtures/``) except the
ones marked ``gold``, which score the developers' gold splits in ``../shared/data``. Without
that folder they are skipped with one reason (``GOLD_MISSING``); with
``DATELINE_REQUIRE_GOLD=1`` (``.ci/run`` sets it when the folder is there) a missing folder
fails them instead, so CI cannot pass by skipping a gate.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline import Pipeline, Settings
from dateline.model import Article

# ``pytester`` runs the gold skip rule of this file in a folder with no ../shared beside it.
pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The developers' gold splits live beside the clone (CI lays shared/ next to it).
SHARED = ROOT.parent / "shared" / "data"
GOLD_MISSING = "gold splits not found at ../shared/data (CI lays them beside the clone)"
# The seed article ships in examples/ (examples/README.md gives its source).
SEED = EXAMPLES / "000_0606c9bc127a92b0.txt"
SEED_DATE = "2006-05-23"


def gold_required() -> bool:
    """True when a missing ``../shared/data`` must fail the gold tests (CI)."""
    return os.environ.get("DATELINE_REQUIRE_GOLD", "") == "1"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip (or, under ``DATELINE_REQUIRE_GOLD=1``, fail) a ``gold`` test without the data."""
    if item.get_closest_marker("gold") is None or SHARED.is_dir():
        return
    if gold_required():
        pytest.fail(f"DATELINE_REQUIRE_GOLD=1 but {GOLD_MISSING}", pytrace=False)
    pytest.skip(GOLD_MISSING)


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


def as_extracted(event: dict) -> dict:  # type: ignore[type-arg]
    """An event as the store lists it, without what the listing adds to the object
    ``dateline extract`` gives (its article, its cluster, its sentence's text)."""
    out = {k: v for k, v in event.items() if k not in ("article", "cluster")}
    out["sentence"] = {k: v for k, v in event["sentence"].items() if k != "text"}
    return out


@pytest.fixture(scope="session")
def examples_db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with examples/ ingested as ``make demo`` does (``--date`` for undated files).
    Shared by the session: a test that writes copies it first."""
    from dateline.jobs import ingest
    from dateline.store import Store

    db = tmp_path_factory.mktemp("examples_db") / "examples.db"
    with Store(db) as store:
        report = ingest([EXAMPLES], store, pipeline, default_date=SEED_DATE)
        assert report.failures == [], report.failures
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db
