-- dateline store, schema version 8 (issue 13, "exports without versions"): each article
-- points to the coding run that wrote it, so an export's manifest gives the versions and
-- dictionary hashes of its rows, not those of the installation exporting them.
--
-- A run (dateline/provenance.py) is dateline's version, the coder's id, the spaCy model and
-- its version, the sha256 of each dictionary file and coding table (JSON, {name: sha256}),
-- the settings that change what is coded (JSON), and whether it is the run that coded the
-- article (`coder`) or, for a batch part that recorded none, the installation that loaded
-- it (`loader`). One row per distinct run: `sha256` is that of the run's canonical JSON.
--
-- The articles written before this version point to no run (NULL): what coded them was not
-- recorded, and the manifest says so ("unknown: written before schema 8").

CREATE TABLE coding_runs (
    key INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    dateline_version TEXT NOT NULL,
    coder TEXT NOT NULL,
    spacy_model TEXT NOT NULL,
    spacy_model_version TEXT,
    dictionaries TEXT NOT NULL,
    settings TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    first_written_at TEXT NOT NULL
);
ALTER TABLE articles ADD COLUMN coding_run INTEGER REFERENCES coding_runs(key);
