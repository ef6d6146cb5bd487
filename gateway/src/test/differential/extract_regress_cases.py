#!/usr/bin/python3
"""Writes the differential suite's regress-*.txt case files from PostgreSQL's regression SQL.

Usage: extract_regress_cases.py REGRESS_SQL_DIR OUT_DIR 'host=... port=... user=postgres dbname=...'

Each area's statements are split (quotes, dollar quotes, comments and psql meta-commands are
understood), its CREATE TABLE / INSERT statements become the area's setup (as TEMP tables, plus
the shared regression tables it names, filled with generated data where the originals are loaded
from data files), and its SELECT / VALUES / WITH / TABLE statements become cases when PostgreSQL 15
answers them deterministically in that setup: rows (at most MAX_ROWS) or a data exception (class 22).
Statements whose answer depends on the clock, randomness or the backend are left out.
"""
import re
import sys

import psycopg2
import psycopg2.extensions

# Every value as PostgreSQL's text, as the suite compares them.
for _oids in list(psycopg2.extensions.string_types):
    psycopg2.extensions.register_type(psycopg2.extensions.new_type((_oids,), "TEXT%d" % _oids, lambda v, c: v))
for _oid in (1082, 1083, 1114, 1184, 1186, 1266, 1700, 700, 701, 20, 21, 23, 16, 17, 3802, 114, 1182, 1115, 1185, 1183, 1187):
    psycopg2.extensions.register_type(psycopg2.extensions.new_type((_oid,), "RAW%d" % _oid, lambda v, c: v))

AREAS = ["int2", "int4", "int8", "numeric", "float4", "float8", "numerology", "text", "strings", "char",
         "varchar", "name", "boolean", "date", "time", "timetz", "timestamp", "timestamptz", "interval",
         "horology", "arrays", "json", "jsonb", "select", "select_distinct", "select_having",
         "select_implicit", "limit", "join", "union", "aggregates", "window", "case", "subselect", "with",
         "expressions", "uuid", "md5", "regex"]
MAX_ROWS = 100
# At most this many cases per area, taken evenly through the file, so the suite runs in about a minute and a half.
MAX_CASES = 200
MAX_TEXT = 20000
VOLATILE = re.compile(r"now\(|'now'|'today'|'tomorrow'|'yesterday'|random|clock_|current_time|current_date|localtime|"
                      r"timeofday|txid|pg_backend_pid|statement_timestamp|transaction_timestamp|nextval|setval|currval|"
                      r"pg_sleep|pg_stat|pg_class|pg_proc|pg_attribute|pg_type|pg_catalog|information_schema|\boid\b|"
                      r"ctid|xmin|explain|pg_typeof|regclass|regproc|regtype|pg_column|set_config|current_setting|"
                      r"\binto\b|gen_random|uuidv|version\(|pg_get|pg_relation|tableoid|lo_|pg_input|\bcopy\b",
                      re.IGNORECASE)
CASE_START = re.compile(r"^\s*\(*\s*(select|values|with|table)\b", re.IGNORECASE)
DATA_MODIFYING = re.compile(r"\b(insert\s+into|update\s+\w+\s+set|delete\s+from|merge\s+into)\b", re.IGNORECASE)
SETUP_START = re.compile(r"^\s*(create\s+(temp\s+|temporary\s+|unlogged\s+)?table|insert\s+into)\b",
                         re.IGNORECASE)
# Setup rows must be the same on both servers.
VOLATILE_SETUP = re.compile(r"random|gen_random|uuidv|now\(|'now'|clock_|current_time|current_date|localtime|nextval|"
                            r"txid|pg_backend_pid|timeofday", re.IGNORECASE)
PSQL_VARIABLE = re.compile(r"(?<![:\w]):(?!:)['\"A-Za-z_]")

# The shared regression tables (test_setup.sql): the small ones as there, the data-file ones generated
# (the suite compares PostgreSQL and the gateway on the same data, not against the regression output).
SHARED = {
    "char_tbl": ["CREATE TEMP TABLE char_tbl(f1 char(4))",
                 "INSERT INTO char_tbl (f1) VALUES ('a'), ('ab'), ('abcd'), ('abcd    ')"],
    "float8_tbl": ["CREATE TEMP TABLE float8_tbl(f1 float8)",
                   "INSERT INTO float8_tbl(f1) VALUES ('0.0'), ('-34.84'), ('-1004.30'), ('-1.2345678901234e+200'), "
                   "('-1.2345678901234e-200')"],
    "float4_tbl": ["CREATE TEMP TABLE float4_tbl(f1 float4)",
                   "INSERT INTO float4_tbl(f1) VALUES ('0.0'), ('1004.30'), ('-34.84'), ('1.2345678901234e+20'), "
                   "('1.2345678901234e-20')"],
    "int2_tbl": ["CREATE TEMP TABLE int2_tbl(f1 int2)",
                 "INSERT INTO int2_tbl(f1) VALUES ('0   '), ('  1234 '), ('    -1234'), ('32767'), ('-32767')"],
    "int4_tbl": ["CREATE TEMP TABLE int4_tbl(f1 int4)",
                 "INSERT INTO int4_tbl(f1) VALUES ('   0  '), ('123456     '), ('    -123456'), ('2147483647'), "
                 "('-2147483647')"],
    "int8_tbl": ["CREATE TEMP TABLE int8_tbl(q1 int8, q2 int8)",
                 "INSERT INTO int8_tbl VALUES ('  123   ','  456'), ('123   ','4567890123456789'), "
                 "('4567890123456789','123'), (+4567890123456789,'4567890123456789'), "
                 "('+4567890123456789','-4567890123456789')"],
    "text_tbl": ["CREATE TEMP TABLE text_tbl (f1 text)", "INSERT INTO text_tbl VALUES ('doh!'), ('hi de ho neighbor')"],
    "varchar_tbl": ["CREATE TEMP TABLE varchar_tbl(f1 varchar(4))",
                    "INSERT INTO varchar_tbl (f1) VALUES ('a'), ('ab'), ('abcd'), ('abcd    ')"],
}
TENK_COLUMNS = ("unique1 int4, unique2 int4, two int4, four int4, ten int4, twenty int4, hundred int4, thousand int4, "
                "twothousand int4, fivethous int4, tenthous int4, odd int4, even int4, stringu1 text, stringu2 text, "
                "string4 text")
TENK_ROWS = ("SELECT u, CAST(i AS int4), u % 2, u % 4, u % 10, u % 20, u % 100, u % 1000, u % 2000, u % 5000, u, "
             "(u % 100) * 2, (u % 100) * 2 + 1, 'A' || CAST(u AS text) || 'xx', 'B' || CAST(i AS text) || 'xx', "
             "CASE u % 4 WHEN 0 THEN 'AAAAxx' WHEN 1 THEN 'HHHHxx' WHEN 2 THEN 'OOOOxx' ELSE 'VVVVxx' END "
             "FROM (SELECT CAST(g AS int4) AS i, CAST((g * 7919) % {n} AS int4) AS u FROM generate_series(0, {last}) AS s(g)) t")
for table, rows in (("tenk1", 10000), ("tenk2", 10000), ("onek", 1000), ("onek2", 1000)):
    SHARED[table] = ["CREATE TEMP TABLE %s (%s)" % (table, TENK_COLUMNS),
                     "INSERT INTO %s %s" % (table, TENK_ROWS.format(n=rows, last=rows - 1))]


def statements(text):
    """Splits psql input into statements; a statement holding a psql meta-command or variable is dropped."""
    out, buf, i, n, spoiled = [], [], 0, len(text), False
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            i = j
            buf.append(" ")
            continue
        if c == "'":
            escaped = i > 0 and text[i - 1] in "eE" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] == "_"))
            j = i + 1
            while j < n:
                if escaped and text[j] == "\\":
                    j += 2
                    continue
                if text[j] == "'":
                    if j + 1 < n and text[j + 1] == "'":
                        j += 2
                        continue
                    break
                j += 1
            buf.append(text[i:j + 1])
            i = j + 1
            continue
        if c == '"':
            j = text.find('"', i + 1)
            j = n - 1 if j < 0 else j
            buf.append(text[i:j + 1])
            i = j + 1
            continue
        if c == "$":
            m = re.match(r"\$([A-Za-z_]\w*)?\$", text[i:])
            if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                tag = m.group(0)
                j = text.find(tag, i + len(tag))
                j = n if j < 0 else j + len(tag)
                buf.append(text[i:j])
                i = j
                continue
        if c == "\\":
            j = text.find("\n", i)
            i = n if j < 0 else j
            spoiled = True
            statement = "".join(buf).strip()
            if statement:  # \gset, \gexec ... end a statement we cannot use
                buf = []
            continue
        if c == ";":
            statement = " ".join("".join(buf).split())
            if statement and not spoiled:
                out.append(statement)
            buf, spoiled, i = [], False, i + 1
            continue
        buf.append(c)
        i += 1
    return out


def without_literals(sql):
    return re.sub(r"'(?:[^']|'')*'", "''", sql)


def answer(cursor, sql):
    try:
        cursor.execute(sql)
        if cursor.description is None:
            return ("ok",)
        rows = cursor.fetchmany(MAX_ROWS + 1)
        names = tuple((d.name, d.type_code) for d in cursor.description)
        return ("rows", names, tuple(tuple(str(v) for v in row) for row in rows))
    except psycopg2.Error as e:
        return ("error", e.pgcode or "")


def area_cases(connection, area, text):
    setup, candidates = [], []
    for index, sql in enumerate(statements(text), 1):
        if PSQL_VARIABLE.search(without_literals(sql)):
            continue
        if SETUP_START.match(sql):
            if VOLATILE_SETUP.search(sql):
                continue
            setup.append(re.sub(r"^\s*create\s+(temp\s+|temporary\s+|unlogged\s+)?table", "CREATE TEMP TABLE", sql,
                                flags=re.IGNORECASE))
        elif CASE_START.match(sql) and not DATA_MODIFYING.search(without_literals(sql)) and not VOLATILE.search(sql):
            candidates.append((index, sql))
    lowered = text.lower()
    own = " ".join(s.lower() for s in setup)
    shared = [s for table, stmts in SHARED.items() if re.search(r"\b%s\b" % table, lowered)
              and not re.search(r"create temp table %s\b" % table, own) for s in stmts]
    cursor = connection.cursor()
    cursor.execute("DISCARD ALL")
    cursor.execute("SET statement_timeout = '3s'")
    kept_setup = []
    for sql in shared + setup:
        if answer(cursor, sql)[0] == "ok":
            kept_setup.append(sql)
    cases = []
    for index, sql in candidates:
        if len(sql) > 2000:
            continue
        first = answer(cursor, sql)
        if first[0] == "error" and not first[1].startswith("22"):
            continue
        if first[0] == "rows" and (len(first[2]) > MAX_ROWS or len(repr(first[2])) > MAX_TEXT):
            continue
        if first[0] == "ok":
            continue
        second = answer(cursor, sql)
        if first[0] == "rows" and second[0] == "rows":
            if sorted(first[2]) != sorted(second[2]):
                continue
        elif first != second:
            continue
        cases.append((index, sql))
    if len(cases) > MAX_CASES:
        cases = [cases[i * len(cases) // MAX_CASES] for i in range(MAX_CASES)]
    return kept_setup, cases


def main():
    source, out, dsn = sys.argv[1], sys.argv[2], sys.argv[3]
    connection = psycopg2.connect(dsn)
    connection.autocommit = True
    total = 0
    for area in AREAS:
        with open("%s/%s.sql" % (source, area), encoding="utf-8") as f:
            text = f.read()
        setup, cases = area_cases(connection, area, text)
        total += len(cases)
        print("%-16s %4d cases, %3d setup statements" % (area, len(cases), len(setup)), file=sys.stderr)
        with open("%s/regress-%s.txt" % (out, area), "w", encoding="utf-8") as f:
            f.write("# Cases from PostgreSQL's regression tests, src/test/regress/sql/%s.sql (PostgreSQL Global\n"
                    "# Development Group, PostgreSQL licence): the statements PostgreSQL 15 answers deterministically\n"
                    "# without the regression database, with the tables they read created as TEMP tables first\n"
                    "# (shared regression tables generated where the originals are loaded from data files).\n"
                    "# Generated by gateway/src/test/differential/extract_regress_cases.py; the format is in cases.txt.\n\n"
                    % area)
            f.write("area: regress/%s\n" % area)
            for sql in setup:
                f.write("area-setup: %s\n" % sql)
            for index, sql in cases:
                f.write("\ncase: %s #%d\nsql: %s\n" % (area, index, sql))
    print("total %d" % total, file=sys.stderr)


if __name__ == "__main__":
    main()
