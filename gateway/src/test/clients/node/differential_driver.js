// The differential suite's cases through node-postgres, against the gateway (PG* variables) and a
// reference PostgreSQL 15 (REFERENCE_* variables). Run by DriverDifferentialTest: CASES names a JSON
// file of areas (setup, cases with their SQL in $n form, parameters, whether rows are ordered). Each
// case runs on both, on one client per area (a case with its own setup on fresh ones); the answers
// compared are what node-postgres gives the application: field names and dataTypeIDs with every
// value as the JavaScript value it made (typed: Date, Buffer, array, object...), or the error's
// SQLSTATE class. Prints one JSON line per case.
'use strict';
const fs = require('node:fs');
const { Client } = require('pg');

const REFERENCE = require('./reference');
const MAX_ROWS = 1000;

async function connect(config, setup) {
  const client = new Client(config);
  client.on('error', () => {});
  await client.connect();
  for (const sql of ["SET TIME ZONE 'UTC'", 'SET statement_timeout = 5000', ...setup]) {
    try {
      await client.query(sql);
    } catch (error) {
      // a setup the server refuses: the cases that need it differ
    }
  }
  return client;
}

/** A value as the application sees it, with its JavaScript type, as comparable text. */
function rendered(value) {
  if (value === null) {
    return 'null';
  }
  if (value instanceof Date) {
    return 'Date ' + (isNaN(value) ? String(value) : value.toISOString());
  }
  if (Buffer.isBuffer(value)) {
    return 'Buffer ' + value.toString('hex');
  }
  if (Array.isArray(value)) {
    return '[' + value.map(rendered).join(', ') + ']';
  }
  if (typeof value === 'object') {
    return 'object ' + JSON.stringify(value);
  }
  return typeof value + ' ' + String(value);
}

async function reconnect(client, config, setup) {
  client.end().catch(() => {});
  return connect(config, setup);
}

function parameter(p) {
  return p.type === 'null' ? null : p.type === 'int' ? Number(p.value) : p.value;
}

async function answer(client, testCase) {
  try {
    for (const sql of testCase.setup) {
      await client.query(sql);
    }
    const params = testCase.params.map(parameter);
    // Rows as arrays: two columns of one name stay two values.
    const result = params.length > 0
      ? await client.query({ text: testCase.sqlNumbered, values: params, rowMode: 'array' })
      : await client.query({ text: testCase.sql, rowMode: 'array' });
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    if (!last.fields || last.fields.length === 0) {
      return { status: last.command };
    }
    const rows = last.rows.slice(0, MAX_ROWS).map((row) => row.map(rendered));
    if (!testCase.ordered) {
      rows.sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0));
    }
    return { columns: last.fields.map((f) => [f.name, f.dataTypeID]), rows };
  } catch (error) {
    return { error: String(error.code || '').slice(0, 2) };
  }
}

async function run(area) {
  let ref = await connect(REFERENCE, area.setup);
  let gw = await connect({}, area.setup);
  for (const testCase of area.cases) {
    const own = testCase.setup.length > 0;
    const onRef = own ? await connect(REFERENCE, area.setup) : ref;
    const onGw = own ? await connect({}, area.setup) : gw;
    const expected = await answer(onRef, testCase);
    const actual = await answer(onGw, testCase);
    if (own) {
      await onRef.end();
      await onGw.end();
    }
    // A connection lost or a statement cancelled: the area goes on with a fresh one.
    if (expected.error === '08' || expected.error === '57' || expected.error === '') {
      ref = await reconnect(ref, REFERENCE, area.setup);
    }
    if (actual.error === '08' || actual.error === '57' || actual.error === '') {
      gw = await reconnect(gw, {}, area.setup);
    }
    const same = JSON.stringify(expected) === JSON.stringify(actual);
    console.log(JSON.stringify({ area: area.name, case: testCase.name, same, postgres: expected, gateway: actual }));
  }
  await ref.end();
  await gw.end();
}

async function main() {
  const areas = JSON.parse(fs.readFileSync(process.env.CASES, 'utf8'));
  for (const area of areas) {
    await run(area);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
