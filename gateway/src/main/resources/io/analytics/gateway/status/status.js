// Draws /status.json: plain JavaScript, no build step. Refreshes every ten seconds.
'use strict';

function size(bytes) {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes, unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
  return unit === 0 ? bytes + ' B' : value.toFixed(1) + ' ' + units[unit];
}

function duration(seconds) {
  if (seconds === null) return '';
  if (seconds < 120) return seconds + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  return Math.round(seconds / 3600) + ' h';
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

// One polyline per series, all on the scale of the largest value (p50 and p99 share one chart).
function chart(id, ...series) {
  const svg = document.getElementById(id);
  const max = Math.max(1e-9, ...series.flat());
  svg.innerHTML = series.map((values, n) => {
    if (values.length === 1) values = [values[0], values[0]];  // one sample so far: a level line
    const points = values.map((v, i) => (i * 360 / Math.max(1, values.length - 1)).toFixed(1) + ',' + (78 - v / max * 74).toFixed(1));
    return '<polyline class="series' + n + '" points="' + points.join(' ') + '"/>';
  }).join('');
}

function render(status) {
  document.getElementById('home').textContent = status.home;
  document.getElementById('time').textContent = status.time;
  document.getElementById('sessions').textContent = status.sessions.length;
  const sessions = document.querySelector('#sessions-table tbody');
  sessions.innerHTML = '';
  for (const s of status.sessions) {
    const row = sessions.insertRow();
    row.dataset.pid = s.pid;
    for (const value of [s.pid, s.user, s.applicationName, s.clientAddress, s.state, s.queryStart || '', s.query || '']) cell(row, value);
  }
  document.getElementById('statements').textContent = status.statements;
  document.getElementById('bytes-sent').textContent = size(status.bytesSent);
  document.getElementById('dataset-count').textContent = status.datasets.length;
  const datasets = document.querySelector('#datasets tbody');
  datasets.innerHTML = '';
  for (const d of status.datasets) {
    const row = datasets.insertRow();
    row.dataset.name = d.name;
    cell(row, d.name);
    cell(row, d.files, 'number files');
    cell(row, size(d.bytes), 'number bytes').dataset.bytes = d.bytes;
    cell(row, d.partitions.join(', '));
    cell(row, d.lastCommit || '');
    cell(row, duration(d.freshnessSeconds), 'number');
  }
  const top = document.querySelector('#top-statements tbody');
  top.innerHTML = '';
  for (const t of status.topStatements) {
    const row = top.insertRow();
    cell(row, t.user);
    cell(row, t.calls, 'number calls');
    for (const value of [t.totalMillis, t.meanMillis, t.maxMillis]) cell(row, value.toFixed(2), 'number');
    cell(row, t.rows, 'number');
    cell(row, t.query, 'query');
  }
  document.getElementById('cache-hits').textContent = status.resultCache.hits;
  const sources = document.querySelector('#sources tbody');
  sources.innerHTML = '';
  for (const s of status.sources) {
    const row = sources.insertRow();
    row.dataset.source = s.name;
    const lag = s.lagSeconds === null ? '' : s.lagSeconds.toFixed(1) + ' s' + (s.lagBytes === null ? '' : ', ' + size(s.lagBytes));
    for (const value of [s.name, s.path, s.status || '', lag, s.lastSync || '', s.error || '', s.interrupted || '']) cell(row, value);
  }
  if (status.sources.length === 0) cell(sources.insertRow(), 'none configured');
  const last = status.history[status.history.length - 1];
  document.getElementById('latency-now').textContent = last ? '(' + last.p50Millis.toFixed(2) + ' / ' + last.p99Millis.toFixed(2) + ')' : '';
  document.getElementById('latency-now').dataset.p50 = last ? last.p50Millis : '';
  document.getElementById('latency-now').dataset.p99 = last ? last.p99Millis : '';
  chart('chart-statements', status.history.map(s => s.statementsPerSecond));
  chart('chart-latency', status.history.map(s => s.p50Millis), status.history.map(s => s.p99Millis));
  chart('chart-cache', status.history.map(s => s.cacheHitsPerSecond));
  chart('chart-bytes', status.history.map(s => s.bytesSentPerSecond));
  chart('chart-heap', status.history.map(s => s.heapBytes));
  document.body.dataset.loaded = 'true';
}

function refresh() {
  fetch('/status.json').then(r => r.json()).then(render).catch(e => { document.getElementById('time').textContent = 'unreachable: ' + e; });
}

refresh();
setInterval(refresh, 10000);
