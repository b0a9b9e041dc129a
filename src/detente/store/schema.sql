-- Detente's DuckDB schema. One row per article, sentence, event and actor.
-- Events are stored flat (one column per field) so dyad and time-series queries are plain SQL;
-- detente.store.records turns a row back into the spec's event record.

CREATE TABLE IF NOT EXISTS articles (
    doc_id        VARCHAR PRIMARY KEY,   -- the input's id, or the text hash
    text_hash     VARCHAR NOT NULL UNIQUE, -- SHA-256 prefix of the text: the same text is stored once
    title         VARCHAR,
    published     DATE,
    source        VARCHAR,               -- outlet
    url           VARCHAR,
    language      VARCHAR,
    origin        VARCHAR,               -- file (and line) it was read from
    text          VARCHAR NOT NULL,
    code_version  VARCHAR NOT NULL,      -- Detente version + knowledge fingerprint that coded it
    ingested_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,     -- [start, end) offsets in articles.text
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE IF NOT EXISTS events (
    event_id          VARCHAR PRIMARY KEY,
    doc_id            VARCHAR NOT NULL,
    sentence_index    INTEGER NOT NULL,
    sentence          VARCHAR NOT NULL,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    trigger           VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,  -- PLOVER type
    mode              VARCHAR,
    quad_class        VARCHAR NOT NULL,
    intensity         DOUBLE NOT NULL,
    source_text       VARCHAR NOT NULL,
    source_name       VARCHAR,
    source_country    VARCHAR,           -- ISO3 or organisation acronym
    source_sector     VARCHAR,
    source_entity     VARCHAR,
    target_text       VARCHAR,
    target_name       VARCHAR,
    target_country    VARCHAR,
    target_sector     VARCHAR,
    target_entity     VARCHAR,
    date              VARCHAR,           -- as in the record: day, YYYY-MM, YYYY or start/end
    date_start        DATE,              -- first day the date covers (for range queries)
    date_end          DATE,              -- last day it covers
    date_precision    VARCHAR,
    date_text         VARCHAR,
    place_text        VARCHAR,
    place_name        VARCHAR,
    place_country     VARCHAR,
    place_lat         DOUBLE,
    place_lon         DOUBLE,
    negated           BOOLEAN NOT NULL,
    modality          VARCHAR NOT NULL,
    claimant_text     VARCHAR,
    claimant_name     VARCHAR,
    claimant_country  VARCHAR,
    claimant_sector   VARCHAR,
    claimant_entity   VARCHAR,
    confidence        DOUBLE NOT NULL,
    sources           VARCHAR[] NOT NULL,
    code_version      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    actor_key   VARCHAR PRIMARY KEY,     -- entity id, or country|sector|text for unnamed actors
    entity_id   VARCHAR,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    example     VARCHAR NOT NULL         -- a mention text
);

CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country);
