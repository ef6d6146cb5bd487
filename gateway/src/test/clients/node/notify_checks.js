// The platform's own notifications through node-postgres: client.on('notification') after an ingest
// run in another process (TRIGGER_INGEST, a JSON argv) and after a source sync (TRIGGER_SYNC); then
// pg_notify with bound parameters. Prints "ok: <check>" per passed check.
'use strict';
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');

const DATASET = process.env.DATASET;
const MIRROR = process.env.MIRROR;

function trigger(variable) {
  const argv = JSON.parse(process.env[variable]);
  execFileSync(argv[0], argv.slice(1), { stdio: 'pipe' });
}

function nextOn(client, channel) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no notification on ' + channel)), 60000);
    const listener = (message) => {
      if (message.channel === channel) {
        clearTimeout(timer);
        client.removeListener('notification', listener);
        resolve(message);
      }
    };
    client.on('notification', listener);
  });
}

async function main() {
  const client = new Client();
  await client.connect();
  await client.query(`LISTEN "lake_commit:${DATASET}"`);
  await client.query(`LISTEN "mirror_sync:${MIRROR}"`);

  let waiting = nextOn(client, 'lake_commit:' + DATASET);
  trigger('TRIGGER_INGEST');
  let message = await waiting;
  let payload = JSON.parse(message.payload);
  assert.equal(`${payload.layer}.${payload.dataset}`, DATASET);
  assert.equal(payload.rows, 3);
  assert.equal(message.processId, 0);
  const counted = await client.query(`SELECT count(*)::int AS n FROM ${DATASET}`);
  assert.equal(counted.rows[0].n, payload.rows);
  console.log('ok: lake commit');

  waiting = nextOn(client, 'mirror_sync:' + MIRROR);
  trigger('TRIGGER_SYNC');
  message = await waiting;
  payload = JSON.parse(message.payload);
  assert.equal(payload.mirror, MIRROR);
  assert.ok(payload.rows > 0);
  console.log('ok: mirror sync');

  // pg_notify with bound parameters (the extended protocol), heard by the same session
  await client.query('LISTEN node_params');
  waiting = nextOn(client, 'node_params');
  const answer = await client.query('SELECT pg_notify($1, $2)', ['node_params', 'from parameters']);
  assert.deepEqual(answer.rows, [{ pg_notify: '' }]);
  message = await waiting;
  assert.equal(message.payload, 'from parameters');
  console.log('ok: pg_notify parameters');

  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
