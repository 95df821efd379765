"""A sign-up form with validation: the validator checks the inputs before the function runs and
its messages show at the inputs; a taken name is a gr.Error toast; success is a gr.Success toast.

Run with `make run DEMO=demos/signup_form.py`.
"""

import blocks as gr

TAKEN = {"admin", "root"}


def check(name: str, email: str, age: float | None, accounts: list) -> list:
    """One verdict per input (the same inputs as sign_up), as Gradio's validator= wants."""
    return [
        gr.validate(bool(name.strip()), "Please enter a user name."),
        gr.validate("@" in email and "." in email.split("@")[-1], "That does not look like an email address."),
        gr.validate(age is not None and age >= 13, "You must be at least 13."),
        gr.validate(True, ""),  # the State of accounts: nothing to check
    ]


def sign_up(name: str, email: str, age: float, accounts: list) -> tuple:
    if name.strip().lower() in TAKEN | {a.lower() for a in accounts}:
        raise gr.Error(f"The name '{name}' is taken; try another.", title="Name taken")
    gr.Success(f"Welcome, {name}!")
    accounts = [*accounts, name.strip()]
    return accounts, f"{len(accounts)} account(s) created: {', '.join(accounts)}"


with gr.Blocks(title="Sign up") as demo:
    gr.Markdown("# Create an account")
    accounts = gr.State([])
    name = gr.Textbox(label="User name")
    email = gr.Textbox(label="Email", type="email")
    age = gr.Number(label="Age", value=None, precision=0)
    submit = gr.Button("Sign up", variant="primary")
    created = gr.Textbox(label="Accounts", interactive=False)
    submit.click(sign_up, [name, email, age, accounts], [accounts, created], validator=check)

if __name__ == "__main__":
    demo.launch()
