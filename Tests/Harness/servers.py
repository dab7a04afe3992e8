#!/usr/bin/env python3
"""Loopback servers for the Swift tests that need TLS, a proxy or HTTP/2 in front of the replay
server (Tests/HFReplay). They add transport layers only: every response is the replay server's,
so the bodies stay the recorded ones.

    servers.py tls-front --cert C --key K --upstream PORT
        TLS (HTTP/1.1) on a loopback port, each connection piped to the replay server.
    servers.py connect-proxy --log FILE
        An HTTP proxy that only tunnels (CONNECT); writes "CONNECT host:port" per tunnel to FILE.
    servers.py h2-front --cert C --key K --upstream PORT --log FILE
        HTTP/2 over TLS (ALPN h2), each stream forwarded to the replay server over HTTP/1.1;
        writes "connection <alpn>" per TLS connection and "stream <method> <path>" per request.
        Needs the `h2` package (Scripts/bootstrap.sh installs it).

Each prints "PORT <n>" once it listens, then serves until its standard input closes, so a test
process that dies takes its servers with it.
"""

import argparse
import http.client
import os
import socket
import ssl
import sys
import threading

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"}


def listen():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    return server


def serve(server, handle):
    """Announces the port, exits when stdin closes, and handles each connection on a thread."""
    threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()
    print(f"PORT {server.getsockname()[1]}", flush=True)
    while True:
        connection, _ = server.accept()
        threading.Thread(target=handle, args=(connection,), daemon=True).start()


def append_line(path, line):
    with open(path, "a") as log:
        log.write(line + "\n")


def pipe(a, b):
    """Copies bytes both ways until either side closes."""
    def copy(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    other = threading.Thread(target=copy, args=(b, a), daemon=True)
    other.start()
    copy(a, b)
    other.join()
    a.close()
    b.close()


def tls_context(args, alpn):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    context.set_alpn_protocols(alpn)
    return context


def tls_front(args):
    context = tls_context(args, ["http/1.1"])

    def handle(connection):
        try:
            secure = context.wrap_socket(connection, server_side=True)
        except (ssl.SSLError, OSError):
            connection.close()   # the client refused our certificate: what some tests expect
            return
        pipe(secure, socket.create_connection(("127.0.0.1", args.upstream)))

    serve(listen(), handle)


def connect_proxy(args):
    def handle(connection):
        head = b""
        while b"\r\n\r\n" not in head:
            data = connection.recv(4096)
            if not data:
                connection.close()
                return
            head += data
        method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        if method != "CONNECT":
            connection.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            connection.close()
            return
        append_line(args.log, f"CONNECT {target}")
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host.strip("[]"), int(port)))
        connection.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        pipe(connection, upstream)

    serve(listen(), handle)


def h2_front(args):
    import queue
    import select

    import h2.config
    import h2.connection
    import h2.events

    context = tls_context(args, ["h2"])

    def forward(headers, body, replies, stream_id, wake):
        """One request to the replay server over HTTP/1.1; the reply goes back to the connection's thread."""
        fields = dict(headers)
        upstream = http.client.HTTPConnection("127.0.0.1", args.upstream)
        forwarded = {name: value for name, value in headers if not name.startswith(":") and name not in HOP_BY_HOP}
        forwarded["host"] = fields.get(":authority", "127.0.0.1")
        upstream.request(fields[":method"], fields[":path"], body=body or None, headers=forwarded)
        reply = upstream.getresponse()
        data = reply.read()
        upstream.close()
        response_headers = [(":status", str(reply.status))]
        response_headers += [(name.lower(), value) for name, value in reply.getheaders() if name.lower() not in HOP_BY_HOP | {"content-length"}]
        response_headers.append(("content-length", str(len(data))))
        replies.put((stream_id, response_headers, data))
        wake.send(b"x")

    def handle(connection):
        try:
            secure = context.wrap_socket(connection, server_side=True)
        except (ssl.SSLError, OSError):
            connection.close()
            return
        append_line(args.log, f"connection {secure.selected_alpn_protocol()}")
        # Every TLS read and write stays on this thread (an SSL object is not safe to share);
        # upstream calls run on threads of their own and hand replies back through `replies`.
        conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False, header_encoding="utf-8"))
        conn.initiate_connection()
        secure.sendall(conn.data_to_send())
        wake_read, wake_write = socket.socketpair()
        replies = queue.Queue()
        requests = {}
        unsent = {}   # stream id -> body bytes waiting for flow-control window

        def flush():
            for stream_id, data in list(unsent.items()):
                while data and conn.local_flow_control_window(stream_id) > 0:
                    size = min(len(data), conn.local_flow_control_window(stream_id), conn.max_outbound_frame_size)
                    conn.send_data(stream_id, data[:size], end_stream=size == len(data))
                    data = data[size:]
                unsent[stream_id] = data
                if not data:
                    del unsent[stream_id]

        try:
            while True:
                readable, _, _ = select.select([secure, wake_read], [], [])
                if wake_read in readable:
                    wake_read.recv(4096)
                    while not replies.empty():
                        stream_id, headers, data = replies.get()
                        conn.send_headers(stream_id, headers, end_stream=not data)
                        if data:
                            unsent[stream_id] = data
                if secure in readable:
                    data = secure.recv(65536)
                    while secure.pending():
                        data += secure.recv(secure.pending())
                    if not data:
                        break
                    for event in conn.receive_data(data):
                        if isinstance(event, h2.events.RequestReceived):
                            fields = dict(event.headers)
                            append_line(args.log, f"stream {fields[':method']} {fields[':path']}")
                            requests[event.stream_id] = (event.headers, bytearray())
                        elif isinstance(event, h2.events.DataReceived):
                            requests[event.stream_id][1].extend(event.data)
                            conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                        elif isinstance(event, h2.events.StreamEnded):
                            headers, body = requests.pop(event.stream_id)
                            arguments = (headers, bytes(body), replies, event.stream_id, wake_write)
                            threading.Thread(target=forward, args=arguments, daemon=True).start()
                flush()
                secure.sendall(conn.data_to_send())
        except (ssl.SSLError, OSError):
            pass
        secure.close()

    serve(listen(), handle)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("tls-front", "h2-front"):
        command = commands.add_parser(name)
        command.add_argument("--cert", required=True)
        command.add_argument("--key", required=True)
        command.add_argument("--upstream", type=int, required=True)
        if name == "h2-front":
            command.add_argument("--log", required=True)
    commands.add_parser("connect-proxy").add_argument("--log", required=True)
    args = parser.parse_args()
    {"tls-front": tls_front, "connect-proxy": connect_proxy, "h2-front": h2_front}[args.command](args)


if __name__ == "__main__":
    main()
