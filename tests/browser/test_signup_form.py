"""demos/signup_form.py: the validator's messages show at the inputs and the function does not run;
a taken name is an error toast with its title; a success toast greets a new account."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

from .support import DemoProcess, demo_fixture, open_app

pytestmark = pytest.mark.browser


server = demo_fixture("signup_form")


def test_invalid_inputs_get_their_messages_and_nothing_is_created(context: BrowserContext,
                                                                   server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("Email").fill("not-an-address")
    page.get_by_label("Age").fill("9")
    page.get_by_role("button", name="Sign up").click()
    # each message is shown at its input: an alert inside the same block as the field
    for field, message in [("User name", "Please enter a user name."),
                           ("Email", "That does not look like an email address."),
                           ("Age", "You must be at least 13.")]:
        expect(page.locator(".block", has=page.get_by_label(field)).get_by_role("alert")).to_have_text(message)
    expect(page.get_by_label("Accounts")).to_have_value("")


def test_a_valid_form_creates_the_account_and_a_taken_name_is_refused(context: BrowserContext,
                                                                      server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("User name").fill("ada")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Age").fill("36")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("Welcome, ada!")).to_be_visible()
    expect(page.get_by_label("Accounts")).to_have_value("1 account(s) created: ada")
    page.get_by_role("button", name="Sign up").click()  # the same name again
    expect(page.get_by_text("The name 'ada' is taken; try another.")).to_be_visible()
    expect(page.get_by_text("Name taken")).to_be_visible()
    expect(page.get_by_label("Accounts")).to_have_value("1 account(s) created: ada")
