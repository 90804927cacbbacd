-- dateline store, schema version 7 (issue 13): the full-text index of articles keeps prefix
-- indexes of 2 to 8 characters, so a prefix query (`negotiat*`) reads one list of matches
-- instead of merging those of every word it covers.
--
-- A search page matches its query four times (the ranked first matches, the document count
-- bm25 reads, the total, the snippets), and without a prefix index FTS5 merged the lists of
-- every word a prefix covers each time: on the 100,000-article bench store, CPU of a page
-- 47 -> 38 ms for `negotiat*`, 60 -> 38 for `insurg*`, 150 -> 109 for `ne*` (100,000
-- matches). SQLite 3.40's FTS5 reads a prefix index only for a prefix of exactly its length:
-- 2 to 8 characters cover the stems searched with `*`; a longer prefix covers few words,
-- whose merge costs little. The price: the index grows 166 -> 772 MB on the bench store (3.1
-- -> 3.8 GB), and writing an article's words 0.3 -> 2.7 ms of CPU. Rows, order, totals and
-- snippets are those of version 6: the same words, positions and sizes are indexed.
--
-- FTS5 cannot add a prefix index to a table: the table is made again and filled from
-- `articles` (`rebuild`, about 75 s on the bench store). The triggers of schema_v3.sql name
-- the table and write to the new one.

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='key',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
