'use strict';
// Node's own EventEmitter on the grid of bench/events_bench.py; prints {case: ns per op} as JSON.
// Usage: node bench/events_bench.js [--quick]

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

function emitLoop(argc) {
  switch (argc) {
    case 0: return (ee, n) => { for (let i = 0; i < n; i++) ee.emit('dummy'); };
    case 2: return (ee, n) => { for (let i = 0; i < n; i++) ee.emit('dummy', true, 5); };
    case 4: return (ee, n) => { for (let i = 0; i < n; i++) ee.emit('dummy', true, 5, 10, false); };
    case 10: return (ee, n) => {
      for (let i = 0; i < n; i++) ee.emit('dummy', true, 5, 10, false, 5, 'string', true, false, 11, 20);
    };
    default: throw new Error(`no loop for ${argc} arguments`);
  }
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

// Fastest ns per iteration of every case over REPEATS rounds, each round timing every case.
function measureAll(all) {
  const sizes = Object.entries(all).map(([name, fn]) => [name, fn, calibrate(fn)]);
  const best = {};
  for (const [name] of sizes) best[name] = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    for (const [name, fn, n] of sizes) best[name] = Math.min(best[name], timeOnce(fn, n) / n);
  }
  return best;
}

const results = measureAll(cases());
results._meta = { node: process.version, sink };
process.stdout.write(JSON.stringify(results) + '\n');
