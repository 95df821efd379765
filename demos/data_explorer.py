"""A data explorer: a table of monthly sales you can filter and edit, and a line plot of it.

Needs pandas: pip install 'blocks[data]'.
"""

import pandas as pd

import blocks as gr

REGIONS = ["North", "South", "East", "West"]
MONTHS = pd.date_range("2026-01-01", periods=12, freq="MS")


def sales() -> pd.DataFrame:
    """Twelve months of made-up sales for each region (the same numbers every run)."""
    rows = [{"month": month, "region": region, "sales": 100 + 17 * ((i * 7 + r * 13) % 11) + 9 * i}
            for i, month in enumerate(MONTHS) for r, region in enumerate(REGIONS)]
    return pd.DataFrame(rows)


def pick(data: pd.DataFrame, regions: list[str]) -> pd.DataFrame:
    return data[data["region"].isin(regions)].reset_index(drop=True)


def plot(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["month"] = pd.to_datetime(table["month"])
    table["sales"] = pd.to_numeric(table["sales"], errors="coerce")
    return table


def summary(table: pd.DataFrame) -> str:
    if table.empty:
        return "No rows."
    total = pd.to_numeric(table["sales"], errors="coerce").sum()
    return f"{len(table)} rows, total sales {total:,.0f}"


with gr.Blocks(title="Data explorer") as demo:
    gr.Markdown("# Data explorer\nFilter the regions, edit a cell: the plot and the total follow.")
    data = gr.State(sales())
    regions = gr.CheckboxGroup(REGIONS, value=REGIONS[:2], label="Regions")
    with gr.Row():
        table = gr.Dataframe(label="Sales", interactive=True, max_height=320)
        with gr.Column():
            chart = gr.LinePlot(x="month", y="sales", color="region", title="Sales by month", label="Sales plot")
            total = gr.Textbox(label="Summary")
    gr.on([demo.load, regions.change], pick, [data, regions], table)
    table.change(plot, table, chart).then(summary, table, total)

if __name__ == "__main__":
    demo.launch()
