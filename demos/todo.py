"""A to-do list built with gr.render: add tasks, check them off, delete them; the list lives in gr.State."""

import blocks as gr

with gr.Blocks(title="To-do") as demo:
    tasks = gr.State([])
    new_task = gr.Textbox(label="New task", placeholder="What needs doing?", max_lines=1)
    add = gr.Button("Add task", variant="primary")

    def add_task(current, name):
        name = (name or "").strip()
        return (current + [{"name": name, "done": False}] if name else current), ""

    gr.on([new_task.submit, add.click], add_task, [tasks, new_task], [tasks, new_task])

    @gr.render(inputs=tasks)
    def show_tasks(current):
        left = sum(not task["done"] for task in current)
        gr.Markdown(f"**{left} to do, {len(current) - left} done**" if current else "Nothing to do yet.")
        for index, task in enumerate(current):
            with gr.Row():
                done = gr.Checkbox(value=task["done"], label=task["name"], key=f"done-{index}-{task['name']}")
                remove = gr.Button(f"Delete {task['name']}", variant="stop", scale=0)

            def toggle(checked, index=index):
                current[index]["done"] = checked
                return current

            def delete(index=index):
                return current[:index] + current[index + 1:]

            done.input(toggle, done, tasks)
            remove.click(delete, None, tasks)

if __name__ == "__main__":
    demo.launch()
