-- dateline store, schema version 4 (issues 13 and 14): the actor prefixes and CAMEO roots of
-- each article, once each, for the article filters and facets of a search.
--
-- `actor=IRQ` and `cameo=04` on articles read every mention of an IRQ actor (125,525 on the
-- 100,000-article bench store) and every event of root 04 (400,004) to find the articles
-- holding one (8,851 and 66,667): with both, a search page took 0.8 s. These tables hold
-- each article once a prefix. Triggers keep them in step with `mentions` and `events`, so
-- whatever writes those rows keeps them.

-- The first three characters of the actor code of each mention (the actor facet's value; an
-- actor filter of at most three characters is a range of it).
CREATE TABLE article_actors (
    prefix TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    PRIMARY KEY (prefix, article)
) WITHOUT ROWID;
CREATE INDEX article_actors_article ON article_actors(article, prefix);
INSERT INTO article_actors (prefix, article)
    SELECT DISTINCT substr(ac.code, 1, 3), m.article
    FROM mentions m JOIN actors ac ON ac.key = m.actor;
CREATE TRIGGER article_actors_insert AFTER INSERT ON mentions WHEN new.actor IS NOT NULL BEGIN
    INSERT OR IGNORE INTO article_actors (prefix, article)
        SELECT substr(code, 1, 3), new.article FROM actors WHERE key = new.actor;
END;
CREATE TRIGGER article_actors_delete AFTER DELETE ON mentions WHEN old.actor IS NOT NULL BEGIN
    DELETE FROM article_actors
    WHERE article = old.article
      AND prefix = (SELECT substr(code, 1, 3) FROM actors WHERE key = old.actor)
      AND NOT EXISTS (
          SELECT 1 FROM mentions m JOIN actors ac ON ac.key = m.actor
          WHERE m.article = old.article
            AND substr(ac.code, 1, 3) = (SELECT substr(code, 1, 3) FROM actors WHERE key = old.actor));
END;
CREATE TRIGGER article_actors_update AFTER UPDATE OF actor, article ON mentions BEGIN
    DELETE FROM article_actors
    WHERE old.actor IS NOT NULL
      AND article = old.article
      AND prefix = (SELECT substr(code, 1, 3) FROM actors WHERE key = old.actor)
      AND NOT EXISTS (
          SELECT 1 FROM mentions m JOIN actors ac ON ac.key = m.actor
          WHERE m.article = old.article
            AND substr(ac.code, 1, 3) = (SELECT substr(code, 1, 3) FROM actors WHERE key = old.actor));
    INSERT OR IGNORE INTO article_actors (prefix, article)
        SELECT substr(code, 1, 3), new.article FROM actors WHERE key = new.actor;
END;

-- The first two digits of the CAMEO code of each event (its root; a CAMEO filter of at most
-- two digits is a range of it).
CREATE TABLE article_roots (
    prefix TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    PRIMARY KEY (prefix, article)
) WITHOUT ROWID;
CREATE INDEX article_roots_article ON article_roots(article, prefix);
INSERT INTO article_roots (prefix, article)
    SELECT DISTINCT substr(cameo, 1, 2), article FROM events;
CREATE TRIGGER article_roots_insert AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO article_roots (prefix, article)
        VALUES (substr(new.cameo, 1, 2), new.article);
END;
CREATE TRIGGER article_roots_delete AFTER DELETE ON events BEGIN
    DELETE FROM article_roots
    WHERE article = old.article AND prefix = substr(old.cameo, 1, 2)
      AND NOT EXISTS (
          SELECT 1 FROM events e
          WHERE e.article = old.article AND substr(e.cameo, 1, 2) = substr(old.cameo, 1, 2));
END;
CREATE TRIGGER article_roots_update AFTER UPDATE OF cameo, article ON events BEGIN
    DELETE FROM article_roots
    WHERE article = old.article AND prefix = substr(old.cameo, 1, 2)
      AND NOT EXISTS (
          SELECT 1 FROM events e
          WHERE e.article = old.article AND substr(e.cameo, 1, 2) = substr(old.cameo, 1, 2));
    INSERT OR IGNORE INTO article_roots (prefix, article)
        VALUES (substr(new.cameo, 1, 2), new.article);
END;

-- Whether an article holds a quotation, and an anonymous source's (`has_quote`, `anonymous`):
-- a narrow index rather than the quotations' rows (insurg* with has_quote, 33,333 matches
-- on the bench store: the first 500 in 112 rather than 139 ms of CPU, the count in 47
-- rather than 66).
CREATE INDEX quotes_article ON quotes(article, speaker_anonymous);
