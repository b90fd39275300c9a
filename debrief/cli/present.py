"""`debrief present ID`: the read-only presenter view for the terminal that is screen-shared."""

from __future__ import annotations

from typing import Annotated

import typer

from debrief.cli.context import ctx_of, handled


def register(app: typer.Typer) -> None:
    @app.command()
    @handled
    def present(ctx: typer.Context, pm_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
        """Read-only view that follows the facilitator's current section and timer live."""
        from debrief.cli.run_app import run_app

        run_app(ctx_of(ctx), pm_id, mode="present")
