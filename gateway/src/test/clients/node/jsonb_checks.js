// node-postgres with json and jsonb: values parsed by pg's type parsers (OIDs 114 and 3802),
// operators and parameters. Run by JsonbWireTest with PGHOST/PGPORT/PGUSER/PGDATABASE set; prints
// "ok: <check>" per passed check and exits non-zero at the first failure.
'use strict';
const assert = require('node:assert/strict');
const { Client } = require('pg');

function ok(name) {
  console.log('ok: ' + name);
}

async function main() {
  const client = new Client();
  await client.connect();

  const typed = await client.query(`SELECT '{"b":1, "a":[1,2]}'::jsonb AS j, '[1, 2]'::json AS t, $1::jsonb AS p`,
    [JSON.stringify({ y: 2, x: [null] })]);
  assert.deepEqual(typed.rows[0], { j: { a: [1, 2], b: 1 }, t: [1, 2], p: { x: [null], y: 2 } });
  assert.deepEqual(typed.fields.map((f) => f.dataTypeID), [3802, 114, 3802]);
  ok('jsonb types');

  const ops = await client.query(`SELECT $1::jsonb -> 'a' AS a, $1::jsonb ->> 'b' AS b, $1::jsonb ?| array['c', 'b'] AS any,
    $1::jsonb - 'a' AS rest, jsonb_set($1::jsonb, '{a}', '[9]') AS changed`, [JSON.stringify({ a: [1], b: 'x' })]);
  assert.deepEqual(ops.rows[0], { a: [1], b: 'x', any: true, rest: { b: 'x' }, changed: { a: [9], b: 'x' } });
  ok('jsonb operators');

  const built = await client.query(`SELECT jsonb_build_object('n', 1, 's', 'two') AS o, jsonb_agg(x) AS arr
    FROM (VALUES (1), (2)) AS v(x)`);
  assert.deepEqual(built.rows[0].o, { n: 1, s: 'two' });
  assert.deepEqual([...built.rows[0].arr].sort(), [1, 2]); // jsonb_agg without ORDER BY: any order
  ok('jsonb functions');
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
