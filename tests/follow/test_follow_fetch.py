"""Polite fetching: robots.txt obeyed, size and time bounded, private addresses and other schemes refused."""

from __future__ import annotations

import httpx
import pytest
from feedsite import Route, Site

from storyline.follow.fetch import Fetcher, FetchError, FetchPolicy, address_kind

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def fetcher(**policy: object) -> Fetcher:
    return Fetcher(FetchPolicy(**{"allow_private": True, "host_interval": 0.0, **policy}))  # type: ignore[arg-type]


def test_a_page_is_fetched_with_a_user_agent_naming_storyline(site: Site) -> None:
    site.routes["/a.html"] = Route(b"<p>hello</p>")
    with fetcher() as f:
        response = f.get(site.url("/a.html"))
    assert response.status == 200
    assert response.content == b"<p>hello</p>"
    assert site.seen("/a.html")[0]["user-agent"].startswith("storyline/")


def test_a_path_robots_txt_disallows_is_refused_with_its_reason(site: Site) -> None:
    site.routes["/robots.txt"] = Route(ROBOTS, "text/plain")
    site.routes["/private/a.html"] = Route(b"<p>secret</p>")
    with fetcher() as f, pytest.raises(FetchError, match=r"^E182: .*/private/a.html: robots.txt of .* does not allow"):
        f.get(site.url("/private/a.html"))
    assert not site.seen("/private/a.html")


def test_robots_txt_is_read_once_per_origin(site: Site) -> None:
    site.routes["/robots.txt"] = Route(ROBOTS, "text/plain")
    site.routes["/a.html"] = Route(b"a")
    site.routes["/b.html"] = Route(b"b")
    with fetcher() as f:
        f.get(site.url("/a.html"))
        f.get(site.url("/b.html"))
    assert len(site.seen("/robots.txt")) == 1


def test_a_missing_robots_txt_allows_everything(site: Site) -> None:
    site.routes["/private/a.html"] = Route(b"fine")
    with fetcher() as f:
        assert f.get(site.url("/private/a.html")).content == b"fine"


def test_a_failing_robots_txt_allows_nothing_this_round(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"oops", "text/plain", status=503)
    site.routes["/a.html"] = Route(b"a")
    with fetcher() as f, pytest.raises(FetchError, match=r"robots.txt answered HTTP 503") as caught:
        f.get(site.url("/a.html"))
    assert caught.value.transient


def test_an_oversize_page_is_refused_by_its_declared_length(site: Site) -> None:
    site.routes["/big.html"] = Route(b"x" * 5000)
    with (
        fetcher(max_bytes=1000) as f,
        pytest.raises(FetchError, match=r"^E183: .*/big.html: .* larger than 1000 bytes"),
    ):
        f.get(site.url("/big.html"))


def test_an_oversize_page_without_a_length_is_cut_off_while_streaming(site: Site) -> None:
    site.routes["/big.html"] = Route(b"x" * 200_000, send_length=False)
    with fetcher(max_bytes=1000) as f, pytest.raises(FetchError, match=r"^E183: "):
        f.get(site.url("/big.html"))


def test_a_slow_page_times_out_and_may_be_tried_again(site: Site) -> None:
    site.routes["/slow.html"] = Route(b"late", delay=2.0)
    with (
        fetcher(timeout=0.3) as f,
        pytest.raises(
            FetchError, match=r"^E184: .*/slow.html could not be fetched \(no answer within 0.3 seconds\)"
        ) as caught,
    ):
        f.get(site.url("/slow.html"))
    assert caught.value.transient


def test_a_loopback_server_is_refused_without_allow_private(site: Site) -> None:
    site.routes["/a.html"] = Route(b"a")
    with (
        Fetcher(FetchPolicy()) as f,
        pytest.raises(FetchError, match=r"^E181: .* resolves to 127.0.0.1, a loopback address"),
    ):
        f.get(site.url("/a.html"))
    assert not site.requests


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.7", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("::ffff:10.0.0.1", "private"),
        ("0.0.0.0", "private"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-global"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_kind_names_every_non_public_address(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


def test_a_host_with_any_private_address_is_refused() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]

    refused = pytest.raises(FetchError, match=r"10.0.0.5, a private address")
    with Fetcher(FetchPolicy(), resolver=resolver) as f, refused:
        f.get("http://news.example/a.html")


def test_a_redirect_to_a_private_address_is_checked_again_and_refused() -> None:
    addresses = {"news.example": ["93.184.216.34"], "intranet.example": ["192.168.1.10"]}
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})

    transport = httpx.MockTransport(answer)
    with (
        Fetcher(FetchPolicy(), transport=transport, resolver=lambda host, port: addresses[host]) as f,
        pytest.raises(FetchError, match=r"^E181: http://intranet.example/admin: the host intranet.example"),
    ):
        f.get("http://news.example/story")
    assert seen == ["http://93.184.216.34/robots.txt", "http://93.184.216.34/story"]


def test_the_request_goes_to_the_checked_address_under_the_original_host_name() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(404 if request.url.path == "/robots.txt" else 200, content=b"ok")

    policy = FetchPolicy(host_interval=0.0)
    resolver = {"news.example": ["2606:4700::1111"]}
    with Fetcher(policy, transport=httpx.MockTransport(answer), resolver=lambda h, p: resolver[h]) as f:
        response = f.get("https://news.example:8443/a.html?x=1")
    request = sent[-1]
    assert str(request.url) == "https://[2606:4700::1111]:8443/a.html?x=1"
    assert request.headers["host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"
    assert response.url == "https://news.example:8443/a.html?x=1"


def test_requests_to_one_site_are_spaced_by_the_host_interval_or_the_crawl_delay() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            robots = b"User-agent: *\nCrawl-delay: 5\n" if request.headers["host"] == "slow.example" else b""
            return httpx.Response(200, content=robots)
        return httpx.Response(200, content=b"ok")

    transport = httpx.MockTransport(answer)
    addresses = {"news.example": ["93.184.216.34"], "slow.example": ["93.184.216.35"]}
    with Fetcher(
        FetchPolicy(host_interval=2.0),
        transport=transport,
        resolver=lambda h, p: addresses[h],
        clock=lambda: now[0],
        sleep=sleep,
    ) as f:
        f.get("http://news.example/a")  # robots.txt, then the page: waits 2
        f.get("http://news.example/b")  # waits 2
        f.get("http://slow.example/a")  # another site: robots.txt at once, then the page waits 5
    assert waits == [2.0, 2.0, 5.0]


def test_redirects_are_followed_to_the_final_page(site: Site) -> None:
    site.routes["/old.html"] = Route(b"", status=301, headers={"Location": "/new.html"})
    site.routes["/new.html"] = Route(b"moved here")
    with fetcher() as f:
        response = f.get(site.url("/old.html"))
    assert (response.url, response.content) == (site.url("/new.html"), b"moved here")


def test_a_redirect_loop_stops(site: Site) -> None:
    site.routes["/loop.html"] = Route(b"", status=302, headers={"Location": "/loop.html"})
    with fetcher(max_redirects=3) as f, pytest.raises(FetchError, match=r"^E189: .* redirects more than 3 times"):
        f.get(site.url("/loop.html"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a", "gopher://x/"])
def test_schemes_other_than_http_are_refused(url: str) -> None:
    with fetcher() as f, pytest.raises(FetchError, match=r"^E180: .* is not fetched"):
        f.get(url)


@pytest.mark.parametrize("url", ["http://news.example:port/a", "http://[::1/a"])
def test_a_malformed_url_is_refused_by_name(url: str) -> None:
    with fetcher() as f, pytest.raises(FetchError, match=r"^E184: .* could not be fetched \(it is not a valid URL"):
        f.get(url)
