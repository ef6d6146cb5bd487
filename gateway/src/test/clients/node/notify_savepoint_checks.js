// LISTEN/NOTIFY through savepoints, pg_notify's result type and its errors through node-postgres,
// against the gateway (PG* variables) and a reference PostgreSQL 15 (REFERENCE_* variables): the
// same steps on both must give the same notifications (client.on('notification')), field types and
// errors; a few expected values are asserted too. Prints "ok: <check>" per passed check.
'use strict';
const assert = require('node:assert/strict');
const { Client } = require('pg');

const REFERENCE = require('./reference');

async function connected(config) {
  const client = new Client(config);
  await client.connect();
  return client;
}

/** The payloads received on channel until count have arrived (or 10 s passed). */
function collect(client, channel, count) {
  const payloads = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(payloads), 10000);
    client.on('notification', (message) => {
      if (message.channel === channel) {
        payloads.push(message.payload);
        if (payloads.length === count) {
          clearTimeout(timer);
          resolve(payloads);
        }
      }
    });
  });
}

async function savepoints(config) {
  const listener = await connected(config);
  const sender = await connected(config);
  await listener.query('LISTEN node_savepoints');
  const arriving = collect(listener, 'node_savepoints', 3);
  await sender.query('BEGIN');
  await sender.query("NOTIFY node_savepoints, 'before'");
  await sender.query('SAVEPOINT a');
  await sender.query('SELECT pg_notify($1, $2)', ['node_savepoints', 'rolled back']);
  await sender.query('ROLLBACK TO SAVEPOINT a');
  await sender.query('SAVEPOINT b');
  await sender.query('SELECT pg_notify($1, $2)', ['node_savepoints', 'released']);
  await sender.query('RELEASE b');
  await sender.query('SAVEPOINT c');
  await assert.rejects(sender.query('SELECT pg_notify($1, $2)', ['', 'fails']));
  await sender.query('ROLLBACK TO c');
  await sender.query("NOTIFY node_savepoints, 'after recovery'");
  await sender.query('COMMIT');
  const payloads = await arriving;
  await listener.end();
  await sender.end();
  return payloads;
}

async function voidTypes(config) {
  const client = await connected(config);
  const found = [];
  for (const [sql, values] of [
    ['SELECT pg_notify($1, $2)', ['node_void', 'parameters']],
    ["SELECT pg_notify('node_void', 'literal')", []],
    ['SELECT pg_notify($1, x::text) AS sent FROM generate_series(1, 2) AS g(x)', ['node_void']],
  ]) {
    const answer = await client.query(sql, values);
    found.push([sql, answer.fields.map((f) => [f.name, f.dataTypeID]), answer.rows]);
  }
  await client.end();
  return found;
}

async function errors(config) {
  const client = await connected(config);
  const found = [];
  for (const values of [['', 'x'], ['node_errors', 'x'.repeat(8000)], ['c'.repeat(64), 'x']]) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_notify($1, $2)', values);
      found.push('no error');
    } catch (error) {
      found.push(`${error.code} ${error.message}`);
    }
    await client.query('ROLLBACK');
  }
  await client.end();
  return found;
}

async function main() {
  const sent = await savepoints({});
  assert.deepEqual(sent, ['before', 'released', 'after recovery']);
  assert.deepEqual(sent, await savepoints(REFERENCE));
  console.log('ok: savepoints');

  const voids = await voidTypes({});
  assert.ok(voids.every(([, fields]) => fields[0][1] === 2278), JSON.stringify(voids));
  assert.deepEqual(voids, await voidTypes(REFERENCE));
  console.log('ok: void');

  const failed = await errors({});
  assert.equal(failed[0], '22023 channel name cannot be empty');
  assert.deepEqual(failed, await errors(REFERENCE));
  console.log('ok: errors');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
