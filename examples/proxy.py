"""A TCP proxy: each client is connected to the upstream server, bytes piped both ways.

    python examples/proxy.py LISTEN_PORT UPSTREAM_HOST:UPSTREAM_PORT

LISTEN_PORT 0 picks a free port; the proxy prints the port it listens on.
"""

import sys

import nodenet as net


def parse_upstream(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)


def proxy_server(upstream_host: str, upstream_port: int) -> net.Server:
    """A server whose connections are piped to and from ``upstream_host:upstream_port``."""

    def on_connection(client: net.Socket) -> None:
        upstream = net.connect(upstream_port, upstream_host, no_delay=True)
        client.pipe(upstream)
        upstream.pipe(client)
        client.on("error", lambda err: upstream.destroy())
        upstream.on("error", lambda err: client.destroy())
        client.on("close", lambda had_error: upstream.destroy() if had_error else None)
        upstream.on("close", lambda had_error: client.destroy() if had_error else None)

    return net.create_server(on_connection, allow_half_open=True, no_delay=True)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    listen_port = int(sys.argv[1])
    upstream_host, upstream_port = parse_upstream(sys.argv[2])
    server = proxy_server(upstream_host, upstream_port)

    def on_listening() -> None:
        port = server.address()["port"]
        print(f"proxy listening on 127.0.0.1:{port} -> {upstream_host}:{upstream_port}",
              flush=True)

    server.listen(listen_port, "127.0.0.1", on_listening)
    try:
        net.run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
