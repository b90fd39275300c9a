"""P4 (Slack import ÷ json.load) from `bench.p4_slack_import`, when that module exists."""

from __future__ import annotations

import importlib
from typing import Any

from bench.context import Context
from bench.result import Result, missing

TARGET = 2.0
FIGURE = "P4 Slack import, 100,000 messages"


def run(ctx: Context) -> list[Result]:
    if ctx.quick:
        return [missing(FIGURE, TARGET, True, "s", "skipped in quick mode (it takes ~30 s)")]
    try:
        module: Any = importlib.import_module("bench.p4_slack_import")
    except ModuleNotFoundError as exc:
        if exc.name != "bench.p4_slack_import":
            raise
        return [missing(FIGURE, TARGET, True, "s", "bench/p4_slack_import.py is not there yet")]
    work = ctx.workdir / "p4"
    work.mkdir(exist_ok=True)
    found: dict[str, Any] = module.run(work)
    extra = {
        k: v for k, v in found.items() if k not in {"figure", "value", "floor", "ratio", "target"}
    }
    note = "import ÷ reading and json.load-ing the same files; median of alternating runs"
    if extra:
        note += "; " + ", ".join(
            f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in extra.items()
        )
    return [
        Result(
            str(found.get("figure", FIGURE)),
            float(found.get("target", TARGET)),
            per_floor=True,
            value=float(found["value"]),
            unit="s",
            floor=float(found["floor"]),
            note=note,
        )
    ]
