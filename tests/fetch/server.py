#!/usr/bin/env python3
"""tests/fetch/server.py — a local HTTP server for the fetch tests.

Listens on 127.0.0.1 on an ephemeral port, writes the port to the file named
by argv[1] once it is ready, and counts the requests it answers in
argv[1] + ".count" (the last User-Agent in argv[1] + ".agent"). Paths:

  /feed/N.xml      an RSS feed with an ETag; If-None-Match matching it -> 304
  /page.html       a small HTML page
  /redirect/N      a chain of N redirects ending at /page.html
  /to-file         a redirect to file:///etc/passwd
  /slow            waits 5 s before answering
  /big             a 2 MB body
  /notxml.xml      plain text served as a feed
  /missing         404
  /beat.xml        an RSS feed of N items (N read from argv[1] + ".beat",
                   default 2), each linking to /story/K.html; its ETag
                   changes with N
  /story/K.html    the full page behind item K (item 3's page is missing)
"""
import http.server
import sys
import threading
import time

PAGE = (b"<!DOCTYPE html><html><head><title>Harbour vote</title></head><body>"
        b"<p>The council voted to dredge the harbour next spring.</p></body></html>")


def feed(n):
    return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed %d</title>"
            "<item><title>Item of feed %d</title><link>http://127.0.0.1/item/%d</link>"
            "<pubDate>Sat, 05 Dec 2026 10:00:00 GMT</pubDate>"
            "<description>The ferry timetable for route %d changes in winter.</description>"
            "</item></channel></rss>\n" % (n, n, n, n)).encode()


def beat(n):
    items = "".join(
        "<item><title>Lighthouse report %d</title><link>%s/story/%d.html</link>"
        "<guid>beat-%d</guid><pubDate>Sat, 05 Dec 2026 1%d:00:00 GMT</pubDate>"
        "<description>Short summary %d of the lighthouse.</description></item>"
        % (k, Handler.base, k, k, k, k) for k in range(1, n + 1))
    return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Beat</title>"
            "%s</channel></rss>\n" % items).encode()


def story(k):
    return ("<!DOCTYPE html><html><head><title>Lighthouse report %d</title></head><body>"
            "<article><h1>Lighthouse report %d</h1><p>The keeper logged storm number %d "
            "and relit the lamp before dawn, the full page says.</p>"
            "<p>Fishing boats waited in the harbour until the swell eased.</p>"
            "</article></body></html>" % (k, k, k)).encode()


def beat_count():
    try:
        with open(sys.argv[1] + ".beat") as f:
            return int(f.read().strip() or "2")
    except OSError:
        return 2


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    count = 0
    base = ""
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", ctype="text/html", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        if code != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if code != 304:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size cap, timeout): that is the test

    def do_GET(self):
        with Handler.lock:
            Handler.count += 1
            with open(sys.argv[1] + ".count", "w") as f:
                f.write("%d\n" % Handler.count)
            with open(sys.argv[1] + ".agent", "w") as f:
                f.write("%s\n" % self.headers.get("User-Agent"))
        p = self.path
        if p.startswith("/feed/"):
            n = int(p[len("/feed/"):].split(".")[0])
            etag = '"v1-%d"' % n
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers=[("ETag", etag)])
            return self.send(200, feed(n), "application/rss+xml", [("ETag", etag)])
        if p == "/beat.xml":
            n = beat_count()
            etag = '"beat-%d"' % n
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers=[("ETag", etag)])
            return self.send(200, beat(n), "application/rss+xml", [("ETag", etag)])
        if p.startswith("/story/") and p != "/story/3.html":
            return self.send(200, story(int(p[len("/story/"):].split(".")[0])))
        if p == "/page.html":
            return self.send(200, PAGE)
        if p.startswith("/redirect/"):
            n = int(p[len("/redirect/"):])
            to = "/page.html" if n <= 1 else "/redirect/%d" % (n - 1)
            return self.send(302, b"", headers=[("Location", to)])
        if p == "/to-file":
            return self.send(302, b"", headers=[("Location", "file:///etc/passwd")])
        if p == "/slow":
            time.sleep(5)
            return self.send(200, PAGE)
        if p == "/big":
            return self.send(200, b"x" * (2 << 20), "text/plain")
        if p == "/notxml.xml":
            return self.send(200, b"this is not a feed\n", "application/rss+xml")
        return self.send(404, b"not here\n", "text/plain")


def main():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    Handler.base = "http://127.0.0.1:%d" % srv.server_address[1]
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d\n" % srv.server_address[1])
    import os
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    srv.serve_forever()


if __name__ == "__main__":
    main()
