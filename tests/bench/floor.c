/* The tight floor of tests/bench/bench.sh: the least a program can do to run
 * the same SQL as steady on the same journal through the same libsqlite3.
 *
 *   steady-bench-floor                 start and exit (the floor of --version)
 *   steady-bench-floor DB SQL          open DB with steady's connection
 *                                      settings, run every statement of SQL,
 *                                      stepping every row and reading every
 *                                      column as text, then close
 *
 * No shell, no formatting, no output: what is left of a command's time once
 * this is taken away is steady's own work. Exits 1 with SQLite's message on
 * any error. */
#include <sqlite3.h>
#include <stdio.h>

/* Every value read is added here, so that the compiler keeps the reads. */
static volatile unsigned long g_sink;

static int fail(sqlite3* db, const char* what)
{
    fprintf(stderr, "steady-bench-floor: %s: %s\n", what,
            db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 1;
}

int main(int argc, char** argv)
{
    if (argc == 1)
        return 0;
    if (argc != 3) {
        fputs("usage: steady-bench-floor [DB SQL]\n", stderr);
        return 2;
    }
    sqlite3* db = NULL;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        return fail(db, "open");
    /* src/store/journal.cpp: apply_pragmas */
    sqlite3_busy_timeout(db, 10000);
    if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", NULL, NULL,
                     NULL) != SQLITE_OK)
        return fail(db, "pragmas");
    const char* sql = argv[2];
    while (*sql) {
        sqlite3_stmt* stmt = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, &sql) != SQLITE_OK)
            return fail(db, "prepare");
        if (!stmt)
            break; /* only blanks or a comment were left */
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const int columns = sqlite3_column_count(stmt);
            for (int i = 0; i < columns; ++i) {
                const unsigned char* text = sqlite3_column_text(stmt, i);
                g_sink += text ? text[0] : 0;
            }
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            return fail(db, "step");
    }
    if (sqlite3_close(db) != SQLITE_OK)
        return fail(db, "close");
    return 0;
}
