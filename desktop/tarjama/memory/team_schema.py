"""The team memory's schema on the PostgreSQL server: what `tarjama-cli tm serve-init URL` creates.

`tarjama_units` has the columns of the memory file's `units` (`tarjama.memory.schema`, v1-v5), with the same
meaning and text (props and notes as the same JSON), plus:

* `seq`, the change sequence: every insert and update takes the next number of `tarjama_change_seq`, so a replica
  asks for the units changed after the last number it saw (`TeamMemory.changes_since`). The trigger that sets it
  first takes a transaction lock shared by every writer (`WRITE_LOCK`): writes commit one after another, in the
  order of their numbers, so a reader never sees a later number before an earlier one commits and skips it;
* `features`, the hashes of each unit's word and word-pair features tagged with its length band (the memory
  file's `units_features` tokens, `tarjama.memory.scoring.match_features`), and `codes`, its scoring words one
  character each (the file's `units_codes`). A trigger (`tarjama_units_indexed`) writes the features into the
  postings, `tarjama_features` (feature, unit), and lists those now in more than `RARE_FEATURE_UNITS` units in
  `tarjama_common_features`, as the file's triggers do; the fuzzy candidates are read from them
  (`tarjama.memory.team_lookup`, measured against pg_trgm in `bench/team_tm.py`). An import turns the trigger off
  (`tarjama.bulk_import`) and writes each chunk's postings at once; a large one drops the search indexes and
  builds them again at the end (`DROP_SEARCH_INDEXES`, `BUILD_SEARCH_INDEXES`: functions that run as the
  schema's owner, so a writer may call them);
* trigram GIN indexes (pg_trgm) on the normalised source and target, for concordance (LIKE '%…%');
* a GIN index on `features` (version 3): which units hold every one of a few common features (`features @> …`)
  is an intersection of compressed posting lists there, where the postings' btree is read unit by unit;
* `tarjama_unit_log` (version 2): every TM editor change a replica pushed for a unit (`TeamMemory.edit_unit`,
  `delete_unit`), with who made it and when, and whether it was applied: a change older than the unit's latest
  is kept here, not applied, so that the losing side of a conflict is never lost. Unique by unit, action, time and
  author, so a push sent twice is logged once.

Exact matches and duplicates are found through a hash index on `norm_source`: a btree refuses values over about
2.7 kB, which a long segment is. Two group roles, `tarjama_reader` (lookups) and `tarjama_writer` (also approvals
and imports), get the grants when the role running serve-init may create roles; an administrator then grants one
of them to each translator's login role.

Versioned in `tarjama_meta`: `SCHEMA_VERSION` is the version this code reads and writes; serve-init run again
brings an older server's schema up to it (version 2 added `tarjama_unit_log`, version 3 the index on
`features`). A team upgrades one laptop at a time, so a server brought up by a newer Tarjama must not lock out
the older ones while it can serve them: `compatible_version` is the oldest schema version whose Tarjama still
reads and writes this one correctly (a version that only adds tables, columns or indexes the older code never
touches keeps it; one that changes what existing columns mean raises it to itself). A Tarjama connects while
that is at most its own `SCHEMA_VERSION`; only serve-init refuses any newer schema, since it would make objects of
its own version beside a newer one's. A server without the key (made before it) is compatible with its own
version only.
"""

from __future__ import annotations

from tarjama.memory.schema import RARE_FEATURE_UNITS

SCHEMA_VERSION = 3
#: The oldest schema version whose Tarjama may use a server of `SCHEMA_VERSION` (see above): version 2 only added a
#: table that version 1 never reads, and version 3 an index that the server keeps by itself.
COMPATIBLE_VERSION = 1
#: The schema version that added the GIN index on `features` (see `tarjama.memory.team_lookup`).
FEATURES_INDEX_VERSION = 3
#: The advisory lock every write transaction holds until it commits (see `seq` above).
WRITE_LOCK = 0x54_4A_54_4D  # "TJTM"
READER_ROLE, WRITER_ROLE = "tarjama_reader", "tarjama_writer"

#: The columns shared with the memory file's units, in the order `tarjama.memory.store`'s row functions use.
UNIT_COLUMNS = (
    "id, source, target, source_lang, target_lang, created_at, changed_at, author, origin, usage_count, document, "
    "approved::int, mt_original, props, notes, context, tags"
)
#: The columns of a unit as an import or a project writes it (`tarjama.memory.store._row`'s keys, and features).
WRITTEN_COLUMNS = (
    "source", "target", "source_lang", "target_lang", "norm_source", "norm_target", "created_at", "changed_at",
    "author", "origin", "usage_count", "document", "approved", "mt_original", "props", "notes", "context",
    "project_uid", "segment_id", "tags", "features", "codes",
)
_RARE = int(RARE_FEATURE_UNITS)
# The indexes a large import drops and builds again once loaded (faster than keeping them up to date row by row).
_SEARCH_INDEXES = {
    "tarjama_features_postings": "ON tarjama_features (feature, unit_id)",
    "tarjama_units_features": "ON tarjama_units USING gin (features)",
    "tarjama_units_source_trgm": "ON tarjama_units USING gin (norm_source gin_trgm_ops)",
    "tarjama_units_target_trgm": "ON tarjama_units USING gin (norm_target gin_trgm_ops)",
}
_CREATE_SEARCH_INDEXES = "\n".join(
    f"    CREATE INDEX IF NOT EXISTS {name} {spec};"
    for name, spec in _SEARCH_INDEXES.items()
)
#: Statements an import runs (holding the write lock): drop the search indexes before a large load; build them
#: and count the common features again after it.
DROP_SEARCH_INDEXES = "SELECT tarjama_drop_search_indexes()"
BUILD_SEARCH_INDEXES = "SELECT tarjama_build_search_indexes()"
#: The postings of the units with ids above %(after)s (an import's, written with the trigger off), in the index's
#: order; returns the largest id indexed.
INDEX_UNITS_AFTER = """
WITH indexed AS (
    INSERT INTO tarjama_features (feature, unit_id)
    SELECT unnest(features) AS feature, id FROM tarjama_units WHERE id > %(after)s ORDER BY feature, id
    RETURNING unit_id
)
SELECT coalesce(max(unit_id), %(after)s) FROM indexed
"""
#: The features of the units with ids above %(after)s that are now common and not listed yet (as the trigger does):
#: each such feature's postings counted by index, the listed ones never. As one join of every posting with the
#: features, under the import's settings (no hash join, no seq scan) a 10,000-unit import into a million units
#: ran this for more than 15 minutes: a nested loop over 50,000 features of the 56 million postings.
LIST_COMMON_AFTER = f"""
INSERT INTO tarjama_common_features (feature, units)
SELECT f.feature, n.units
FROM (
    SELECT DISTINCT n.feature FROM tarjama_units AS u CROSS JOIN unnest(u.features) AS n(feature)
    WHERE u.id > %(after)s AND NOT EXISTS (SELECT 1 FROM tarjama_common_features AS c WHERE c.feature = n.feature)
) AS f
CROSS JOIN LATERAL (SELECT count(*) AS units FROM tarjama_features AS p WHERE p.feature = f.feature) AS n
WHERE n.units > {_RARE}
"""

#: The tables, trigger and indexes, idempotent: run again on a server that has them, it changes nothing.
SCHEMA_DDL = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS tarjama_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE IF NOT EXISTS tarjama_change_seq;
CREATE TABLE IF NOT EXISTS tarjama_units (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source text NOT NULL,
    target text NOT NULL,
    source_lang text NOT NULL,
    target_lang text NOT NULL,
    norm_source text COLLATE "C" NOT NULL,
    norm_target text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    changed_at text COLLATE "C" NOT NULL,
    author text NOT NULL DEFAULT '',
    origin text NOT NULL,
    usage_count bigint NOT NULL DEFAULT 0,
    document text NOT NULL DEFAULT '',
    approved boolean NOT NULL DEFAULT true,
    mt_original text,
    props text NOT NULL DEFAULT '[]',
    notes text NOT NULL DEFAULT '[]',
    project_uid text,
    segment_id bigint,
    context text NOT NULL DEFAULT '',
    tags text,
    features bigint[] NOT NULL DEFAULT '{{}}',
    codes text NOT NULL DEFAULT '',
    seq bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS tarjama_features (feature bigint NOT NULL, unit_id bigint NOT NULL);
CREATE TABLE IF NOT EXISTS tarjama_common_features (feature bigint PRIMARY KEY, units bigint NOT NULL);
CREATE OR REPLACE FUNCTION tarjama_units_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({WRITE_LOCK});
    NEW.seq := nextval('tarjama_change_seq');
    RETURN NEW;
END
$$;
-- The memory file's union of two JSON lists (props, notes): the first's items, then the second's it lacks.
CREATE OR REPLACE FUNCTION tarjama_json_union(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (a::jsonb || coalesce((
        SELECT jsonb_agg(item ORDER BY position)
        FROM jsonb_array_elements(b::jsonb) WITH ORDINALITY AS x(item, position)
        WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(a::jsonb) AS y(kept) WHERE y.kept = x.item)
    ), '[]'::jsonb))::text
$$;
CREATE OR REPLACE TRIGGER tarjama_units_changed BEFORE INSERT OR UPDATE ON tarjama_units
    FOR EACH ROW EXECUTE FUNCTION tarjama_units_changed();
-- A unit's postings, and its features that are now common listed (counted as one more than rare until an
-- import counts them), unless an import writes them itself.
CREATE OR REPLACE FUNCTION tarjama_units_indexed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tarjama.bulk_import', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' THEN
        IF OLD.features = NEW.features THEN RETURN NULL; END IF;
        DELETE FROM tarjama_features WHERE feature = ANY(OLD.features) AND unit_id = OLD.id;
    END IF;
    INSERT INTO tarjama_features (feature, unit_id) SELECT DISTINCT f, NEW.id FROM unnest(NEW.features) AS f;
    INSERT INTO tarjama_common_features (feature, units)
        SELECT f, {_RARE + 1} FROM unnest(NEW.features) AS f
        WHERE NOT EXISTS (SELECT 1 FROM tarjama_common_features AS c WHERE c.feature = f)
            AND (SELECT count(*) FROM (SELECT 1 FROM tarjama_features AS p WHERE p.feature = f
                                       LIMIT {_RARE + 1}) AS s) > {_RARE}
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER tarjama_units_indexed AFTER INSERT OR UPDATE OF features ON tarjama_units
    FOR EACH ROW EXECUTE FUNCTION tarjama_units_indexed();
CREATE OR REPLACE FUNCTION tarjama_drop_search_indexes() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
BEGIN
    {" ".join(f"DROP INDEX IF EXISTS {name};" for name in _SEARCH_INDEXES)}
END
$$;
CREATE OR REPLACE FUNCTION tarjama_build_search_indexes() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET maintenance_work_mem = '256MB' AS $$
BEGIN
{_CREATE_SEARCH_INDEXES}
    DELETE FROM tarjama_common_features;
    INSERT INTO tarjama_common_features (feature, units)
        SELECT feature, count(*) FROM tarjama_features GROUP BY feature HAVING count(*) > {_RARE};
    ANALYZE tarjama_units;
    ANALYZE tarjama_features;
    ANALYZE tarjama_common_features;
END
$$;
REVOKE ALL ON FUNCTION tarjama_drop_search_indexes(), tarjama_build_search_indexes() FROM PUBLIC;
CREATE INDEX IF NOT EXISTS tarjama_units_norm_source ON tarjama_units USING hash (norm_source);
CREATE UNIQUE INDEX IF NOT EXISTS tarjama_units_project_segment ON tarjama_units (project_uid, segment_id)
    WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS tarjama_units_seq ON tarjama_units (seq);
CREATE TABLE IF NOT EXISTS tarjama_unit_log (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    unit_id bigint NOT NULL,
    action text NOT NULL,
    old_target text,
    new_target text,
    author text NOT NULL DEFAULT '',
    at text COLLATE "C" NOT NULL,
    applied boolean NOT NULL,
    UNIQUE (unit_id, action, at, author)
);
{_CREATE_SEARCH_INDEXES}
INSERT INTO tarjama_meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}'),
    ('compatible_version', '{COMPATIBLE_VERSION}')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE tarjama_meta.value::int < excluded.value::int;
"""

#: The group roles and their grants (needs CREATEROLE, or the roles made by an administrator beforehand).
ROLES_DDL = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN CREATE ROLE {READER_ROLE}; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WRITER_ROLE}') THEN CREATE ROLE {WRITER_ROLE}; END IF;
END
$$;
GRANT {READER_ROLE} TO {WRITER_ROLE};
GRANT SELECT ON tarjama_units, tarjama_meta, tarjama_features, tarjama_common_features, tarjama_unit_log
    TO {READER_ROLE};
GRANT INSERT, UPDATE ON tarjama_units TO {WRITER_ROLE};
GRANT INSERT ON tarjama_unit_log TO {WRITER_ROLE};
GRANT INSERT, DELETE ON tarjama_features, tarjama_common_features TO {WRITER_ROLE};
GRANT EXECUTE ON FUNCTION tarjama_drop_search_indexes(), tarjama_build_search_indexes() TO {WRITER_ROLE};
GRANT USAGE, UPDATE ON SEQUENCE tarjama_change_seq TO {WRITER_ROLE};
"""

