#!/usr/bin/env python3
"""Measure `rnode lsp` on a generated workspace (see gen_workspace.py):

- RSS of the server process after the workspace index is built (VmRSS and the peak,
  VmHWM, from /proc/PID/status), and how long indexing took;
- latency from sending a `didChange` for the 5,000-line src/big.js to receiving its
  `publishDiagnostics` for that version (N edits, one at a time, each waited for).

usage: measure.py WORKSPACE -- SERVER_CMD...   e.g.
  measure.py /tmp/lspbench -- target/release/rnode lsp
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
import queue


class Server:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.q = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        while True:
            hdr = b""
            while not hdr.endswith(b"\r\n\r\n"):
                c = self.p.stdout.read(1)
                if not c:
                    return
                hdr += c
            n = int([l for l in hdr.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
            msg = json.loads(self.p.stdout.read(n))
            self.q.put((time.perf_counter(), msg))

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()
        return time.perf_counter()

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        while True:
            _, m = self.q.get(timeout=600)
            if m.get("id") == i and "method" not in m:
                return m.get("result")

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diags(self, uri, version, timeout=60):
        end = time.perf_counter() + timeout
        while True:
            t, m = self.q.get(timeout=max(0.01, end - time.perf_counter()))
            if m.get("method") == "textDocument/publishDiagnostics":
                p = m["params"]
                if p["uri"] == uri and p.get("version") == version:
                    return t, p["diagnostics"]

    def rss_kb(self):
        out = {}
        with open(f"/proc/{self.p.pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS", "VmHWM")):
                    k, v = line.split(":")
                    out[k] = int(v.split()[0])
        return out


def main():
    args = sys.argv[1:]
    sep = args.index("--")
    ws = os.path.realpath(args[0])
    cmd = args[sep + 1 :]
    edits = int(os.environ.get("EDITS", "30"))
    debounce = int(os.environ.get("DEBOUNCE_MS", "15"))
    s = Server(cmd)
    root = "file://" + ws
    t0 = time.perf_counter()
    s.request(
        "initialize",
        {"processId": os.getpid(), "rootUri": root, "capabilities": {}, "initializationOptions": {"debounceMs": debounce}},
    )
    s.notify("initialized", {})
    while True:
        st = s.request("rnode/status", None)
        if st["indexDone"]:
            break
        time.sleep(0.1)
    t_index = time.perf_counter() - t0
    rss = s.rss_kb()
    print(f"indexed {st['indexedFiles']} files, {st['indexedSpecifiers']} resolved specifiers, "
          f"{st['filesWithProblems']} files with problems, in {t_index:.2f}s (server: {st['indexMs']} ms)")
    print(f"RSS after indexing: {rss['VmRSS'] / 1024:.1f} MB (peak {rss['VmHWM'] / 1024:.1f} MB)")

    big = os.path.join(ws, "src", "big.js")
    text = open(big).read()
    uri = "file://" + big
    t = s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": text}})
    t1, diags = s.wait_diags(uri, 1)
    print(f"open {text.count(chr(10))}-line file: diagnostics in {(t1 - t) * 1000:.1f} ms ({len(diags)} diagnostics)")
    lat = []
    line = 60
    for v in range(2, edits + 2):
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "// edit\n"}
        t = s.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]},
        )
        t1, diags = s.wait_diags(uri, v)
        lat.append((t1 - t) * 1000)
        time.sleep(0.05)
    lat.sort()
    p95 = lat[max(0, int(len(lat) * 0.95) - 1)]
    print(f"didChange -> publishDiagnostics over {len(lat)} edits (debounce {debounce} ms): "
          f"median {statistics.median(lat):.1f} ms, p95 {p95:.1f} ms, max {lat[-1]:.1f} ms")
    rss = s.rss_kb()
    print(f"RSS at the end: {rss['VmRSS'] / 1024:.1f} MB (peak {rss['VmHWM'] / 1024:.1f} MB)")
    s.request("shutdown", None)
    s.notify("exit", None)
    s.p.wait(timeout=10)


if __name__ == "__main__":
    main()
