'use strict';
// Node's own EventEmitter on the grid of bench/events_bench.py; prints {case: ns per op} as JSON.
// Usage: node bench/events_bench.js [--quick] [--case NAME]

const { EventEmitter } = require('events');

const QUICK = process.argv.includes('--quick');
const TARGET_NS = QUICK ? 25e6 : 100e6;
const REPEATS = QUICK ? 5 : 7;
const MAX_N = 20e6;

let sink = 0;

function noop() {}

function makeListeners(count) {
  const made = [];
  for (let k = 0; k < count; k++) made.push(function listener() {});
  return made;
}

const ARGS = {
  0: '',
  2: ", true, 5",
  4: ", true, 5, 10, false",
  10: ", true, 5, 10, false, 5, 'string', true, false, 11, 20",
};

// A loop of literal emit calls, compiled separately for every case so that no case
// shares V8 type feedback with another (Node's own benchmark runs each in its own process).
function emitLoop(argc) {
  return new Function('ee', 'n', `for (let i = 0; i < n; i++) ee.emit('dummy'${ARGS[argc]});`);
}

function cases() {
  const all = {};
  for (const count of [1, 5, 10]) {
    for (const argc of [0, 2, 4, 10]) {
      const ee = new EventEmitter();
      for (let k = 0; k < count; k++) ee.on('dummy', noop);
      const loop = emitLoop(argc);
      all[`emit listeners=${count} args=${argc}`] = (n) => loop(ee, n);
    }
  }
  {
    const ee = new EventEmitter();
    const listeners = makeListeners(10);
    all['on+off 10 listeners'] = (n) => {
      for (let i = 0; i < n; i++) {
        for (let k = listeners.length - 1; k >= 0; k--) ee.on('dummy', listeners[k]);
        for (let k = listeners.length - 1; k >= 0; k--) ee.removeListener('dummy', listeners[k]);
      }
    };
  }
  {
    const ee = new EventEmitter();
    all['once+emit'] = (n) => {
      for (let i = 0; i < n; i++) {
        const name = (i & 1) === 0 ? 'dummy0' : 'dummy1';
        ee.once(name, noop);
        ee.emit(name);
      }
    };
  }
  {
    const ee = new EventEmitter();
    for (const listener of makeListeners(10)) ee.on('dummy', listener);
    all['listener_count 10 listeners'] = (n) => {
      for (let i = 0; i < n; i++) sink += ee.listenerCount('dummy');
    };
    all['listeners 10 listeners'] = (n) => {
      for (let i = 0; i < n; i++) sink += ee.listeners('dummy').length;
    };
  }
  return all;
}

function timeOnce(fn, n) {
  const start = process.hrtime.bigint();
  fn(n);
  return Number(process.hrtime.bigint() - start);
}

// The iteration count that makes one timed run of fn last about TARGET_NS.
function calibrate(fn) {
  let n = 1000;
  let elapsed = timeOnce(fn, n);
  while (elapsed < TARGET_NS / 10 && n < MAX_N) {
    n = Math.min(MAX_N, n * 10);
    elapsed = timeOnce(fn, n);
  }
  return Math.max(1, Math.min(MAX_N, Math.round((n * TARGET_NS) / Math.max(elapsed, 1))));
}

// Fastest ns per iteration of fn over REPEATS timed runs.
function measure(fn) {
  const n = calibrate(fn);
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) best = Math.min(best, timeOnce(fn, n) / n);
  return best;
}

const caseIndex = process.argv.indexOf('--case');
const results = {};
if (caseIndex >= 0) {
  const name = process.argv[caseIndex + 1];
  results[name] = measure(cases()[name]);
} else {
  // One process per case, as Node's benchmark runner does: no case warms V8's type
  // feedback for another (emit with one listener is much faster when it never saw more).
  const { execFileSync } = require('child_process');
  for (const name of Object.keys(cases())) {
    const args = [__filename, '--case', name].concat(QUICK ? ['--quick'] : []);
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', timeout: 60e3 });
    Object.assign(results, JSON.parse(out));
    delete results._meta;
  }
}
results._meta = { node: process.version, sink };
process.stdout.write(JSON.stringify(results) + '\n');
