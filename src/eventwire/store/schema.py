"""Versioned schema migrations, the one place the store's tables are defined.

Each migration is (number, [statements]) and runs once, in order, inside the
transaction that bumps `meta.schema_version`. Portable SQL only (see db.Db.sql).
Days are proleptic ordinals (INTEGER) so date windows are plain indexed ranges.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        # One row per article: the full extract record, its hashes, and what it copies.
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            raw_hash TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            copy_of TEXT,
            copy_kind TEXT,
            title TEXT,
            source TEXT,
            url TEXT,
            published TEXT,
            ingested_at TEXT NOT NULL,
            seq INTEGER NOT NULL,
            minhash BLOB,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX articles_text_hash ON articles (text_hash)",
        "CREATE INDEX articles_copy_of ON articles (copy_of)",
        "CREATE INDEX articles_seq ON articles (seq)",
        # Persisted MinHash LSH: one row per (band, bucket) an original article falls in.
        """CREATE TABLE lsh (
            band INTEGER NOT NULL,
            bucket TEXT NOT NULL,
            article_id TEXT NOT NULL
        )""",
        "CREATE INDEX lsh_bucket ON lsh (band, bucket)",
        "CREATE INDEX lsh_article ON lsh (article_id)",
        # Consolidated events; absorbed events keep their row with redirect set.
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            redirect TEXT,
            family TEXT NOT NULL,
            type TEXT,
            subtype TEXT,
            mode TEXT,
            block_day INTEGER,
            day INTEGER,
            date_value TEXT,
            date_precision TEXT,
            country TEXT,
            admin1 TEXT,
            place TEXT,
            lat REAL,
            lon REAL,
            n_mentions INTEGER NOT NULL DEFAULT 0,
            n_articles INTEGER NOT NULL DEFAULT 0,
            n_sources INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT,
            last_seen TEXT,
            search TEXT,
            profile TEXT NOT NULL,
            created_seq INTEGER NOT NULL
        )""",
        "CREATE INDEX events_block ON events (family, block_day)",
        "CREATE INDEX events_day ON events (day)",
        "CREATE INDEX events_country ON events (country, day)",
        "CREATE INDEX events_last_seen ON events (last_seen)",
        "CREATE INDEX events_redirect ON events (redirect)",
        # One row per event mention of an article (event_id NULL: not clustered, e.g. hypothetical).
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            event_id TEXT,
            type TEXT,
            mode TEXT,
            is_primary INTEGER NOT NULL DEFAULT 0,
            score REAL,
            data TEXT NOT NULL,
            features TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        "CREATE INDEX mentions_event ON mentions (event_id)",
        # Actors of events, for the actor filter and the actor list.
        """CREATE TABLE actors (
            event_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            name TEXT,
            canonical TEXT,
            kind TEXT,
            role TEXT
        )""",
        "CREATE INDEX actors_event ON actors (event_id)",
        "CREATE INDEX actors_canonical ON actors (canonical)",
        "CREATE INDEX actors_article ON actors (article_id)",
        # Links between events: a claim/accusation/denial/arrest (src) about an event (dst).
        """CREATE TABLE links (
            src TEXT NOT NULL,
            dst TEXT NOT NULL,
            relation TEXT NOT NULL,
            article_id TEXT NOT NULL
        )""",
        "CREATE INDEX links_src ON links (src)",
        "CREATE INDEX links_dst ON links (dst)",
        "CREATE INDEX links_article ON links (article_id)",
        # Document frequencies of words, for IDF weights in clustering.
        "CREATE TABLE df (token TEXT PRIMARY KEY, n INTEGER NOT NULL)",
    ]),
    (2, [
        # Rare words of each event (names of victims, streets, ships...): a second blocking
        # key, so a follow-up published weeks later still finds its event. Only words rare in
        # the whole store are looked up, so posting lists stay short.
        "CREATE TABLE event_terms (token TEXT NOT NULL, event_id TEXT NOT NULL)",
        "CREATE INDEX event_terms_token ON event_terms (token)",
        "CREATE INDEX event_terms_event ON event_terms (event_id)",
    ]),
    (3, [
        # Stories: every article (typed events or not) in one article-level clustering, so a
        # reader can follow a news story (and benchmarks can score document clustering).
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            block_day INTEGER,
            n_articles INTEGER NOT NULL DEFAULT 0,
            profile TEXT NOT NULL,
            created_seq INTEGER NOT NULL
        )""",
        "CREATE INDEX stories_block ON stories (block_day)",
        "CREATE INDEX stories_seq ON stories (created_seq)",
        "ALTER TABLE articles ADD COLUMN story_id TEXT",
        "CREATE INDEX articles_story ON articles (story_id)",
    ]),
    (4, [
        # Blocking windows as index-only scans. The date-window queries (store.ingest.candidates,
        # store.stories._candidates) read only family / block_day / created_seq / id, but
        # created_seq is stored after the large `profile` column, so without these every row of
        # the window was read through its overflow pages (about 4,000 rows per query in a feed
        # of 400 articles a day): the per-article cost grew with event size and store size.
        "CREATE INDEX events_live_block ON events (family, block_day, created_seq, id) WHERE redirect IS NULL",
        "CREATE INDEX stories_block_seq ON stories (block_day, created_seq, id)",
    ]),
]
