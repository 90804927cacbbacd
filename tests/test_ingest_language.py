"""Language detection: non-English text is stored with its language and not coded."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from dateline import Pipeline
from dateline.cli.main import app
from dateline.ingest import read_file, read_input
from dateline.ingest.language import detect_language, reads_as_english
from dateline.settings import Settings
from dateline.store import Store

# News paragraphs written for these tests.
ARABIC = (
    "قال وزير الخارجية يوم الاثنين إن المحادثات مع ممثلي المعارضة ستستأنف في جنيف الأسبوع "
    "المقبل، وأضاف أن الحكومة مستعدة لبحث وقف إطلاق النار وتبادل الأسرى. وأكد مسؤولون في "
    "الأمم المتحدة أن الوفدين وافقا على جدول الأعمال بعد أسابيع من الخلافات حول تمثيل الفصائل."
)
SPANISH = (
    "El ministro de Asuntos Exteriores anunció el lunes que las conversaciones con los "
    "representantes de la oposición se reanudarán en Ginebra la próxima semana. Según fuentes "
    "oficiales, el gobierno está dispuesto a discutir un alto el fuego y el intercambio de "
    "prisioneros, mientras las Naciones Unidas confirmaron que ambas delegaciones aceptaron "
    "la agenda tras semanas de desacuerdo."
)
FRENCH = (
    "Le ministre des Affaires étrangères a déclaré lundi que les négociations avec les "
    "représentants de l'opposition reprendront à Genève la semaine prochaine. Selon des "
    "sources officielles, le gouvernement est prêt à discuter d'un cessez-le-feu et d'un "
    "échange de prisonniers, tandis que les Nations unies ont confirmé que les deux "
    "délégations avaient accepté l'ordre du jour après des semaines de désaccord."
)
ENGLISH = (
    "WASHINGTON — The United States accused Iran on Monday of supporting militants in Iraq, "
    "and the State Department said talks with Tehran would not resume until the attacks "
    "stopped. Officials in Baghdad said the government would send a delegation to Geneva."
)


@pytest.mark.parametrize(("text", "code"), [(ARABIC, "ar"), (SPANISH, "es"), (FRENCH, "fr")])
def test_arabic_spanish_and_french_news_get_their_language(
    settings: Settings, text: str, code: str
) -> None:
    assert read_input(text, settings=settings).language == code
    html = f"<html><head><title>Noticias</title></head><body><article><p>{text}</p><p>{text}</p>"
    assert read_input(html + "</article></body></html>", settings=settings).language == code


def test_the_english_examples_stay_english(settings: Settings) -> None:
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.html"))
    assert len(paths) >= 6
    for path in paths:
        (article,) = read_file(path, settings=settings)
        assert article.language == "en", path


def test_short_texts_are_taken_as_english_whatever_they_look_like(settings: Settings) -> None:
    for text in ("Hola, ¿qué tal? Nos vemos mañana.", "Obama in Paris", "Talks resume."):
        assert detect_language(text, settings) == "en"


def test_ambiguous_texts_are_taken_as_english(settings: Settings) -> None:
    names = "Nouri al-Maliki, Jalal Talabani, Mahmoud Abbas, Ismail Haniyeh, Ehud Olmert. " * 4
    scores = "Palm Bay d. Rockledge 70-44; Melbourne 61, Eau Gallie 58; Viera 55-52 OT. " * 4
    for text in (names, scores, "2006-05-23 14:00 UTC +3 -- 1,250 / 3,400 (37%) " * 10):
        assert detect_language(text, settings) == "en"


def test_mixed_text_mostly_in_english_is_english(settings: Settings) -> None:
    mixed = ENGLISH + " The minister told reporters: « Nous ne négocierons pas. » " + ENGLISH
    assert detect_language(mixed, settings) == "en"
    assert reads_as_english(ENGLISH)
    assert not reads_as_english(FRENCH) and not reads_as_english(SPANISH)


def test_detection_can_be_turned_off(settings: Settings) -> None:
    assert detect_language(SPANISH, settings.replace(detect_language=False)) == "en"


def test_a_text_in_another_language_is_not_parsed_or_coded(pipeline: Pipeline) -> None:
    article = pipeline.extract(SPANISH)
    assert article.language == "es"
    assert article.events == [] and article.mentions == [] and article.times == []
    english = pipeline.extract(ENGLISH)
    assert english.language == "en" and english.events


def test_ingest_stores_other_languages_uncoded_and_counts_them_in_the_summary(
    settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("ar.txt", ARABIC), ("es.txt", SPANISH), ("fr.txt", FRENCH)):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "lang.db"
    runner = CliRunner(env={"DATELINE_CACHE_DIR": settings.cache_dir, "COLUMNS": "200"})
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--date", "2008-01-01"])
    assert result.exit_code == 0, result.output
    assert "4 stored (3 not coded: language)" in result.stdout
    with Store(db) as store:
        ids = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
        stored = {a["article"]["language"]: a for a in map(store.article, ids) if a}
    assert sorted(stored) == ["ar", "en", "es", "fr"]
    assert stored["en"]["events"]
    for code in ("ar", "es", "fr"):
        assert stored[code]["events"] == [] and stored[code]["mentions"] == []
