"""One measured figure, as the harness prints it and RESULTS.md records it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Result:
    """A figure: `ratio` (value ÷ floor) against `target` when `per_floor`, else `value`."""

    figure: str
    target: float
    per_floor: bool
    value: float | None = None
    unit: str = ""
    floor: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.per_floor or not self.floor:
            return None
        return self.value / self.floor

    @property
    def judged(self) -> float | None:
        return self.ratio if self.per_floor else self.value

    @property
    def passed(self) -> bool | None:
        """True at or better than the target; None when not measured."""
        judged = self.judged
        return None if judged is None else judged <= self.target

    def target_text(self) -> str:
        if self.per_floor:
            return f"≤ {self.target:g}×"
        return f"≤ {self.target:g} {self.unit}".rstrip()


def missing(figure: str, target: float, per_floor: bool, unit: str, reason: str) -> Result:
    """A figure that cannot be measured yet, with the reason."""
    return Result(figure, target, per_floor, unit=unit, note=f"not yet measurable: {reason}")
