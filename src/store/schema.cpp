#include "store/schema.hpp"

#include <array>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/journal.hpp"

namespace steady::store {

namespace {

// Version 1: every entry kind of SPEC §4 in one table (one row per entry, so
// listing, undo and aggregates need no joins), with a view per kind for
// people who query their journal with sqlite3. Documented in steady-journal(5).
constexpr const char* k_v1 = R"sql(
CREATE TABLE goals (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid     TEXT NOT NULL UNIQUE,
  title    TEXT NOT NULL CHECK (length(title) > 0),
  kind     TEXT NOT NULL CHECK (kind IN ('once', 'count')),
  target   INTEGER CHECK (target >= 1),
  per      TEXT CHECK (per IN ('day', 'week', 'month')),
  total    INTEGER CHECK (total >= 1),
  due      TEXT,
  tracks   TEXT NOT NULL DEFAULT 'manual'
           CHECK (tracks IN ('manual', 'checkins', 'meetings', 'sober-days')),
  status   TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'archived')),
  created  TEXT NOT NULL,
  updated  TEXT NOT NULL
);

CREATE TABLE clocks (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
  started_at         TEXT NOT NULL,
  tz                 TEXT NOT NULL,
  cost_per_day_cents INTEGER CHECK (cost_per_day_cents >= 0),
  created            TEXT NOT NULL,
  updated            TEXT NOT NULL
);

CREATE TABLE milestones_seen (
  clock_id   INTEGER NOT NULL REFERENCES clocks(id) ON DELETE CASCADE,
  run_start  TEXT NOT NULL,
  milestone  TEXT NOT NULL,
  seen_at    TEXT NOT NULL,
  PRIMARY KEY (clock_id, run_start, milestone)
);

CREATE TABLE entries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL
              CHECK (kind IN ('checkin', 'trigger', 'craving', 'meeting', 'goal_log', 'lapse')),
  at          TEXT NOT NULL,
  tz          TEXT NOT NULL,
  day         TEXT NOT NULL,
  note        TEXT,
  tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  created     TEXT NOT NULL,
  updated     TEXT NOT NULL,
  deleted     TEXT,
  mood        INTEGER CHECK (mood BETWEEN 1 AND 10),
  craving     INTEGER CHECK (craving BETWEEN 0 AND 10),
  sober       INTEGER CHECK (sober IN (0, 1)),
  energy      INTEGER CHECK (energy BETWEEN 1 AND 10),
  sleep       REAL CHECK (sleep BETWEEN 0 AND 24),
  gratitude   TEXT,
  what        TEXT,
  category    TEXT,
  intensity   INTEGER CHECK (intensity BETWEEN 1 AND 10),
  coped       TEXT,
  duration    INTEGER CHECK (duration BETWEEN 1 AND 1440),
  trigger_id  INTEGER REFERENCES entries(id) ON DELETE SET NULL,
  strategies  TEXT CHECK (strategies IS NULL OR json_valid(strategies)),
  outcome     TEXT CHECK (outcome IN ('resisted', 'used')),
  name        TEXT,
  type        TEXT,
  goal_id     INTEGER REFERENCES goals(id),
  count       INTEGER CHECK (count >= 1),
  clock_id    INTEGER REFERENCES clocks(id),
  CHECK (kind <> 'checkin'  OR mood IS NOT NULL),
  CHECK (kind <> 'trigger'  OR what IS NOT NULL),
  CHECK (kind <> 'craving'  OR intensity IS NOT NULL),
  CHECK (kind <> 'meeting'  OR name IS NOT NULL),
  CHECK (kind <> 'goal_log' OR goal_id IS NOT NULL),
  CHECK (kind <> 'lapse'    OR clock_id IS NOT NULL)
);
CREATE UNIQUE INDEX entries_one_checkin_a_day ON entries(day)
  WHERE kind = 'checkin' AND deleted IS NULL;
CREATE INDEX entries_kind_day ON entries(kind, day) WHERE deleted IS NULL;
CREATE INDEX entries_day ON entries(day, at) WHERE deleted IS NULL;

CREATE TABLE partners (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
  email          TEXT NOT NULL,
  scope          TEXT NOT NULL DEFAULT 'checkins,mood,cravings,triggers,meetings,goals,clocks',
  include_notes  INTEGER NOT NULL DEFAULT 0 CHECK (include_notes IN (0, 1)),
  cadence        TEXT CHECK (cadence IN ('sunday', 'week', 'month')),
  alert_after    INTEGER CHECK (alert_after >= 1),
  created        TEXT NOT NULL,
  updated        TEXT NOT NULL
);

CREATE TABLE shares (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  partner_id   INTEGER REFERENCES partners(id) ON DELETE SET NULL,
  partner_name TEXT NOT NULL,
  at           TEXT NOT NULL,
  what         TEXT NOT NULL DEFAULT 'summary' CHECK (what IN ('summary', 'alert')),
  period_from  TEXT,
  period_to    TEXT,
  format       TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  delivered    INTEGER NOT NULL CHECK (delivered IN (0, 1))
);

CREATE TABLE plan (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  section   TEXT NOT NULL CHECK (section IN
            ('reasons', 'warning-signs', 'triggers', 'coping', 'people', 'after-a-lapse')),
  text      TEXT NOT NULL CHECK (length(text) > 0),
  position  INTEGER NOT NULL,
  created   TEXT NOT NULL,
  updated   TEXT NOT NULL
);

CREATE TABLE undo_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete')),
  target      TEXT NOT NULL,
  target_id   INTEGER NOT NULL,
  description TEXT NOT NULL,
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);

CREATE VIEW live_entries AS SELECT * FROM entries WHERE deleted IS NULL;
CREATE VIEW checkins AS
  SELECT id, uuid, at, tz, day, mood, craving, sober, energy, sleep, gratitude, note, tags
  FROM entries WHERE kind = 'checkin' AND deleted IS NULL;
CREATE VIEW triggers AS
  SELECT id, uuid, at, tz, day, what, category, intensity, coped, note, tags
  FROM entries WHERE kind = 'trigger' AND deleted IS NULL;
CREATE VIEW cravings AS
  SELECT id, uuid, at, tz, day, intensity, duration, trigger_id, strategies, outcome, note, tags
  FROM entries WHERE kind = 'craving' AND deleted IS NULL;
CREATE VIEW meetings AS
  SELECT id, uuid, at, tz, day, name, type, duration, note, tags
  FROM entries WHERE kind = 'meeting' AND deleted IS NULL;
)sql";

// Version 2: the check-in run the streak is counted on, so that counting it
// reads one row, not one per day of a streak that may be years long. The
// triggers keep it true whoever writes (steady, undo, or sqlite3 by hand):
// every day from first_day to last_day has a live check-in and the day
// before first_day has none; anything else removes the row, and steady
// writes it again with the next check-in.
constexpr const char* k_v2 = R"sql(
CREATE TABLE checkin_run (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  first_day TEXT NOT NULL,
  last_day  TEXT NOT NULL CHECK (last_day >= first_day)
);
CREATE TRIGGER checkin_run_on_insert AFTER INSERT ON entries
  WHEN NEW.kind = 'checkin' AND NEW.deleted IS NULL
BEGIN
  DELETE FROM checkin_run WHERE NEW.day = date(first_day, '-1 day');
  UPDATE checkin_run SET last_day = NEW.day WHERE NEW.day = date(last_day, '+1 day');
END;
CREATE TRIGGER checkin_run_on_update AFTER UPDATE OF kind, day, deleted ON entries
  WHEN OLD.kind = 'checkin' OR NEW.kind = 'checkin'
BEGIN
  DELETE FROM checkin_run;
END;
CREATE TRIGGER checkin_run_on_delete AFTER DELETE ON entries
  WHEN OLD.kind = 'checkin'
BEGIN
  DELETE FROM checkin_run;
END;
)sql";

// Version 3: what report reads (SPEC §11). entries_report holds every column
// report reads of triggers, cravings, check-ins and meetings, and goal
// progress of goal logs, in the order
// of kind, day and instant, so report reads the index alone, never the wide
// rows; it begins with kind and day, so it serves every query
// entries_kind_day served. It ends with `deleted`, always NULL in it, because
// SQLite reads an index alone only when it holds every column a query names.
// report_rollup holds, for each month whose
// triggers and cravings have not changed since, their figures (see
// store/report.cpp); any change to one of them, by steady or by hand, marks
// its month, and the month of two days before (a craving can follow a
// trigger across midnight, in another zone across two), stale in report_stale, and report counts a
// stale month from the entries instead until the next write rebuilds it.
constexpr const char* k_v3 = R"sql(
DROP INDEX entries_kind_day;
CREATE INDEX entries_report
  ON entries(kind, day, at, tz, category, intensity, duration, outcome, strategies,
             mood, craving, sober, energy, sleep, type, goal_id, count, deleted)
  WHERE deleted IS NULL;
CREATE TABLE report_rollup (
  month TEXT NOT NULL,
  dim   TEXT NOT NULL,
  key   TEXT NOT NULL,
  a     INTEGER NOT NULL DEFAULT 0,
  b     INTEGER NOT NULL DEFAULT 0,
  c     INTEGER NOT NULL DEFAULT 0,
  d     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, dim, key)
) WITHOUT ROWID;
CREATE TABLE report_stale (month TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
INSERT INTO report_stale
  SELECT DISTINCT substr(day, 1, 7) FROM entries WHERE kind IN ('trigger', 'craving');
CREATE TRIGGER report_stale_on_insert AFTER INSERT ON entries
  WHEN NEW.kind IN ('trigger', 'craving')
BEGIN
  INSERT OR IGNORE INTO report_stale
    VALUES (substr(NEW.day, 1, 7)), (substr(date(NEW.day, '-2 days'), 1, 7));
END;
CREATE TRIGGER report_stale_on_update AFTER UPDATE ON entries
  WHEN OLD.kind IN ('trigger', 'craving') OR NEW.kind IN ('trigger', 'craving')
BEGIN
  INSERT OR IGNORE INTO report_stale
    VALUES (substr(OLD.day, 1, 7)), (substr(date(OLD.day, '-2 days'), 1, 7)),
           (substr(NEW.day, 1, 7)), (substr(date(NEW.day, '-2 days'), 1, 7));
END;
CREATE TRIGGER report_stale_on_delete AFTER DELETE ON entries
  WHEN OLD.kind IN ('trigger', 'craving')
BEGIN
  INSERT OR IGNORE INTO report_stale
    VALUES (substr(OLD.day, 1, 7)), (substr(date(OLD.day, '-2 days'), 1, 7));
END;
)sql";

// Version 4: the mentor's side (SPEC §7, `peers`). Each steady-summary a
// mentee sent is one row of peer_summaries, one per mentee (mentee_key, the
// name in lower case) and period, holding the json as received and the
// figures peers reads; peer_missed holds its missed days and peer_clocks its
// clocks. A newer summary of the same period replaces the row (its children
// go with it).
constexpr const char* k_v4 = R"sql(
CREATE TABLE peer_summaries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  mentee          TEXT NOT NULL CHECK (length(mentee) > 0),
  mentee_key      TEXT NOT NULL,
  mentor          TEXT,
  period_from     TEXT NOT NULL,
  period_to       TEXT NOT NULL CHECK (period_to >= period_from),
  generated_at    TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  checkins_done   INTEGER,
  checkins_days   INTEGER,
  current_streak  INTEGER,
  mood_average    REAL,
  mood_change     REAL,
  craving_average REAL,
  craving_change  REAL,
  has_clocks      INTEGER NOT NULL CHECK (has_clocks IN (0, 1)),
  sha256          TEXT NOT NULL,
  summary         TEXT NOT NULL CHECK (json_valid(summary)),
  UNIQUE (mentee_key, period_from, period_to)
);
CREATE TABLE peer_missed (
  summary_id INTEGER NOT NULL REFERENCES peer_summaries(id) ON DELETE CASCADE,
  day        TEXT NOT NULL,
  PRIMARY KEY (summary_id, day)
) WITHOUT ROWID;
CREATE TABLE peer_clocks (
  summary_id  INTEGER NOT NULL REFERENCES peer_summaries(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  run_minutes INTEGER NOT NULL,
  lapses      INTEGER NOT NULL DEFAULT 0,
  last_lapse  TEXT,
  PRIMARY KEY (summary_id, position)
) WITHOUT ROWID;
)sql";

// Version 5: what sos reads. Its strategy counts take each built month's
// `strategy` rows of report_rollup; this index finds them, and the built
// months, without reading the rollup's every row.
constexpr const char* k_v5 = R"sql(
CREATE INDEX report_rollup_dim ON report_rollup(dim, month);
)sql";

// Version 6: encrypted shares (SPEC §7). A partner's OpenPGP key, by its
// fingerprint in steady's keyring (the key itself is kept there, not in the
// journal), and whether each share was encrypted to it.
constexpr const char* k_v6 = R"sql(
ALTER TABLE partners ADD COLUMN pgp_fingerprint TEXT
  CHECK (pgp_fingerprint IS NULL OR (length(pgp_fingerprint) BETWEEN 16 AND 64
                                     AND NOT pgp_fingerprint GLOB '*[^0-9A-F]*'));
ALTER TABLE shares ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1));
)sql";

// Version 7: sos reads every strategy row of the rollup at each start. With
// the counts in the index, they lie together in its pages, in month order,
// and the rollup's own pages (each month's rows of every dimension) are not
// read at all: sos took 4.7 ms on the ten-year journal and now 3.7, 13.8 ms
// on the hundred-year one and now 7.6 (tests/bench/RESULTS.md).
constexpr const char* k_v7 = R"sql(
DROP INDEX IF EXISTS report_rollup_dim;
CREATE INDEX report_rollup_dim ON report_rollup(dim, month, key, a, b, c, d);
)sql";

// Index i holds the SQL that takes a journal from version i to i + 1.
constexpr std::array k_migrations = {k_v1, k_v2, k_v3, k_v4, k_v5, k_v6, k_v7};
static_assert(k_migrations.size() == k_schema_version);

} // namespace

void migrate(SQLite::Database& db)
{
    int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version >= k_schema_version)
        return;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Re-read inside the lock: another process may have migrated meanwhile.
    version = db.execAndGet("PRAGMA user_version").getInt();
    for (auto v = static_cast<std::size_t>(version); v < k_migrations.size(); ++v)
        db.exec(k_migrations[v]);
    db.exec("PRAGMA user_version = " + std::to_string(k_schema_version));
    transaction.commit();
}

} // namespace steady::store
