"""Port of test/parallel/test-event-emitter-num-args.js."""


def test_num_args(EventEmitter):
    e = EventEmitter()
    counts = []
    e.on("numArgs", lambda *args: counts.append(len(args)))
    e.on("foo", lambda *args: counts.append(len(args)))
    e.on("foo", lambda *args: counts.append(len(args)))

    for n in range(6):
        e.emit("numArgs", *([None] * n))
    e.emit("foo", None, None, None, None)
    assert counts == [0, 1, 2, 3, 4, 5, 4, 4]
