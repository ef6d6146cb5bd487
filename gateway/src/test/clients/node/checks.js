// node-postgres against the gateway: simple and parameterised queries, the types pg parses, streaming
// with pg-cursor, errors and transactions. Run by NodePostgresWireTest with PGHOST/PGPORT/PGUSER/
// PGDATABASE set; prints "ok: <check>" per passed check and exits non-zero at the first failure.
'use strict';
const assert = require('node:assert/strict');
const { Client } = require('pg');
const Cursor = require('pg-cursor');

function ok(name) {
  console.log('ok: ' + name);
}

async function main() {
  const client = new Client();
  await client.connect();
  ok('connect');

  const simple = await client.query('SELECT 1 AS one, count(*) FROM bronze.trades');
  assert.deepEqual(simple.rows, [{ one: 1, count: '10000' }]);
  assert.deepEqual(simple.fields.map((f) => f.name), ['one', 'count']);
  ok('simple query');

  const typed = await client.query(
    'SELECT trade_id, ts, symbol, quantity, price, date FROM bronze.trades WHERE trade_id = $1', [2001]);
  const row = typed.rows[0];
  assert.equal(row.trade_id, '2001'); // bigint arrives as a string
  assert.ok(row.ts instanceof Date);
  assert.equal(row.ts.toISOString(), '2024-01-03T18:51:00.000Z');
  assert.equal(row.symbol, 'SYM1');
  assert.equal(row.quantity, '2.0000'); // numeric arrives as a string
  assert.equal(row.price, '100.1000');
  assert.ok(row.date instanceof Date);
  ok('parameters and types');

  const named = await client.query({ name: 'by-symbol', text: 'SELECT count(*)::int AS n FROM bronze.trades WHERE symbol = $1', values: ['SYM2'] });
  assert.equal(named.rows[0].n, 500);
  const again = await client.query({ name: 'by-symbol', text: 'SELECT count(*)::int AS n FROM bronze.trades WHERE symbol = $1', values: ['SYM3'] });
  assert.equal(again.rows[0].n, 500);
  ok('prepared statement reuse');

  const cursor = client.query(new Cursor('SELECT trade_id FROM bronze.trades ORDER BY trade_id'));
  let seen = 0;
  for (;;) {
    const rows = await cursor.read(1000);
    if (rows.length === 0) break;
    assert.equal(Number(rows[0].trade_id), seen);
    seen += rows.length;
  }
  await cursor.close();
  assert.equal(seen, 10000);
  ok('pg-cursor streaming');

  await assert.rejects(client.query('SELECT * FROM bronze.no_such_table'), (err) => err.code === '42P01');
  await client.query('BEGIN');
  await assert.rejects(client.query("SELECT CAST('x' AS integer)"), (err) => err.code === '22P02');
  await assert.rejects(client.query('SELECT 1'), (err) => err.code === '25P02');
  await client.query('ROLLBACK');
  assert.equal((await client.query('SELECT 2 AS two')).rows[0].two, 2);
  ok('errors and transactions');

  // PostgreSQL's dialect: lists as = ANY($1) (sent as untyped array text), set-returning functions
  // in the select list as int4 rows (numbers, not strings), bytea hex input, integer division.
  const anyInts = await client.query('SELECT x FROM (VALUES (1), (2), (3)) t(x) WHERE x = ANY($1) ORDER BY x', [[1, 3]]);
  assert.deepEqual(anyInts.rows.map((row) => row.x), [1, 3]);
  const anyTexts = await client.query("SELECT 1 AS one WHERE 'b' = ANY($1)", [['a', 'b']]);
  assert.equal(anyTexts.rows.length, 1);
  const series = await client.query('SELECT generate_series(1, 3) AS g');
  assert.deepEqual(series.rows.map((row) => row.g), [1, 2, 3]);
  const bytes = await client.query("SELECT '\\x0001ff'::bytea AS b, 7 / 2 AS q");
  assert.deepEqual([...bytes.rows[0].b], [0, 1, 255]);
  assert.equal(bytes.rows[0].q, 3);
  ok('postgres dialect');

  // a numeric of more than 10 decimals bound for numeric without precision: 22003, never rounded to 10
  await client.query('CREATE TEMP TABLE readings (loose numeric)');
  await assert.rejects(client.query('INSERT INTO readings VALUES ($1)', ['0.123456789012']), (err) => err.code === '22003');
  await assert.rejects(client.query('SELECT $1::numeric AS n', ['0.123456789012']), (err) => err.code === '22003');
  await client.query('INSERT INTO readings VALUES ($1)', ['0.1234567890']);
  assert.deepEqual((await client.query('SELECT loose FROM readings')).rows, [{ loose: '0.1234567890' }]);
  ok('unconstrained numeric parameters');

  await client.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
