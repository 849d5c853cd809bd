// The Node side of bench/stream_bench.py: the same cases, sizes from argv, one JSON line
// per case: {"case": name, "ns": nanoseconds per operation (the best of the rounds)}.
'use strict';
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');

const small = Buffer.alloc(64, 'x');
const big = Buffer.alloc(65536, 'x');

const cases = {
  readable_push_data(n, done) {
    const r = new Readable({ read() {} });
    let seen = 0;
    r.on('data', () => { if (++seen === n) done(); });
    for (let i = 0; i < n; i++) r.push(small);
  },
  writable_write_cb(n, done) {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    let seen = 0;
    const cb = () => { if (++seen === n) done(); };
    for (let i = 0; i < n; i++) w.write(small, cb);
  },
  transform_chain(n, done) {
    const t = () => new Transform({ transform(c, e, cb) { cb(null, c); } });
    const a = t(), b = t(), c = t();
    let seen = 0;
    c.on('data', () => { if (++seen === n) done(); });
    a.pipe(b).pipe(c);
    for (let i = 0; i < n; i++) a.write(small);
  },
  pipeline_3_passthrough(n, done) {
    let i = 0;
    const src = new Readable({ read() { this.push(i++ < n ? small : null); } });
    const sink = new Writable({ write(c, e, cb) { cb(); } });
    pipeline(src, new PassThrough(), new PassThrough(), new PassThrough(), sink, done);
  },
  object_mode(n, done) {
    const r = new Readable({ objectMode: true, read() {} });
    let seen = 0;
    r.on('data', () => { if (++seen === n) done(); });
    for (let i = 0; i < n; i++) r.push({ i });
  },
  bytes_64k(n, done) {
    let i = 0;
    const src = new Readable({ read() { this.push(i++ < n ? big : null); } });
    const sink = new Writable({ write(c, e, cb) { cb(); } });
    pipeline(src, new PassThrough(), sink, done);
  },
};

async function main() {
  const [, , name, n, rounds] = process.argv;
  let best = Infinity;
  for (let r = 0; r < Number(rounds); r++) {
    const start = process.hrtime.bigint();
    await new Promise((resolve) => cases[name](Number(n), resolve));
    const ns = Number(process.hrtime.bigint() - start) / Number(n);
    best = Math.min(best, ns);
  }
  console.log(JSON.stringify({ case: name, ns: best }));
}
main();
