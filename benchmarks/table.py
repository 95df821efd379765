"""The result table: one Row per metric, rendered as Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    metric: str
    value: float | None
    unit: str = ""
    baseline: float | None = None
    baseline_name: str = ""
    budget: str = "—"
    check: Callable[[float, float | None], bool] | None = None  # (value, ratio) -> within budget
    digits: int = 1
    ratio: float | None = None

    def __post_init__(self) -> None:
        if self.ratio is None and self.value is not None and self.baseline:
            self.ratio = self.value / self.baseline

    def ok(self) -> str:
        if self.check is None:
            return "—"
        if self.value is None:
            return "❌ (failed)"
        return "✅" if self.check(self.value, self.ratio) else "❌"

    def cells(self) -> list[str]:
        def fmt(x: float | None) -> str:
            if x is None:
                return "—"
            return f"{x:,.{self.digits}f} {self.unit}".strip()

        base = fmt(self.baseline) if self.baseline is not None else "—"
        if self.baseline is not None and self.baseline_name:
            base += f" ({self.baseline_name})"
        ratio = f"{self.ratio:.2f}x" if self.ratio is not None else "—"
        return [self.metric, fmt(self.value), base, ratio, self.budget, self.ok()]


def markdown(rows: list[Row], notes: list[str]) -> str:
    header = ["metric", "blocks", "baseline", "ratio", "budget", "ok?"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {note}" for note in notes) + "\n"
