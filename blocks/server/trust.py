"""Whom the server believes: which Host names it answers (DNS rebinding), which pages may drive it
(Origin), and which peers may speak for a client (X-Forwarded-* from trusted proxies).

- Host: a page on `http://evil.example:7860`, whose name the attacker re-points to 127.0.0.1,
  talks to this server as if it were its own site, Origin and all. Only names that are this
  server's are answered: localhost and *.localhost, IP literals (an address cannot be
  re-pointed), this machine's hostname, and BLOCKS_ALLOWED_HOSTS. Any port: SSH tunnels and
  port forwarding change it, and a page on another port is another origin, refused below.
- Origin: a page of another site may not open the WebSocket or call the API (WebSockets have
  no CORS); allowed are this host and BLOCKS_ALLOWED_ORIGINS.
- X-Forwarded-For/-Proto/-Host are believed only from BLOCKS_FORWARDED_ALLOW_IPS (none by
  default). uvicorn's own handling is off (uvicorn_options): it trusts 127.0.0.1 by default,
  and a rebinding page on loopback may set any header on its same-origin requests.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import socket
from typing import Any
from urllib.parse import urlsplit

import orjson

from ..errors import BlocksError

HOSTS_ENV, ORIGINS_ENV, PROXIES_ENV = "BLOCKS_ALLOWED_HOSTS", "BLOCKS_ALLOWED_ORIGINS", "BLOCKS_FORWARDED_ALLOW_IPS"
HOST_KEY = "blocks.host"  # the scope key holding the host the browser asked for
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def uvicorn_options() -> dict[str, Any]:
    """Options for uvicorn.Config: no proxy-header handling of its own (TrustedRequests does it)."""
    return {"proxy_headers": False}


def _entries(raw: str) -> list[str]:
    return [entry.strip().lower() for entry in raw.split(",") if entry.strip()]


@functools.lru_cache(maxsize=16)
def host_patterns(raw: str) -> tuple[str, ...]:
    """BLOCKS_ALLOWED_HOSTS entries: names, `*.example.org` (its subdomains) or `*` (any host)."""
    patterns = tuple(_entries(raw))
    for pattern in patterns:
        if "*" in pattern[1:] or (pattern.startswith("*") and pattern != "*" and not pattern.startswith("*.")):
            raise BlocksError(f"{HOSTS_ENV}: {pattern!r} is not a host name; use names such as app.example.org, "
                              f"'*.example.org' for its subdomains, or '*' for any host.")
        if ":" in pattern and not _is_ip(pattern):
            raise BlocksError(f"{HOSTS_ENV}: {pattern!r} has a port; give the name alone (any port is served).")
    return patterns


@functools.lru_cache(maxsize=16)
def proxy_networks(raw: str) -> tuple[Network, ...]:
    """BLOCKS_FORWARDED_ALLOW_IPS entries as networks: IPs, CIDRs, or `*` (any peer)."""
    entries = _entries(raw)
    if "*" in entries:
        return ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as exc:
        raise BlocksError(f"{PROXIES_ENV}={raw!r}: {exc}; give the proxies' IPs or networks, "
                          f"comma-separated (e.g. 10.0.0.5,172.16.0.0/12).") from None


def check_settings() -> None:
    """Raise BlocksError now for a malformed BLOCKS_ALLOWED_HOSTS or BLOCKS_FORWARDED_ALLOW_IPS;
    look up this machine's names now too (getfqdn may ask DNS: not on the event loop, per request)."""
    host_patterns(os.environ.get(HOSTS_ENV, ""))
    proxy_networks(os.environ.get(PROXIES_ENV, ""))
    machine_names()


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def machine_names() -> frozenset[str]:
    """This machine's own names (what `http://<hostname>:7860` uses)."""
    return frozenset(n.lower().rstrip(".") for n in (socket.gethostname(), socket.getfqdn()) if n)


def host_name(host: str) -> str:
    """The name in a Host header: no port, no IPv6 brackets, no trailing dot, lowercase."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def host_allowed(host: str, server_name: str | None = None) -> bool:
    """Is `host` (a Host header) a name of this server? `server_name` is the address the
    connection reached, as the server reports it (e.g. TestClient's "testserver")."""
    name = host_name(host)
    if not name:
        return False
    if _is_ip(name) or name == "localhost" or name.endswith(".localhost") or name in machine_names():
        return True
    if server_name is not None and name == server_name.lower():
        return True
    try:
        patterns = host_patterns(os.environ.get(HOSTS_ENV, ""))
    except BlocksError:  # changed to a bad value after startup: allow nothing more
        return False
    return any(p in ("*", name) or (p.startswith("*.") and name.endswith(p[1:])) for p in patterns)


def peer_trusted(peer: str | None) -> bool:
    """Is the connecting peer one of BLOCKS_FORWARDED_ALLOW_IPS (a proxy allowed to speak for clients)?"""
    try:
        networks = proxy_networks(os.environ.get(PROXIES_ENV, ""))
        address = ipaddress.ip_address(peer or "")
    except (BlocksError, ValueError):
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:  # an IPv4 peer on a dual-stack socket
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def allowed_origin(conn: Any) -> bool:
    """May this request drive the app? Requests without an Origin (scripts, curl) may; pages
    must come from this host (as the browser names it) or from BLOCKS_ALLOWED_ORIGINS."""
    origin = conn.headers.get("origin")
    if origin is None:
        return True
    extra = {o.rstrip("/") for o in _entries(os.environ.get(ORIGINS_ENV, ""))}
    host = conn.scope.get(HOST_KEY, conn.headers.get("host", ""))
    return origin.strip().lower().rstrip("/") in extra or urlsplit(origin.strip()).netloc.lower() == host.lower()


def cross_site_message() -> dict[str, str]:
    """The 403 body for a page of another site."""
    return {"error": f"requests from another site are refused; add its origin (e.g. https://example.org) to "
                     f"{ORIGINS_ENV} to allow it"}


def refused_host_message(host: str) -> dict[str, str]:
    """The 400 body for a Host that is not this server's."""
    name = host_name(host)[:100] or "(none)"
    return {"error": f"the Host {name!r} is not a name of this server, so the request is refused (a page on "
                     f"another site may have pointed its name here). If it is, add it to {HOSTS_ENV} "
                     f"(comma-separated; '*.example.org' for subdomains, '*' for any host)."}


def _json_response(body: dict[str, str], status: int) -> list[dict[str, Any]]:
    payload = orjson.dumps(body)
    return [{"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]},
            {"type": "http.response.body", "body": payload}]


def _forwarded(scope: dict[str, Any], headers: dict[str, str]) -> str | None:
    """A trusted proxy's X-Forwarded-For/-Proto applied to the scope; its X-Forwarded-Host, if any."""
    hops = [hop.strip() for hop in headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    if hops:  # the nearest hop that is not one of our proxies is the client
        client = next((hop for hop in reversed(hops) if not peer_trusted(hop)), hops[0])
        scope["client"] = (client, 0)
    proto = headers.get("x-forwarded-proto", "").strip().lower()
    if proto in ("http", "https"):
        scope["scheme"] = proto.replace("http", "ws") if scope["type"] == "websocket" else proto
    forwarded_host = headers.get("x-forwarded-host", "").split(",")[0].strip()
    return forwarded_host or None


class TrustedRequests:
    """ASGI middleware: X-Forwarded-* believed only from BLOCKS_FORWARDED_ALLOW_IPS, and requests
    for a Host that is not this server's refused (HTTP: a 400 naming BLOCKS_ALLOWED_HOSTS;
    WebSocket: the handshake is refused)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)  # our changes (client, scheme, host) are for the app below only
        headers: dict[str, str] = {}
        hosts = 0
        for name, value in scope.get("headers", []):
            hosts += name.lower() == b"host"
            headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        host = headers.get("host")
        if peer_trusted((scope.get("client") or (None,))[0]):
            host = _forwarded(scope, headers) or host
        # Two Host headers: a proxy may route by one while we check the other (RFC 9112 says 400).
        if hosts > 1 or (host is not None and not host_allowed(host, (scope.get("server") or (None,))[0])):
            await _refuse_host(scope, send, "(several)" if hosts > 1 else host or "")
            return
        scope[HOST_KEY] = host or ""
        await self.app(scope, receive, send)


async def _refuse_host(scope: dict[str, Any], send: Any, host: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})  # before accept: the handshake gets a 403
        return
    for message in _json_response(refused_host_message(host), 400):
        await send(message)
