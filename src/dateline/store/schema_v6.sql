-- dateline store, schema version 6 (issue 13): the words of each quotation's speaker, held
-- once, for the `speaker=` filter of quotations.
--
-- `speaker=` matched the words of a speaker's phrase (a span of its article's text, stored
-- only when it differs) and of an anonymous source's description with LIKE: every quotation
-- read its article's text, 1.15 M quotations on the 100,000-article bench store, about 4 s
-- and past the 1 s time limit (E102). `speaker_words` holds each distinct phrase and
-- description once (94,512 phrases and 8 descriptions on the bench store) and
-- `quote_speaker_words` the quotations that have them: the filter matches the distinct
-- words with the same LIKE, then finds their quotations by index. Triggers keep them in
-- step with `quotes`, so whatever writes those rows keeps them. Words no quotation has any
-- longer stay, as `actors` and `locations` rows do: the filter finds no quotation by them.

-- A speaker phrase's words, as the article writes them, or an anonymous source's
-- description.
CREATE TABLE speaker_words (
    key INTEGER PRIMARY KEY,
    words TEXT NOT NULL UNIQUE
);
-- The quotations whose speaker phrase or description are `words`: their key (article, id)
-- and their order in the article (idx), the list's order.
CREATE TABLE quote_speaker_words (
    words INTEGER NOT NULL REFERENCES speaker_words(key),
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (words, article, idx, id)
) WITHOUT ROWID;
CREATE INDEX quote_speaker_words_quote ON quote_speaker_words(article, id);
-- `speaker=` also finds the quotations of the speakers whose actor code it begins.
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor, article, idx);

-- Each quotation's speaker words: its phrase's (stored only when they differ from the
-- article's text) and its description, one row each; what the backfill below and the
-- triggers on `quotes` read, so the words are worked out in one place.
CREATE VIEW quote_speaker_phrases AS
    SELECT q.article, q.idx, q.id,
           COALESCE(q.speaker_text,
                    substr(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start))
           AS words
    FROM quotes q JOIN articles a ON a.key = q.article
    UNION ALL
    SELECT article, idx, id, speaker_description FROM quotes;

INSERT OR IGNORE INTO speaker_words (words)
    SELECT words FROM quote_speaker_phrases WHERE words IS NOT NULL;
INSERT OR IGNORE INTO quote_speaker_words (words, article, idx, id)
    SELECT w.key, p.article, p.idx, p.id
    FROM quote_speaker_phrases p JOIN speaker_words w ON w.words = p.words;

-- The trigrams of each speaker's words (FTS5's trigram tokenizer, case-insensitive): words of
-- three characters or more are found in the index, then each found is checked with LIKE, so
-- the words read grow with the matches rather than with every distinct phrase (LIKE over the
-- 94,512 of the bench store: 16 ms, twice a page). The index refers to `speaker_words` for
-- the text, which is only ever added to.
CREATE VIRTUAL TABLE speaker_words_fts USING fts5(
    words, content='speaker_words', content_rowid='key', tokenize='trigram'
);
INSERT INTO speaker_words_fts(speaker_words_fts) VALUES ('rebuild');
CREATE TRIGGER speaker_words_fts_insert AFTER INSERT ON speaker_words BEGIN
    INSERT INTO speaker_words_fts(rowid, words) VALUES (new.key, new.words);
END;
CREATE TRIGGER speaker_words_fts_delete AFTER DELETE ON speaker_words BEGIN
    INSERT INTO speaker_words_fts(speaker_words_fts, rowid, words)
        VALUES ('delete', old.key, old.words);
END;
CREATE TRIGGER speaker_words_fts_update AFTER UPDATE ON speaker_words BEGIN
    INSERT INTO speaker_words_fts(speaker_words_fts, rowid, words)
        VALUES ('delete', old.key, old.words);
    INSERT INTO speaker_words_fts(rowid, words) VALUES (new.key, new.words);
END;

CREATE TRIGGER quote_speaker_words_insert AFTER INSERT ON quotes BEGIN
    INSERT OR IGNORE INTO speaker_words (words)
        SELECT words FROM quote_speaker_phrases
        WHERE article = new.article AND id = new.id AND words IS NOT NULL;
    INSERT OR IGNORE INTO quote_speaker_words (words, article, idx, id)
        SELECT w.key, p.article, p.idx, p.id
        FROM quote_speaker_phrases p JOIN speaker_words w ON w.words = p.words
        WHERE p.article = new.article AND p.id = new.id;
END;
CREATE TRIGGER quote_speaker_words_delete AFTER DELETE ON quotes BEGIN
    DELETE FROM quote_speaker_words WHERE article = old.article AND id = old.id;
END;
CREATE TRIGGER quote_speaker_words_update AFTER UPDATE OF
    article, idx, id, speaker_start, speaker_end, speaker_text, speaker_description ON quotes BEGIN
    DELETE FROM quote_speaker_words WHERE article = old.article AND id = old.id;
    INSERT OR IGNORE INTO speaker_words (words)
        SELECT words FROM quote_speaker_phrases
        WHERE article = new.article AND id = new.id AND words IS NOT NULL;
    INSERT OR IGNORE INTO quote_speaker_words (words, article, idx, id)
        SELECT w.key, p.article, p.idx, p.id
        FROM quote_speaker_phrases p JOIN speaker_words w ON w.words = p.words
        WHERE p.article = new.article AND p.id = new.id;
END;
