"""The server's own streaming rate, read without our client: the baseline for Scripts/e2e.sh.

    python stream_baseline.py PORT

Streams the same request as the end-to-end figure test (greedy, seed 1, 200 tokens) with the
standard library's http.client, reading the body as it arrives, and prints one line: time to the
first content piece, pieces, and pieces per second from the first piece to the end.
"""

import http.client
import json
import sys
import time

port = int(sys.argv[1])
body = json.dumps({
    "model": "tiny-chat",
    "messages": [{"role": "user", "content": "Tell me about the river and the stone."}],
    "max_tokens": 200, "seed": 1, "temperature": 0, "stream": True,
})
connection = http.client.HTTPConnection("127.0.0.1", port)
start = time.perf_counter()
connection.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
response = connection.getresponse()
first = None
pieces = 0
for line in response:
    if not line.startswith(b"data: {"):
        continue
    delta = json.loads(line[6:])["choices"][0]["delta"]
    if delta.get("content"):
        first = first or time.perf_counter()
        pieces += 1
end = time.perf_counter()
rate = (pieces - 1) / (end - first) if pieces > 1 else 0
print(f"time to first piece {(first - start) * 1000:.0f} ms; {pieces} pieces at {rate:.0f} pieces/s (Python http.client, no client library)")
