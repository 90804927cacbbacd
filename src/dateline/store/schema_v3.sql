-- dateline store, schema version 3 (issue 13): full-text search, the days each date covers,
-- clusters of the events that report the same act, each event's dictionary entries and each
-- speaker's name.
--
-- The UPDATE statements below call dateline_first_day() and dateline_last_day(), SQL
-- functions the Store registers on its connection before it migrates (store.py): they fill
-- the day columns of the rows an earlier version wrote. The clusters of those events are
-- made by the Store once the script has run (clusters.py), one article per transaction.

-- Full-text search over titles and texts. The index refers to `articles` for the text
-- (external content), so the text is still held once; triggers keep the index in step.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='key',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.key, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.key, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;

-- Full-text search over quotations. A quotation's words are a span of its article's text,
-- so this index keeps no text of its own (contentless); its rowid packs the quotation's
-- article key and order, (article << 20) + idx (rows.quote_fts_rowid): an article holds
-- fewer than 2^20 quotations, as its text is under max_article_chars (the insert trigger
-- refuses more). A row is removed with the words it was indexed with, read from the
-- article's text before the article goes (articles_delete_quotes).
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts(rowid, text)
    SELECT (q.article << 20) + q.idx, COALESCE(q.text, substr(a.text, q.start + 1, q."end" - q.start))
    FROM quotes q JOIN articles a ON a.key = q.article;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    SELECT RAISE(ABORT, '[E045] an article holds at most 1048575 quotations')
        WHERE new.idx >= 1048576;
    INSERT INTO quotes_fts(rowid, text) VALUES (
        (new.article << 20) + new.idx,
        COALESCE(new.text, (SELECT substr(text, new.start + 1, new."end" - new.start)
                            FROM articles WHERE key = new.article)));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES (
        'delete',
        (old.article << 20) + old.idx,
        COALESCE(old.text, (SELECT substr(text, old.start + 1, old."end" - old.start)
                            FROM articles WHERE key = old.article)));
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES (
        'delete',
        (old.article << 20) + old.idx,
        COALESCE(old.text, (SELECT substr(text, old.start + 1, old."end" - old.start)
                            FROM articles WHERE key = old.article)));
    INSERT INTO quotes_fts(rowid, text) VALUES (
        (new.article << 20) + new.idx,
        COALESCE(new.text, (SELECT substr(text, new.start + 1, new."end" - new.start)
                            FROM articles WHERE key = new.article)));
END;
CREATE TRIGGER articles_delete_quotes BEFORE DELETE ON articles BEGIN
    DELETE FROM quotes WHERE article = old.key;
END;

-- The days a publication date covers (ISO dates; NULL when it names no calendar period:
-- dates.calendar_range), so date filters compare indexed columns.
ALTER TABLE articles ADD COLUMN published_first_day TEXT;
ALTER TABLE articles ADD COLUMN published_last_day TEXT;
UPDATE articles SET published_first_day = dateline_first_day(published),
                    published_last_day = dateline_last_day(published);
CREATE INDEX articles_published ON articles(published_first_day, published_last_day);
CREATE INDEX articles_outlet ON articles(outlet);

-- The same act reported by several articles (clusters.py): the events with the same source
-- and target at country and agent level, the same CAMEO root, the same flags, places in the
-- same country and dates within a day of the cluster's first. `date` is that first event's
-- date value, `first_day`/`last_day` the days it covers (a day cluster when they are equal).
-- The counts are of all its events: `mentions` events, `articles` distinct articles,
-- `outlets` distinct outlets (an article with no outlet counts as one of its own).
CREATE TABLE clusters (
    key INTEGER PRIMARY KEY,
    source TEXT NOT NULL,        -- the source at country and agent level; '---': none
    target TEXT NOT NULL,        -- likewise the target's
    root TEXT NOT NULL,
    country TEXT,                -- the places' country (ISO 3166 alpha-2); NULL: no place
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    date TEXT,                   -- NULL: no calendar date (the cluster holds one event)
    first_day TEXT,
    last_day TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_act ON clusters(root, source, target, first_day);

-- The days an event's date covers (its article's publication date's when it has none), and
-- its cluster (NULL only until the Store has clustered the events an earlier version wrote).
ALTER TABLE events ADD COLUMN first_day TEXT;
ALTER TABLE events ADD COLUMN last_day TEXT;
ALTER TABLE events ADD COLUMN cluster INTEGER REFERENCES clusters(key);
-- The dictionary entries behind an event (its verb's entry, its pattern, its actors'), as a
-- JSON list; NULL: none (and for the events an earlier version wrote).
ALTER TABLE events ADD COLUMN entries TEXT;
-- Who a quotation's speaker phrase refers to ("he" -> "Zalmay Khalilzad"); NULL: unnamed.
ALTER TABLE quotes ADD COLUMN speaker_name TEXT;
UPDATE events SET
    first_day = dateline_first_day(
        COALESCE(date_value, (SELECT published FROM articles WHERE key = events.article))),
    last_day = dateline_last_day(
        COALESCE(date_value, (SELECT published FROM articles WHERE key = events.article)));
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX places_location ON places(location);

-- The event filters' indexes (queries.py). Each leads with one filter and holds the columns
-- the others test and the order of a list (article, idx), so a filter's rows are counted and
-- a page of them found without reading the table (a WITHOUT ROWID table's index holds its
-- primary key too). Version 2's single-column indexes give way to them.
DROP INDEX events_cameo;
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_date;
CREATE INDEX events_source
    ON events(source_code, target_code, cameo, first_day, last_day, confidence, idx);
CREATE INDEX events_target
    ON events(target_code, source_code, cameo, first_day, last_day, confidence, idx);
CREATE INDEX events_cameo ON events(cameo, first_day, last_day, confidence, idx);
CREATE INDEX events_days ON events(first_day, last_day, cameo, confidence, idx);
CREATE INDEX events_place ON events(place, first_day, last_day, cameo, confidence, idx)
    WHERE place IS NOT NULL;
CREATE INDEX events_plover ON events(plover_type, confidence, idx);
CREATE INDEX events_quad ON events(quad_class, confidence, idx);
