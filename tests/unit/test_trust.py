"""server/trust.py: which Host names are this server's, which peers are proxies, what is misconfigured."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.server import trust


@pytest.mark.parametrize("host, name", [
    ("Example.ORG:8080", "example.org"), ("[::1]:7860", "::1"), ("::1", "::1"), ("localhost.", "localhost"),
    ("127.0.0.1", "127.0.0.1"), ("", ""),
])
def test_host_names_lose_port_brackets_and_case(host, name):
    assert trust.host_name(host) == name


def test_only_this_servers_names_and_the_allowlist_pass(monkeypatch):
    monkeypatch.delenv("BLOCKS_ALLOWED_HOSTS", raising=False)
    assert all(trust.host_allowed(h) for h in ("localhost:1", "a.localhost", "10.0.0.7:80", "[fe80::1]"))
    refused = ("evil.example:7860", "localhost.evil.example", "", "127.0.0.1.nip.io")
    assert not any(trust.host_allowed(h) for h in refused)
    assert trust.host_allowed("testserver", server_name="testserver")  # the address the connection reached
    monkeypatch.setenv("BLOCKS_ALLOWED_HOSTS", "App.Example.org,*.example.net")
    assert trust.host_allowed("app.example.org:443") and trust.host_allowed("x.y.example.net")
    assert not trust.host_allowed("example.net") and not trust.host_allowed("evil-example.net")


@pytest.mark.parametrize("setting, fix", [
    ("app.example.org:8080", "give the name alone"), ("a*.example.org", "is not a host name"),
    ("*example.org", "is not a host name"),
])
def test_a_malformed_allowlist_is_refused_at_startup(monkeypatch, setting, fix):
    monkeypatch.setenv("BLOCKS_ALLOWED_HOSTS", setting)
    with pytest.raises(gr.BlocksError, match=fix):
        trust.check_settings()
    assert not trust.host_allowed("app.example.org")  # changed under a running server: nothing more passes


def test_proxies_are_ips_or_networks(monkeypatch):
    monkeypatch.delenv("BLOCKS_FORWARDED_ALLOW_IPS", raising=False)
    assert not trust.peer_trusted("127.0.0.1")  # unlike uvicorn's default
    monkeypatch.setenv("BLOCKS_FORWARDED_ALLOW_IPS", "10.0.0.0/8, 192.0.2.1")
    assert trust.peer_trusted("10.1.2.3") and trust.peer_trusted("::ffff:192.0.2.1")
    assert not trust.peer_trusted("192.0.2.2") and not trust.peer_trusted("not-an-ip") and not trust.peer_trusted(None)
    monkeypatch.setenv("BLOCKS_FORWARDED_ALLOW_IPS", "10.0.0.300")
    with pytest.raises(gr.BlocksError, match="BLOCKS_FORWARDED_ALLOW_IPS='10.0.0.300'"):
        trust.check_settings()
    assert trust.uvicorn_options() == {"proxy_headers": False}
