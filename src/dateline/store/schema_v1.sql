-- dateline store, schema version 1 (frozen: stores written before 2026-12; see migrations.py).
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    published_precision TEXT,
    published_source TEXT,
    dateline TEXT,
    language TEXT,
    source_path TEXT,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL,
    doc TEXT NOT NULL            -- the whole OUTPUT.md object, as JSON
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT,
    actor_code TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_code);

CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_text TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER,
    source_code TEXT,
    source_text TEXT,
    source_start INTEGER,
    source_end INTEGER,
    target_code TEXT,
    target_text TEXT,
    target_start INTEGER,
    target_end INTEGER,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER,
    goldstein REAL,
    plover_type TEXT,
    plover_mode TEXT,
    date_value TEXT,
    date_precision TEXT,
    date_source TEXT,
    place_name TEXT,
    place_country TEXT,
    place_lat REAL,
    place_lon REAL,
    reported_by TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    coder TEXT,
    event TEXT NOT NULL,         -- the event's JSON object
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code);
CREATE INDEX IF NOT EXISTS events_date ON events(date_value);
