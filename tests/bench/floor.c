/* The tight floor of tests/bench/bench.sh: the least a program can do to run
 * the same SQL as steady on the same journal through the same libsqlite3.
 *
 *   steady-bench-floor                 start and exit (the floor of --version)
 *   steady-bench-floor DB SQL          open DB with steady's connection
 *                                      settings, run every statement of SQL,
 *                                      stepping every row and reading every
 *                                      column as text, then close
 *   steady-bench-floor --rows DB BEFORE SELECT INSERT AFTER
 *                                      run BEFORE as above, then for each row
 *                                      of SELECT bind its columns to INSERT's
 *                                      parameters and step it (one prepared
 *                                      statement, reset each row: a record at
 *                                      a time, as steady's import writes),
 *                                      then run AFTER
 *
 * No shell, no formatting, no output: what is left of a command's time once
 * this is taken away is steady's own work. Exits 1 with SQLite's message on
 * any error. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* Every value read is added here, so that the compiler keeps the reads. */
static volatile unsigned long g_sink;

static int fail(sqlite3* db, const char* what)
{
    fprintf(stderr, "steady-bench-floor: %s: %s\n", what,
            db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 1;
}

/* Runs every statement of sql, stepping every row and reading every column. */
static int run_sql(sqlite3* db, const char* sql)
{
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
    return 0;
}

/* Each row of `select` written by one step of `insert`, its columns bound
 * as the values they are. */
static int copy_rows(sqlite3* db, const char* select, const char* insert)
{
    sqlite3_stmt* from = NULL;
    sqlite3_stmt* to = NULL;
    if (sqlite3_prepare_v2(db, select, -1, &from, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, insert, -1, &to, NULL) != SQLITE_OK) {
        sqlite3_finalize(from);
        return fail(db, "prepare");
    }
    int rc;
    while ((rc = sqlite3_step(from)) == SQLITE_ROW) {
        const int columns = sqlite3_column_count(from);
        for (int i = 0; i < columns; ++i)
            sqlite3_bind_value(to, i + 1, sqlite3_column_value(from, i));
        if (sqlite3_step(to) != SQLITE_DONE) {
            rc = SQLITE_ERROR;
            break;
        }
        sqlite3_reset(to);
    }
    sqlite3_finalize(from);
    sqlite3_finalize(to);
    return rc == SQLITE_DONE ? 0 : fail(db, "copy");
}

int main(int argc, char** argv)
{
    if (argc == 1)
        return 0;
    const int rows = argc == 7 && strcmp(argv[1], "--rows") == 0;
    if (argc != 3 && !rows) {
        fputs("usage: steady-bench-floor [DB SQL | --rows DB BEFORE SELECT INSERT AFTER]\n",
              stderr);
        return 2;
    }
    const char* path = argv[rows ? 2 : 1];
    sqlite3* db = NULL;
    /* src/store/journal.cpp: open_checked */
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return fail(db, "open");
    /* src/store/journal.cpp: apply_pragmas */
    sqlite3_busy_timeout(db, 10000);
    if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", NULL, NULL,
                     NULL) != SQLITE_OK)
        return fail(db, "pragmas");
    if (run_sql(db, argv[rows ? 3 : 2]) != 0)
        return 1;
    if (rows && (copy_rows(db, argv[4], argv[5]) != 0 || run_sql(db, argv[6]) != 0))
        return 1;
    if (sqlite3_close(db) != SQLITE_OK)
        return fail(db, "close");
    return 0;
}
