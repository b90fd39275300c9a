"""Where "Save screenshot" (the palette's Screenshot command) writes its SVG file."""

from __future__ import annotations

from pathlib import Path


def screenshot_folder() -> Path:
    """The user's Downloads folder when there is one; else `screenshots/` in debrief's
    data folder (`~/.local/share/debrief/screenshots` on Linux), made if need be.

    Textual saves to Downloads only, and fails where that folder does not exist (a
    server, a container, a fresh account).
    """
    from platformdirs import user_data_path, user_downloads_path

    downloads = user_downloads_path()
    if downloads.is_dir():
        return downloads
    folder = user_data_path("debrief") / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
