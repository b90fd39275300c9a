"""What RESULTS.md says beside the table: how to read it, the fixes made (before/after),
and why a figure is not at target yet (keyed by the start of the figure's name)."""

NOTES = """
### Reading the figures

- Start-up (P1, P2) is timed from outside: each program is launched on its own
  pseudo-terminal (120×36) and timed until the text that makes the screen readable has
  been written to the terminal (P1: a row of the table and the "N post-mortems" count;
  P2: the first words of the section in the editor). The floor is a bare Textual app
  showing one line, launched the same way, alternating with the figure in every round,
  after a warm-up round. debrief runs as `debrief open` does (`bench/run_app.py`), minus
  the command-line parsing; the P1 note also gives the `debrief` command itself.
- Compiled bytecode is cached (`PYTHONPYCACHEPREFIX` in the scratch folder, written by the
  warm-up round), as after an install. This environment sets `PYTHONDONTWRITEBYTECODE`,
  under which every launch would recompile debrief's own modules (about +0.3 s).
- The machine is shared with other test runs (the load average is given above; it was
  between 2 and 7 for much of the day). Start-up ratios moved by up to 30% between
  runs (P2 from 3.0× to 3.9× on the same code); the CPU each program had used by its
  readable frame (in the notes above) is the steadier measure.
- P3 counts CPU, not wall time: keys are typed into the pseudo-terminal every 8 ms (a
  0.6 s pause after each 400, so the autosave and the coach's lint run), and the
  program's own CPU (all threads, /proc) over the session is divided by the keys. The
  floor is a bare TextArea holding the same section text on an area of the same size
  (50×26 cells, the section editor's at 120×36), so both draw the same document.

### Fixes, before → after

Measured with this harness (P1, P2, P5) on the code before the fixes (commit cc17f2d,
installed as a wheel) and then on the code after, one run each, back to back on a
quiet machine (load average below 1):

| Figure | Before | After |
|:---|---:|---:|
| P1 home, 1,000 post-mortems | 1.014 s, 3.23× (CPU 0.98 s) | 0.539 s, 2.01× (CPU 0.53 s) |
| P1 through the `debrief` command | 1.031 s, 3.28× | 0.649 s, 2.42× |
| P2 debrief screen | 1.262 s, 4.81× (CPU 1.25 s) | 1.090 s, 3.33× (CPU 1.08 s) |
| P2 peak memory | 68.3 MiB, 2.05× | 60.1 MiB, 1.80× |
| P5 search, median (p90) | 28.7 (43.8) ms | 3.3 (5.3) ms |

Two more pairs on the loaded machine (load 4–7) agreed: P1 3.39× / 3.69× → 2.45× /
2.27×, P2 4.01× / 4.64× → 3.18× / 3.28×, P5 46.7 / 57.5 ms → 6.8 / 6.6 ms.

1. **The home screen listed every post-mortem twice** at start-up (`on_mount` and again
   on `ScreenResume`), and also when a post-mortem was opened directly (`debrief open`),
   where the home screen is pushed underneath and never shown. It now lists on resume
   only, and only when it is the screen on top (`screens/home.py`).
2. **Paged home list.** The first frame gets the first 100 rows (a screenful at any
   size) from `count_postmortems()` and `list_postmortems(limit=100)`; the rest follow
   250 at a time every 50 ms after it (every post-mortem is listed within about 0.3 s;
   checked in a real terminal on the 1,000-post-mortem database: "1000 post-mortems",
   the last rows reached by paging down are the oldest three). The "asked to contribute"
   and follow-up lines are filled in just after the first frame.
3. **sqlite-utils off the start-up path.** Importing sqlite-utils and creating its
   `Database` (which scans every installed package's entry points for plugins) took
   60–100 ms and ~5 MiB. The store now opens its connection with plain sqlite3 and
   builds the sqlite-utils `Database` on first use (`store/base.py`); the schema check
   reads `PRAGMA user_version` directly and migrations still run through sqlite-utils.
   The home screen's first page and count use plain SQL (`store/postmortems.py`).
4. **Full-text search stopped reading every match.** The UNION of title and section
   matches was materialised in full before `LIMIT 50` (a common word matches 20,000
   sections among 10,000 post-mortems). Each FTS query now streams newest first
   (`ORDER BY rowid DESC`, which FTS5 serves from its index) and stops at the limit;
   the 50 post-mortems are then read in one query instead of 50. Result order is now
   title matches first, then section matches, newest first.

5. **Slack import read and stored side by side (P4).** Reading the 100,000-message
   export and storing it ran one after the other: 2.3 s against a 0.82 s floor, 2.81×
   (same harness, quiet machine, code before this change). Now two child processes read
   alternate day files (pydantic-core's JSON parser, a fifth faster than the standard
   library's; times formatted straight from Slack's `ts`) and send compact rows while
   the importing process inserts them in one transaction, with the four per-import
   values written into the INSERT as quoted literals and duplicates skipped by the
   unique index instead of a Python set: 1.23–1.25 s against 0.70–0.72 s, 1.72–1.80×
   over two runs. Inputs under 24 MiB are still read in the importing process, before
   the transaction (a child costs about 0.1 s to start).

6. **`debrief open` builds only what it shows (P2).** The home screen (table, search,
   their imports) was composed beneath a post-mortem opened from the command line,
   and the coach compiled its rules in its constructor before the first frame. Home
   is now made when the user goes there, and the rules are compiled just after the
   first section is drawn: 3.49× → 2.86× (same harness, back to back; peak memory
   60.4 → 59.5 MiB).

### Found while measuring, left alone

- Textual draws the first frame of a screen pushed from `App.on_mount` inside its
  start-up `batch_update` and drops it, while the compositor counts it as drawn: the
  debrief screen's header line appears only in a later full refresh (about 0.1 s later).
  Pushing the screens after start-up (`call_later` in `DebriefApp.on_mount`) would avoid
  the dropped frame; not tried yet.
- Peak memory is the program's own `VmHWM` (from /proc) when its screen is readable,
  not `ru_maxrss` from `wait4`: Linux folds the launching process's pre-exec copy into
  the child's `ru_maxrss`, so a 33 MiB floor launched from the 51 MiB harness was
  reported as 51 MiB (an earlier run had shown P2's memory at 1.17× that way).
- Under pytest something sets `COLUMNS`/`LINES` in the process environment (not in
  `os.environ`), so child programs see an 80×24 terminal whatever their pty says; the
  harness removes both from the environment it gives the programs it launches.
"""

REASONS: dict[str, str] = {
    "P1": """
Textual itself (the floor) draws its first frame about 0.25–0.3 s after launch; debrief's
home screen with rows takes about twice as long, and almost all of the difference is
CPU spent before the first frame. From the profiles (py-spy, cProfile, `-X importtime`):
importing pydantic and building debrief's models (~100 ms, including
pydantic's plugin scan over every installed package's metadata); debrief's own modules
on the start-up path (the store mixes in every feature, and each mixin imports its
domain module: meetings, readiness, follow-up, collaboration; ~40 ms); the home screen's
widgets (DataTable, Input, Footer: imports, CSS, compose); the DataTable itself (it
measures every cell of every row added and renders each visible cell through Rich:
~30 ms for the first page); and the rows reach the terminal one refresh after the first
frame (the DataTable lays out new rows when idle, and Textual drops the frame drawn
inside its start-up batch; ~50–70 ms). What would reach 1.2×: a first page that needs
neither pydantic nor the feature modules (a plain-row listing from the store, the
mixins' imports made lazy, `defer_build` on the models), a light virtualised list in
place of DataTable, and pushing the first screen after start-up. Each is worth roughly
0.1–0.3× of the floor; 1.2× needs all of them.
""",
    "P2": """
The same imports as P1, plus: the debrief screen module and everything it imports
(coach, forms, collaboration and meeting controls), about 100 widgets to compose and
style (a footer key per binding, agenda, guide, editor, coach panel, three tables),
the first store reads importing sqlite-utils (~35 ms), and the footer recomposing
after the first refresh. The 5,000 events and 300 items cost little: the first
section is text, and only the event count and the items are read. What would fix
it: read the first section without sqlite-utils and pydantic, and cut the widgets
the first section does not show (compose the tables when their section is opened).
""",
    "P2 peak memory": """
A bare Textual app peaks at about 33 MiB; debrief's debrief screen at about 60 MiB, and
almost all of the difference is code, not data: importing pydantic adds ~6 MiB, building
debrief's models ~5 MiB, sqlite-utils (imported by the screen's first store reads) ~5 MiB,
and debrief's own modules, the coach's compiled rules and the two screens' widgets the
rest (measured import by import with `ru_maxrss`). The 5,000 events are never loaded
for the first section. Reaching 50 MiB needs the start-up path without sqlite-utils and
without most of the pydantic models (see P2 above).
""",
    "P3": """
Both runs spend most of each keystroke in Textual redrawing the soft-wrapped editor
(every visible line is re-rendered on each edit). debrief adds its two `TextArea.Changed`
handlers (each restarts a timer), a larger screen to composite, and the autosave and
lint after each pause.
""",
    "P4": """
Importing is reading (parsing JSON, converting messages) plus storing (SQLite inserts
into the events table and its three indexes, then the commit), about 2.4 times a plain
json.load when done one after the other. Large exports are therefore read by two child
processes while the importing process stores what they send (`debrief/importers/
background.py`): on two cores the import is bounded by the storing process, about 1.7
times the floor on a quiet machine. When the other core is busy the readers and the
store share one core and the figure drifts back toward 2.4.
""",
}
