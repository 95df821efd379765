"""Tabs and accordions, with visibility changed by listeners.

Run with `make run DEMO=demos/tabs_and_accordions.py`.
"""

import blocks as gr

with gr.Blocks(title="Tabs and accordions") as demo:
    gr.Markdown("# Settings\nSwitch tabs, open sections, and reveal the advanced tab.")
    with gr.Tabs() as tabs:
        with gr.Tab("Profile", id="profile"):
            name = gr.Textbox(label="Display name")
            with gr.Accordion("More about you", open=False) as more:
                bio = gr.Textbox(label="Bio", lines=3)
            summary = gr.Textbox(label="Summary", interactive=False)
            gr.Button("Save profile", variant="primary").click(
                lambda n, b: f"{n or 'Anonymous'}: {b or 'no bio yet'}", [name, bio], summary)
        with gr.Tab("Notifications", id="notifications"):
            email = gr.Checkbox(label="Email me")
            with gr.Row(visible=False) as email_row:
                address = gr.Textbox(label="Email address", type="email")
            email.change(lambda on: gr.Row(visible=on), email, email_row)
        with gr.Tab("Advanced", id="advanced", visible=False) as advanced:
            gr.Markdown("Careful: these settings are for experts.")
            debug = gr.Checkbox(label="Debug mode")
    with gr.Row():
        show_advanced = gr.Button("Show advanced settings")
        open_more = gr.Button("Tell us more")
    show_advanced.click(lambda: (gr.Tab(visible=True), gr.Tabs(selected="advanced")), None, [advanced, tabs])
    open_more.click(lambda: (gr.Tabs(selected="profile"), gr.Accordion(open=True)), None, [tabs, more])

if __name__ == "__main__":
    demo.launch()
