#!/usr/bin/env python3
"""Writes the seed corpora of the time grammar targets from the unit tables.

tests/unit/test_{dates,periods,durations}.cpp hold one row per input; each
row becomes one small file under tests/fuzz/corpus/<grammar>/, in the
"CONTEXT\\nTEXT" form of tests/fuzz/fuzz_time.hpp (durations: TEXT only).
Run from the repository root after changing a table; the files are checked in.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAMES = {"k_sun": "2026-11-22T20:00:00", "k_berlin": "Europe/Berlin",
         "k_ny": "America/New_York", "k_utc": "UTC"}
WEEKDAYS = {"k_mon": "1", "date::Monday": "1", "date::Sunday": "0", "date::Saturday": "6"}
STRING = r'"((?:[^"\\]|\\.)*)"'
VALUE = r'(%s|k_\w+|date::\w+)' % STRING


def value(token):
    if token.startswith('"'):
        return bytes(token[1:-1], "utf-8").decode("unicode_escape")
    return NAMES.get(token) or WEEKDAYS[token]


def rows(table, fields):
    text = (ROOT / "tests/unit" / table).read_text()
    row = re.compile(r"^\s*\{" + r",\s*".join([VALUE] * fields), re.M)
    for match in row.finditer(text):
        yield [value(t) for t in re.findall(VALUE, match.group(0))[:fields] for t in [t[0]]]


def write(grammar, contents):
    folder = ROOT / "tests/fuzz/corpus" / grammar
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for i, content in enumerate(sorted(set(contents))):
        (folder / ("row_%03d" % i)).write_bytes(content.encode())


# dates: input, now, zone, day_start
write("date", ["%s %s %s 1\n%s" % (z, n, s, i) for i, n, z, s in rows("test_dates.cpp", 4)])
# periods: input, now, zone, day_start, week_start
write("period", ["%s %s %s %s\n%s" % (z, n, s, w, i)
                 for i, n, z, s, w in rows("test_periods.cpp", 5)])
write("duration", [r[0] for r in rows("test_durations.cpp", 1)])
