"""Python's cyclic garbage collector, paused from launch to the first frame.

Start-up makes a few hundred thousand objects that live as long as the app (Textual's
and debrief's modules, styles and the first screen's widgets) and hardly any cyclic
garbage, yet the collector walks them again and again as they are made: about 140
passes before the first frame of a large post-mortem, one of them a full pass of
15–20 ms. The `debrief` command pauses it as it starts (`pause`); the app resumes it
once its first frame is drawn (`resume(freeze=True)`), first moving what start-up made
out of the collector's reach (`gc.freeze`), so later full passes do not walk it either.
Textual pauses the collector the same way while scrolling (`App.PAUSE_GC_ON_SCROLL`).

The cost: a frozen object is freed only by reference counting, so the first screen's
widgets, if that screen is ever closed, stay in memory until the app ends.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop cyclic collection until `resume` (nothing happens if it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(freeze: bool = False) -> None:
    """Collect again, if `pause` stopped collection (else nothing); with `freeze`, what
    exists now is first moved out of the collector's reach (the app, at its first frame)."""
    global _paused
    if _paused:
        _paused = False
        if freeze:
            gc.freeze()
        gc.enable()
