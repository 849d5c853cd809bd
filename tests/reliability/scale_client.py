"""Opens N connections to 127.0.0.1:PORT, each sends 16 bytes and reads its echo.

    python scale_client.py PORT N [SECONDS]

Prints ``open N`` once all N are connected and echoed (all held open at once), waits for a
line on stdin, closes them all and prints ``closed``. Connects at most 256 at a time and
gives up after SECONDS (240 by default). bench/soak.py runs it too.
"""

import asyncio
import sys


async def main(port: int, count: int, limit: float = 240) -> None:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass
    gate = asyncio.Semaphore(256)
    writers = []

    async def one(i: int) -> None:
        payload = b"%015d\n" % i
        async with gate:
            for attempt in range(5):
                try:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    break
                except OSError:
                    if attempt == 4:
                        raise
                    await asyncio.sleep(0.05)
            writer.write(payload)
            echoed = await reader.readexactly(len(payload))
        assert echoed == payload, (echoed, payload)
        writers.append((reader, writer))

    await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(count))), limit)
    print("open", len(writers), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    for _, writer in writers:
        writer.close()
    for reader, _ in writers:
        assert await reader.read() == b""
    print("closed", flush=True)


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:4])))
