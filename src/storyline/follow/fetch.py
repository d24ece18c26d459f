"""Fetch a URL politely: http(s) only, public addresses only, robots.txt obeyed, bounded in time and size.

``Fetcher.get`` is the one way ``storyline follow`` touches the network. Before each request,
redirects included, it checks:
1. the scheme is http or https;
2. every address the host resolves to is public (no private, loopback, link-local, reserved,
   multicast or unspecified address) unless ``allow_private``; the request then goes to the checked
   address (Host header and TLS name unchanged), so a second DNS answer cannot swap in another;
3. robots.txt of the origin allows the path for storyline (fetched once per origin, under the same
   rules; a missing robots.txt allows everything, an unreachable one allows nothing);
4. the origin's last request was at least ``host_interval`` seconds ago (or robots.txt's
   Crawl-delay, up to ``MAX_CRAWL_DELAY``), else it waits;
then streams the body, stopping past ``max_bytes`` or past the overall deadline. Each refusal is a
``FetchError`` whose message names the URL, the reason and the fix. Proxies from the environment
are not used: through a proxy, the address check would check nothing.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from storyline.errors import StorylineError

E180 = "E180: {url}: the scheme '{scheme}' is not fetched. Give an http:// or https:// URL, or a local file path."
E181 = (
    "E181: {url}: the host {host} resolves to {address}, a {kind} address, which is refused. "
    "Follow public sites only, or pass --allow-private for a server on your own network."
)
E182 = "E182: {url}: robots.txt of {origin} does not allow storyline to fetch it ({why}). The page was left out."
E183 = (
    "E183: {url}: the response is larger than {limit} bytes and was not read. "
    "Raise follow.max_bytes in the config if such pages are wanted."
)
E184 = "E184: {url} could not be fetched ({detail}). Check the URL and the network; the next round tries again."
E185 = "E185: {url} answered HTTP {status}. Check the URL; the next round tries again."
E189 = "E189: {url} redirects more than {limit} times. Check the URL; the redirect chain does not end."

Resolver = Callable[[str, int], list[str]]
MAX_CRAWL_DELAY = 60.0  # seconds; a longer Crawl-delay is cut to this


def _user_agent() -> str:
    try:
        release = version("storyline")
    except PackageNotFoundError:
        release = "dev"
    return f"storyline/{release} (news timeline builder; follows feeds politely, obeys robots.txt)"


ROBOTS_AGENT = "storyline"  # the product token robots.txt rules are matched against


class FetchError(StorylineError):
    """A URL was refused (scheme, address, robots.txt, size) or could not be fetched.

    ``transient`` is True for failures a later round may not meet (network, timeout, HTTP 5xx/429).
    """

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how far to fetch; ``follow`` builds it from the config and the CLI."""

    timeout: float = 10.0  # seconds for each connect and read
    deadline: float = 30.0  # seconds for a whole response
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_interval: float = 1.0  # seconds between two requests to one origin
    allow_private: bool = False
    user_agent: str = field(default_factory=_user_agent)


@dataclass(frozen=True)
class Response:
    """A fetched response: the final URL (after redirects), its status, headers and body."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the host resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_kind(address: str) -> str | None:
    """Why an address is not public ("loopback", "private", ...), or None when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "private", "reserved", "multicast", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-global"


class Fetcher:
    """Polite GETs with one httpx client and a robots.txt cache per origin; close it when done."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = resolve_host,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._resolve = resolver
        self._clock, self._sleep = clock, sleep
        self._robots: dict[str, RobotFileParser | str] = {}
        self._last: dict[str, float] = {}  # origin -> when its last request started
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.policy.user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET ``url`` under the policy, following redirects, each one checked again."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            address = self.check_address(current)
            self.check_robots(current)
            response = self._stream(current, headers or {}, address)
            location = response.headers.get("location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            return response
        raise FetchError(E189.format(url=url, limit=self.policy.max_redirects))

    def check_address(self, url: str) -> str | None:
        """Refuse a scheme other than http(s), and (unless allowed) a host with a non-public address.

        Returns the checked address to connect to, or None with ``allow_private`` (no check, no pin).
        """
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as e:
            raise FetchError(E184.format(url=url, detail=f"it is not a valid URL: {e}")) from e
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(E180.format(url=url, scheme=parts.scheme or "(none)"))
        if self.policy.allow_private:
            return None
        try:
            addresses = self._resolve(parts.hostname, port)
        except OSError as e:
            raise FetchError(E184.format(url=url, detail=f"the host {parts.hostname} was not found: {e}"), True) from e
        for address in addresses:
            kind = address_kind(address)
            if kind is not None:
                raise FetchError(E181.format(url=url, host=parts.hostname, address=address, kind=kind))
        if not addresses:
            raise FetchError(E184.format(url=url, detail=f"the host {parts.hostname} has no address"), True)
        return addresses[0]

    def check_robots(self, url: str) -> None:
        """Refuse a URL that the origin's robots.txt disallows for storyline."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchError(E182.format(url=url, origin=origin, why=rules), transient=True)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(E182.format(url=url, origin=origin, why="disallowed"))

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        """The origin's rules; a 4xx means no rules, an unreachable file (5xx, network) a reason to refuse."""
        robots_url = f"{origin}/robots.txt"
        rules = RobotFileParser(robots_url)
        try:
            response = self._stream(robots_url, {}, self.check_address(robots_url))
        except FetchError as e:
            return f"robots.txt could not be read: {e}"
        if 400 <= response.status < 500:
            rules.parse([])
        elif response.status >= 300:
            return f"robots.txt answered HTTP {response.status}"
        else:
            rules.parse(response.content.decode("utf-8", errors="replace").splitlines())
        return rules

    def _wait_turn(self, url: str) -> None:
        """Sleep until the origin's last request is ``host_interval`` (or its Crawl-delay) ago."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        crawl_delay = rules.crawl_delay(ROBOTS_AGENT) if isinstance(rules, RobotFileParser) else None
        interval = max(self.policy.host_interval, min(float(crawl_delay or 0), MAX_CRAWL_DELAY))
        last = self._last.get(origin)
        if last is not None:
            self._sleep(max(0.0, last + interval - self._clock()))
        self._last[origin] = self._clock()

    def _stream(self, url: str, headers: Mapping[str, str], address: str | None) -> Response:
        """One request without redirects, to ``address`` when given; the body is read up to
        ``max_bytes`` and the deadline."""
        self._wait_turn(url)
        limit, started = self.policy.max_bytes, time.monotonic()
        target, sent, extensions = pinned(url, address, headers)
        try:
            with self._client.stream("GET", target, headers=sent, extensions=extensions) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(E183.format(url=url, limit=limit))
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise FetchError(E183.format(url=url, limit=limit))
                    if time.monotonic() - started > self.policy.deadline:
                        detail = f"the response took longer than {self.policy.deadline:g} seconds"
                        raise FetchError(E184.format(url=url, detail=detail), transient=True)
                status, found = response.status_code, dict(response.headers)
        except httpx.TimeoutException as e:
            detail = f"no answer within {self.policy.timeout:g} seconds"
            raise FetchError(E184.format(url=url, detail=detail), transient=True) from e
        except httpx.HTTPError as e:
            raise FetchError(E184.format(url=url, detail=f"{type(e).__name__}: {e}"), transient=True) from e
        except httpx.InvalidURL as e:
            raise FetchError(E184.format(url=url, detail=f"it is not a valid URL: {e}")) from e
        return Response(url=url, status=status, headers=found, content=bytes(body))


def pinned(url: str, address: str | None, headers: Mapping[str, str]) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request for ``url`` sent to ``address``: the URL with the address for its host, the
    Host header and (for https) the TLS server name of the original host."""
    found = dict(headers)
    parts = urlsplit(url)
    if address is None or parts.hostname is None:
        return url, found, {}
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    found["Host"] = parts.netloc.rpartition("@")[2]
    extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
    return urlunsplit(parts._replace(netloc=netloc)), found, extensions


def check_status(response: Response) -> Response:
    """The response when it is 2xx or 304; E185 otherwise (transient for 429 and 5xx)."""
    if 200 <= response.status < 300 or response.status == 304:
        return response
    transient = response.status == 429 or response.status >= 500
    raise FetchError(E185.format(url=response.url, status=response.status), transient=transient)
