"""Start-up measured from outside: launch a program in a pseudo-terminal and time it until
the first frame showing given text is drawn; floors and figures interleaved.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.terminal import launch

BENCH = Path(__file__).resolve().parent
FLOOR_TEXT = "Floor: a bare Textual app showing one line"


@dataclass(frozen=True)
class Program:
    """What to launch, and the text whose drawing means "readable"."""

    argv: tuple[str, ...]
    markers: tuple[str, ...]


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    """CPU seconds the program had used when the markers were drawn (a diagnostic)."""

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_mib(self) -> float:
        return statistics.median(self.peak_kib) / 1024

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def spread(self) -> str:
        return f"{min(self.seconds):.3f}–{max(self.seconds):.3f} s"


def describe(figure: Samples, floor: Samples) -> str:
    """The spread of both, and the CPU each had used by its first readable frame."""
    return (
        f"range {figure.spread()} (floor {floor.spread()}); CPU by that frame "
        f"{figure.median_cpu:.2f} s (floor {floor.median_cpu:.2f} s)"
    )


def script(name: str, *args: str) -> tuple[str, ...]:
    """argv running one of the bench scripts with this interpreter."""
    return (sys.executable, str(BENCH / name), *args)


FLOOR = Program(script("floor_app.py", "line"), (FLOOR_TEXT,))


def app_program(db: Path, markers: Sequence[str], pm_id: str | None = None) -> Program:
    """debrief's App on `db` (home screen, or the post-mortem `pm_id`)."""
    args = (str(db),) if pm_id is None else (str(db), pm_id)
    return Program(script("run_app.py", *args), tuple(markers))


def start_once(program: Program, env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds until the markers are drawn, and the program's peak memory (KiB) and the
    CPU seconds it had used by then."""
    terminal = launch(program.argv, env=env)
    try:
        seconds = terminal.wait_for(program.markers)
        cpu = terminal.cpu_seconds()
        peak = terminal.peak_rss_kib()
    finally:
        terminal.finish()
    return seconds, peak, cpu


def interleaved(
    programs: dict[str, Program], env: dict[str, str], rounds: int, warmup: int = 1
) -> dict[str, Samples]:
    """Each program once per round, the order reversed every other round (drift cancels)."""
    samples = {name: Samples() for name in programs}
    names = list(programs)
    for n in range(warmup + rounds):
        order = names if n % 2 == 0 else names[::-1]
        for name in order:
            seconds, rss, cpu = start_once(programs[name], env)
            if n >= warmup:
                samples[name].seconds.append(seconds)
                samples[name].peak_kib.append(rss)
                samples[name].cpu.append(cpu)
    return samples
