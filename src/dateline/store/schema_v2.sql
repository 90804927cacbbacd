-- dateline store, schema version 2 (issue 9): an article is its text, found at one or more
-- URLs; each fact is held once. The `dateline extract --format json` object of an article
-- is rebuilt from these tables (store/rows.py). A span's `text` column is NULL when it is
-- the article's text at [start, end), as it always is today.
--
-- Version 1 kept the whole output JSON of each article beside the columns (`doc`). Its
-- mentions and events are dropped here; its articles wait in v1_articles until the store
-- moves them into these tables, one article per transaction (migrations.py), then drops it.
DROP TABLE events;
DROP TABLE mentions;
ALTER TABLE articles RENAME TO v1_articles;

-- Gazetteer entries as the places, event places and datelines name them.
CREATE TABLE locations (
    key INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    feature_class TEXT,
    feature_code TEXT,
    admin1 TEXT,
    admin2 TEXT,
    area INTEGER                 -- 1: an area, 0: a point; NULL for event places, datelines
);
CREATE INDEX locations_lookup ON locations(geonameid, name);

-- Actors as the dictionaries resolve them (a code, the entry's name, country, agents, dates).
CREATE TABLE actors (
    key INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    agents TEXT,                 -- JSON list of agent codes, NULL when none
    valid_from TEXT,
    valid_until TEXT
);
CREATE INDEX actors_code ON actors(code);

-- The dictionary patterns events were coded by.
CREATE TABLE patterns (
    key INTEGER PRIMARY KEY,
    pattern TEXT NOT NULL
);
CREATE INDEX patterns_lookup ON patterns(pattern);

CREATE TABLE articles (
    key INTEGER PRIMARY KEY,     -- the row the tables below refer to
    id TEXT NOT NULL UNIQUE,     -- hash of the normalised text (model.make_article_id)
    outlet TEXT,
    title TEXT,
    published TEXT,
    published_precision TEXT,
    published_source TEXT,
    dateline INTEGER REFERENCES locations(key),
    dateline_start INTEGER,
    dateline_end INTEGER,
    language TEXT,
    source_path TEXT,            -- where the text was first read
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL,
    input_offsets TEXT,          -- JSON runs [text start, input start, length]; plain text only
    warnings TEXT                -- JSON list of the article's warnings ([W001] ...); NULL: none
);

-- Where each text was found: its URLs and JSONL record ids, in the order found. A changed
-- text at a known URL (or record id) is a new article; its row here names the article it
-- replaces at that URL (`previous`), and only the latest text at a URL is `newest`.
CREATE TABLE article_sources (
    kind TEXT NOT NULL CHECK (kind IN ('url', 'record')),
    locator TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    previous INTEGER REFERENCES articles(key) ON DELETE SET NULL,
    newest INTEGER NOT NULL DEFAULT 1 CHECK (newest IN (0, 1)),
    seen_at TEXT NOT NULL,
    UNIQUE (kind, locator, article)
);
CREATE INDEX article_sources_article ON article_sources(article);

CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    label TEXT NOT NULL,
    actor INTEGER REFERENCES actors(key),
    via TEXT,                    -- how the actor was found; NULL: "dictionary"
    inferred TEXT,               -- how its country was inferred; NULL: read from its words
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions(actor) WHERE actor IS NOT NULL;

CREATE TABLE places (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    location INTEGER NOT NULL REFERENCES locations(key),
    kind TEXT,                   -- name, demonym or in_name (a place inside a name)
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    value TEXT,
    precision TEXT NOT NULL,
    type TEXT NOT NULL,
    anchor TEXT,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    idx INTEGER NOT NULL,        -- order in the article
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    kind TEXT NOT NULL,
    cue_start INTEGER,           -- NULL: no cue
    cue_end INTEGER,
    cue_text TEXT,
    speaker_start INTEGER,       -- NULL: no speaker
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker_anonymous INTEGER,
    speaker_description TEXT,
    speaker_actor INTEGER REFERENCES actors(key),
    parts TEXT,                  -- JSON [[start, end], ...] of further content spans
    PRIMARY KEY (article, id)
) WITHOUT ROWID;

CREATE TABLE events (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    idx INTEGER NOT NULL,        -- order in the article
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT,
    source_code TEXT,            -- NULL: no source
    source_start INTEGER,
    source_end INTEGER,
    source_text TEXT,
    target_code TEXT,            -- NULL: no target
    target_start INTEGER,
    target_end INTEGER,
    target_text TEXT,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER,
    goldstein REAL,
    plover_type TEXT,
    plover_mode TEXT,
    date_value TEXT,             -- NULL: no date
    date_precision TEXT,
    date_source TEXT,
    date_start INTEGER,
    date_end INTEGER,
    date_text TEXT,              -- with no date_start, the text as given (NULL: none)
    place INTEGER REFERENCES locations(key),  -- NULL: no place
    place_source TEXT,
    place_start INTEGER,
    place_end INTEGER,
    reported_by TEXT,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    coder TEXT NOT NULL,
    confidence REAL NOT NULL,
    pattern INTEGER REFERENCES patterns(key),
    rules TEXT,                  -- JSON list of the rules that shaped it; NULL: none
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_date ON events(date_value);
