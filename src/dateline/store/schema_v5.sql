-- dateline store, schema version 5 (issue 13): the PLOVER types of each article's events and
-- the countries of the places it names, once each, for the facets of a search.
--
-- The `plover` and `place` facets of a search page counted the events (about 15 an article)
-- and the places (about 15, each joined to its location) of the first 500 matches: 8 to 11
-- ms each on the 100,000-article bench store, of a page that must take under 100. These
-- tables hold each article once a value, as article_actors and article_roots do (version 4);
-- triggers keep them in step with `events` and `places`, so whatever writes those rows
-- keeps them.

-- The PLOVER type of each event (every stored event, whatever its confidence, as the facet
-- and the `plover=` article filter count them).
CREATE TABLE article_plovers (
    plover TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    PRIMARY KEY (plover, article)
) WITHOUT ROWID;
CREATE INDEX article_plovers_article ON article_plovers(article, plover);
INSERT INTO article_plovers (plover, article)
    SELECT DISTINCT plover_type, article FROM events WHERE plover_type IS NOT NULL;
CREATE TRIGGER article_plovers_insert AFTER INSERT ON events
WHEN new.plover_type IS NOT NULL BEGIN
    INSERT OR IGNORE INTO article_plovers (plover, article)
        VALUES (new.plover_type, new.article);
END;
CREATE TRIGGER article_plovers_delete AFTER DELETE ON events
WHEN old.plover_type IS NOT NULL BEGIN
    DELETE FROM article_plovers
    WHERE article = old.article AND plover = old.plover_type
      AND NOT EXISTS (
          SELECT 1 FROM events e
          WHERE e.article = old.article AND e.plover_type = old.plover_type);
END;
CREATE TRIGGER article_plovers_update AFTER UPDATE OF plover_type, article ON events BEGIN
    DELETE FROM article_plovers
    WHERE old.plover_type IS NOT NULL
      AND article = old.article AND plover = old.plover_type
      AND NOT EXISTS (
          SELECT 1 FROM events e
          WHERE e.article = old.article AND e.plover_type = old.plover_type);
    INSERT OR IGNORE INTO article_plovers (plover, article)
        SELECT new.plover_type, new.article WHERE new.plover_type IS NOT NULL;
END;

-- The country of each place the article names (the `place` facet's value; a location's
-- country never changes: `locations` rows are only added).
CREATE TABLE article_countries (
    country TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    PRIMARY KEY (country, article)
) WITHOUT ROWID;
CREATE INDEX article_countries_article ON article_countries(article, country);
INSERT INTO article_countries (country, article)
    SELECT DISTINCT l.country, p.article
    FROM places p JOIN locations l ON l.key = p.location
    WHERE l.country IS NOT NULL;
CREATE TRIGGER article_countries_insert AFTER INSERT ON places BEGIN
    INSERT OR IGNORE INTO article_countries (country, article)
        SELECT country, new.article FROM locations
        WHERE key = new.location AND country IS NOT NULL;
END;
CREATE TRIGGER article_countries_delete AFTER DELETE ON places BEGIN
    DELETE FROM article_countries
    WHERE article = old.article
      AND country = (SELECT country FROM locations WHERE key = old.location)
      AND NOT EXISTS (
          SELECT 1 FROM places p JOIN locations l ON l.key = p.location
          WHERE p.article = old.article
            AND l.country = (SELECT country FROM locations WHERE key = old.location));
END;
CREATE TRIGGER article_countries_update AFTER UPDATE OF location, article ON places BEGIN
    DELETE FROM article_countries
    WHERE article = old.article
      AND country = (SELECT country FROM locations WHERE key = old.location)
      AND NOT EXISTS (
          SELECT 1 FROM places p JOIN locations l ON l.key = p.location
          WHERE p.article = old.article
            AND l.country = (SELECT country FROM locations WHERE key = old.location));
    INSERT OR IGNORE INTO article_countries (country, article)
        SELECT country, new.article FROM locations
        WHERE key = new.location AND country IS NOT NULL;
END;
