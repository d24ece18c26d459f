"""A local news site for the follow tests: http.server in a thread on 127.0.0.1, serving a feed,
article pages written here, and robots.txt. No real network is used anywhere.

The feed answers 304 to a request whose If-None-Match or If-Modified-Since matches; every request
is recorded with its headers. A route may be slow (to test the timeout) or large (the size cap).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ETAG = '"feed-v1"'
LAST_MODIFIED = "Sat, 10 Sep 2022 08:00:00 GMT"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = False  # answer 304 to a matching If-None-Match / If-Modified-Since
    send_length: bool = True


@dataclass
class Site:
    """The routes the server answers, and the requests it saw (path, headers)."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def seen(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                self._answer(404, b"not here", "text/plain", {})
                return
            time.sleep(route.delay)
            if route.conditional and (
                self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED
            ):
                self._answer(304, b"", route.content_type, {"ETag": ETAG})
                return
            headers = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED} if route.conditional else {}
            self._answer(route.status, route.body, route.content_type, {**headers, **route.headers}, route.send_length)

        def _answer(
            self, status: int, body: bytes, content_type: str, headers: dict[str, str], send_length: bool = True
        ) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                if send_length:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout, size cap): that is what some tests want

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def article_page(title: str, paragraphs: list[str], published: str | None = None, site_name: str = "") -> bytes:
    """An article page as a news site would serve it (our own made-up text)."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    meta += f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright the Harbor Ledger</footer></body></html>"
    ).encode()


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>" for t, link, date in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link><description>test</description>{entries}</channel></rss>"
    ).encode()


BRIDGE = [
    "Crews in Portsmouth lifted the last steel span of the new harbour bridge into place on Friday, "
    "the city council said.",
    "The council said the bridge would open to cyclists and walkers in October, two months later than planned, "
    "after a delay in the delivery of the steel.",
    "About 40 workers took part in the lift, which lasted six hours, according to the builder.",
]
BRIDGE_2 = [
    "The new harbour bridge in Portsmouth will open to walkers and cyclists in October, the city council confirmed "
    "on Saturday, a day after the final steel span was lifted into place.",
    "Council leader Ann Morrow said the two-month delay came from late steel deliveries.",
    "The builder said 40 workers had worked on the six-hour lift.",
]
ORCHARD = [
    "Apple growers in the Kent valley began the harvest on Monday, a week early after a warm summer, "
    "the growers' association said.",
    "The association said the crop would be about 12 percent larger than last year.",
    "Pickers from three villages joined the farms, it said.",
]


def start(site: Site) -> ThreadingHTTPServer:
    """Serve ``site`` on 127.0.0.1 (a free port) in a thread; sets ``site.base``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
