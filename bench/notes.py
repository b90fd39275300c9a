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
  the command-line parsing; the rows ending "through `debrief`" are the installed
  `debrief` command itself, launched in the same rounds (what a user runs).
- P7 runs `debrief --help` and `debrief list --json` to the end (output to /dev/null)
  through the installed `debrief` command, and as `python -m debrief` (in its note); the
  floor is a script that imports Typer and prints the same text from a file.
- Compiled bytecode is cached (`PYTHONPYCACHEPREFIX` in the scratch folder, written by the
  warm-up round), as after an install. This environment sets `PYTHONDONTWRITEBYTECODE`,
  under which every launch would recompile debrief's own modules (about +0.3 s).
- The machine is shared with other test runs (the load average is given above; it was
  between 2 and 7 for much of the day). Start-up ratios moved by up to 30% between
  runs (P2 from 3.0× to 3.9× on the same code); the CPU each program had used by its
  readable frame (in the notes above) is the steadier measure.
- P5 (search) and P1's home list query (the count and the first 100 rows, without the
  launch) run on both engines: SQLite reads the generated file, PostgreSQL a copy of it
  (what `debrief copy` does) in a throwaway server on a free port (initdb + pg_ctl, the
  test suite's `tests/pg_server.py`, fsync off), started for the figure and stopped after.
  Without PostgreSQL binaries the PostgreSQL rows are empty and say so.
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

7. **Start-up at the floor, first steps (P1, P2, P7).** The command line imported every
   command's module (and through them pydantic, the models, the importers) before
   parsing anything; the config was read into pydantic models (pydantic's import and
   four models, about 110 ms before the first frame); the first screen was pushed inside
   Textual's start-up batch, which drops its first frame; and `--json` was encoded by
   the standard library's pure-Python indenting encoder. Now:
   - commands are listed from one table in `debrief/cli/root.py` and a command's
     module is imported only when it runs or shows its own help (`debrief/cli/lazy.py`);
   - the config is checked against plain dataclasses (`debrief/config.py`,
     `debrief/config_check.py`), no pydantic;
   - the first screen is pushed just after start-up (`DebriefApp._first_screen`);
   - `--json` goes through pydantic-core's encoder (same text, a quarter of the time).
   `tests/test_startup_imports.py` keeps Jira's client, requests, sqlite-utils,
   textual-serve, psycopg, markdown-it and plotext out of `debrief --help`, `debrief
   list` and the first frame (home and `open`), pydantic and Textual out of `--help`,
   the coach out of the home screen's first frame and the home screen out of `open`'s.
   Before → after, measured back to back with this harness on the loaded machine (load
   average 5–11 on 2 cores; "before" is commit 8207683 run from an unpacked copy):

   | Figure | Before | After |
   |:---|---:|---:|
   | `debrief --help` ÷ Typer floor (command) | 3.98× | 1.05× |
   | `debrief list --json`, 1,000 post-mortems ÷ Typer floor (command) | 5.20× | 4.41× |
   | P1 home ÷ Textual floor, through the command | 2.42× (CPU 0.82 s) | 2.01× (CPU 0.73 s) |
   | P1 home, without the command (`bench/run_app.py`) | 2.26× (CPU 0.77 s) | 1.76× (CPU 0.67 s) |
   | P2 debrief screen, through the command | 3.17× (CPU 0.97 s) | 2.47× (CPU 0.74 s) |
   | P2 debrief screen, without the command | 3.31× (CPU 0.92 s) | 2.68× (CPU 0.74 s) |
   | P2 peak memory, through the command | 61.7 MiB, 1.85× | 57.8 MiB, 1.73× |

8. **Start-up at the floor, second steps (P1, P2, P7).** What fix 7 left on the path to
   the first frame: pydantic (its import and the schema of every model) under every store
   read; Typer and Click under `debrief` and `debrief open`, and Typer's option parsing,
   which loads pydantic to coerce each option, under `list --json`; the coach's import
   and rule compilation racing the first frame; every one of 5,000 events read to list
   the timeline's authors for the live coach; forms, the wrap-up summary, merge3 and
   dateutil imported with the debrief screen; and its tables composed though the first
   section is text. Now:
   - the data are records (`debrief/record.py`): classes whose fields are read on first
     use, converting stored values by field type, with the same `model_validate`,
     `model_dump(mode="json")` and `model_copy` the code used; no validation library is
     loaded to read or write (import files are checked strictly by the same records);
   - the `debrief` command starts at `debrief/launch.py`: `debrief`, `debrief open ID` and
     `debrief list [--json]` (with `--db`/`--config`) run without Typer; anything else
     goes to the full command line (`debrief/cli/root.py`);
   - the first lint runs 50 ms after the first frame; the authors come from one
     `SELECT DISTINCT`; the tables are mounted when a section needs them or just after
     the first frame; forms, the wrap-up summary and merge3 are imported when used;
   - the key bar computes the screen's active bindings once per render, not once per key.
   The start-up tests now also keep pydantic and Typer out of both first frames and out
   of `list --json`.

9. **`debrief list --json` written from the rows (P7).** After fix 8 the command still
   read 1,000 post-mortems into records, dumped them and encoded the dumps, and imported
   the whole Store (its eleven entity modules, the records, the templates: about 60 ms)
   to do it. Now:
   - `debrief/cli/list_json.py` writes each post-mortem's JSON from its stored values:
     a template per row, strings through the standard library's C encoder (ASCII, as
     before), instants and dates checked and cut from their stored text, the people
     and lists decoded by the C scanner. A value not in its stored form goes through
     the record, as before, so its JSON or its error is the record's;
     `tests/cli/test_list_json.py` compares the text with the record-based text on
     seeded hostile rows (both engines, 0 to 260 rows);
   - `store/listing.py` opens the database as the Store does and runs the one query;
     `debrief.store` imports `Store` on first use, and `uuid` (which loads `platform`)
     is imported when an id is made.
   CPU of the whole run (median of 21, interleaved, `getrusage` of the children,
   1,000 post-mortems; load average 6–7): before (commit b63dda6, unpacked copy) 302 ms,
   2.63× the Typer floor's 115 ms; after 129 ms through the `debrief` command (1.13×),
   141 ms from an unpacked copy (1.23×); on other runs 1.23–1.34× (the floor's CPU
   moved between 95 and 145 ms with the load). This harness, `--only p7`: 3.00× before,
   1.12×, 1.00× and 1.20× after (three runs, load average 5–6) and 1.53× in a fourth
   (load average 7, `--help` at 1.14× in it): not yet a steady pass (see REASONS).

10. **Start-up at the floor, third steps: the home screen (P1).** After fix 8 the home
   screen's first frame still styled and drew a DataTable (each visible cell rendered
   on its own through Rich: about 180 cells, 50–100 ms of CPU on the loaded machine)
   and the search field, and imported every entity of the store. Now:
   - on a terminal the first frame shows the list as text: the same header and rows in
     one Static, coloured like the table (`screens/home_page.py`); the table and the
     search field are mounted just after that frame and take its place. Keys pressed
     in between wait and are sent to the table, in order, once it is focused (ctrl+f's
     following keys to the search field), so down/enter or a search typed at once are
     not lost (checked on a pseudo-terminal at 80×24 and 120×36: down, down, enter
     typed the moment the list is readable opens the third post-mortem; ctrl+f
     "incident 42" enter lists 11). Headless runs (tests, snapshots) compose the table
     straight away;
   - `debrief.store.Store` opens as `OpenedStore` (`store/opened.py`: the connection
     and the post-mortems); the first use of anything else turns it into the whole
     Store, whose entity modules are imported then (a test keeps what the opened
     store answers identical to the whole Store's);
   - the list's columns leave room for its margin as well as its scrollbar (they were
     two cells too wide once the scrollbar showed: "overdue" lost its last letter at
     120×36; the home snapshots changed for this).
   Measured on the loaded machine (load average 3–7 on 2 cores): the home screen's
   first render 100 ms → 11–20 ms of CPU (Textual's `render_update`, in-process);
   importing `debrief.store` 24.5 → 11.8 ms and `debrief.screens.home` 22.5 → 6.5 ms
   (fastest of 9 runs, after Textual); the bench's CPU by the readable frame 0.54 s
   (1.6–1.8× the floor's) → 0.47 s against 0.39 s (1.21×) and 0.40 s against 0.34 s
   (1.18×) and 0.39 s against 0.32 s (1.22×) in three runs, where P1 was 1.07×, 1.35×
   and 0.95× of the floor in wall time (1.15×, 1.31× and 1.05× through the `debrief`
   command).

11. **Opening a post-mortem, third steps (P2).** What the debrief screen still did
   before its first frame that the frame does not need:
   - the tables' widget modules (and Textual's DataTable) were imported with the
     screen; they are imported when the tables are mounted (`screens/section_tables.py`);
   - each agenda row was a Rich table, built four times per section change and measured
     and drawn through Rich; it is now a small Textual Visual (`widgets/agenda.py`,
     same cells and styles), built once per change;
   - Textual restyled every widget of the screen twice more: when the `-wide` width
     class arrived on the first resize (now set before the widgets are styled) and on
     the screen's first resume (skipped: the widgets were styled as they were mounted);
   - pushing a screen with new CSS files re-parses every rule the app has; the screen's
     files are now added to the stylesheet as it is made, so only they are parsed
     (`screens/first_frame.py`);
   - the hidden meeting clock was drawn, the presenter view written to the database
     (a commit) and the timeline's authors read for the coach; these now happen when the
     clock is shown and just after the first frame.
   Measured on the loaded machine (load 4–5 on 2 cores), CPU until the first frame
   (programs exit right after it, `DEBRIEF_MODULES_REPORT`), medians of 8–10 runs
   alternating with the code before (commit b63dda6 run from an unpacked copy): floor
   0.39–0.42 s, before 0.75–0.79 s (1.9×), after 0.64–0.69 s (1.6–1.7×). With this
   harness's P2 figure (9 rounds): before 1.98× (CPU 0.83 s against 0.45 s), through the
   command 2.48×; after 1.45× (CPU 0.46 s against 0.32 s), through the command 1.71×
   (CPU 1.47×). Six runs of this harness's P2 alone (`--only p2`, fresh data, load
   2.5–4.8): 1.69×, 1.40×, 1.68×, 1.63×, 1.67×, 1.66× (through the command 1.74×,
   1.32×, 1.92×, 1.56×, 1.68×, 1.67×), CPU by the readable frame 0.42–0.64 s against the
   floor's 0.24–0.39 s; peak memory 1.26× in every run. Not yet at 1.5× three times in
   a row on this machine. The meeting timer, the round, the similar panel and the coach
   panel are still composed with the screen: tests and scripts read them as soon as it
   opens.

12. **Start-up at the floor, fourth steps (P1, P2).** Timed inside the launched program
   (phases stamped in-process, on a pseudo-terminal, P2's post-mortem): Python's cyclic
   garbage collector ran about 140 times before the first frame, one full pass of
   15–20 ms among them, walking start-up's long-lived objects again and again; the
   debrief screen's `on_mount` turned the opened store into the whole store (about
   12 ms of entity modules) to read the meeting, the asked questions and the kept
   conflicts; and `importlib.resources` (with its zip reader) found the template and
   the follow-up table. Now:
   - `debrief/gc_pause.py`: the `debrief` command pauses cyclic collection as it starts;
     the app resumes it once its first frame is drawn, after moving what start-up made
     out of the collector's reach (`gc.freeze`), and a listing or a failed launch
     resumes it as it ends (`tests/misc/test_gc_pause.py`). `bench/run_app.py` pauses
     it as the command does. Textual itself pauses the collector while scrolling;
   - the opened store also holds the meetings, asked questions and conflicts: finding
     the section to open at took 12–16 ms (11–14 of them importing the whole store),
     0.8 ms after; the whole store is now made by the coach just after the first frame;
   - shipped files are read by path (`debrief/package_files.py`).
   Interleaved A/B on a quiet machine (15 rounds each with the floor): collection on
   1.44× against off 1.35×, and 1.61× against 1.48× in another round (both P2,
   `bench/run_app.py`). `make bench` six times (three before the store change, three
   after), P2 through the `debrief` command: 1.39×, 1.63×, 1.48×, then 1.46×, 1.64×,
   1.25× (the bench's own P2 row: 1.35×, 1.51×, 1.39×, 1.26×, 1.52×, 1.25×); P1 through
   the command 1.16×, 1.17×, 1.16×, 1.17×, 1.31×, 1.31×. The floor's own median moved
   between 0.22 and 0.34 s from run to run, ours with it: not yet three runs in a row.

13. **Start-up at the floor, fifth steps (P1, P2).**
   - Each `@dataclass` compiles its generated methods as its module is imported, about
     0.5–1 ms apiece here, and 14 of them came before the debrief screen's first frame.
     The values among them (`Command`, `AgendaItem`, `TimerView`) are NamedTuples, the
     messages and the save queue's entry plain classes; the config's settings stay
     dataclasses, since their fields describe the config file. `tomllib` is imported
     only when there is a config file to read.
   - Timed from outside with a clock shared with the program: the harness saw P1's first
     frame 8–9 ms after the app handed it to Textual's writer thread, P2's 6 ms after,
     the floor's 3 ms after. The writer waits for the interpreter lock while the app
     thread goes on with the work that follows the frame (the home table, the coach), and
     Python hands the lock over every 5 ms. The app now runs with a 1 ms switch interval
     (`FRAME_SWITCH_S` in `debrief/app.py`, restored when it ends): 2 ms for both.
   - `make bench` four times before the switch interval, P1 / P2 through the `debrief`
     command: 1.17× / 1.52×, 1.09× / 1.43×, 1.18× / 1.36×, 1.35× / 1.36× (the
     `bench/run_app.py` rows: 1.29× / 1.61×, 1.19× / 1.44×, 1.31× / 1.45×, 1.12× /
     1.35×); four times after: 1.31× / 1.50×, 1.37× / 1.35×, 1.24× / 1.24×, 1.23× /
     1.28× (rows: 1.08× / 1.47×, 1.37× / 1.34×, 1.15× / 1.23×, 1.05× / 1.31×). P2
     passes through the command in seven of the eight, P1 in three: not three runs in
     a row. In the same rounds the two ways of launching the same code differ by up to
     0.23× in either direction, and an interleaved A/B of P1's two just after (21
     rounds) had the command faster (1.02× against 1.18×): the spread is the
     machine's.

14. **Start-up at the floor, sixth steps (P1, P2).** Counted in instructions with
   callgrind (`valgrind --tool=callgrind` on `bench/run_app.py`, stopped when the
   markers are handed to Textual's writer; the same run twice differs by under 0.01%),
   so that each change is measured apart from the machine's noise. The floor: 928 M.
   - The home screen's CSS file was read with `Stylesheet.read`, which leaves the
     stylesheet's rule map as it was: the screen, styled first, matched no rule, and
     Textual restyled every widget when it was shown. The file is now added with
     `add_source` (`screens/first_frame.py`), and the home screen reads it as it is
     made, as the debrief screen did: no re-parse of every rule at the push.
   - The settings classes share one constructor, equality and repr
     (`config_check.Settings`) instead of generated ones, and `config.py` no longer
     postpones its annotations (the check resolved each with a compile): importing
     the config 10.9 → 1.4 ms, reading it 2.9 → 0.7 ms (in-process, loaded machine).
   - The home screen reads as many rows as the terminal has lines, and from six
     columns (`store/listed.py`) rather than as whole records: 36 rows, 8.0 → 0.9 ms.
   - The home screen skips the restyle of its first resume (39 style applications to
     the first frame, 23 after), as the debrief screen does.
   - Templates are kept parsed in the cache folder (`debrief/template_cache.py`): no
     TOML parser before a post-mortem's first frame once it has been opened.
   - The hidden meeting timer builds its parts when first shown.
   P1 to the readable frame: 1,136 M → 1,061 M (1.22× → 1.14× the floor). P2:
   1,385 M → 1,343 M (1.49× → 1.45×); the agenda's option list drawing is another
   22 M (left).

15. **Start-up at the floor, seventh step (P1, P2): parsed styles kept.** Textual
   parses every widget's DEFAULT_CSS and every .tcss file in Python at each start:
   35 ms of P2's start (34 sources, 16,000 characters) against the floor's 8.5 ms. The
   parsed rules are now kept in debrief's cache folder and read back (2.5–3 ms for
   all of P2's), one file per source, named and checked by its text, its place and the
   theme's variables (`keep_parsed_styles` in `widgets/textual_adapter.py`). The
   launched programs keep their cache in the bench's folder; the warm-up round writes
   it, as a first run would. Instructions to the readable frame, measured in the same
   session: P1 1,061.7 M → 1,038.1 M (1.14× → 1.12×), P2 1,344.7 M → 1,285.0 M
   (1.45× → 1.38×). A first try named the folder by Textual's version string, which
   Textual reads from its package metadata: that import cost more than the parsing
   saved (P1 went to 1,085.6 M); the folder is named by Textual's style modules' size
   and time instead.

16. **The coach's first answer and `debrief lint` on a new document.** Building the coach
   compiled all 1,100 of its patterns (0.4 s, and 0.1 s more checking the package's own
   rule files by compiling them a first time), and each trigger word's patterns were
   compiled again as one expression (a rule's long pattern once per word: 194 KB of
   expressions for 48 KB of patterns). Each pattern is now compiled once, when a lint
   first meets one of its words; the package's rule files are not compiled to be
   checked (the tests compile every pattern); Markdown is read for its block structure
   only. Same findings on the 37 post-mortems and 6,178 dev sentences. In instructions:
   the coach built and its first short lint 4,710 M → 788 M; a new process linting
   174 KB of post-mortems 7,174 M → 3,298 M. The second lint figure is new: each 50 KB
   part of the post-mortems linted once, median 75–94 ms before, 46–50 ms after.

### Found while measuring, left alone
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
The home screen's first frame is a few Statics and the key bar. Counted in
instructions to the first readable frame (callgrind, deterministic to 0.01%), debrief
runs 1.12× the floor's (1,038 M against 928 M) after fix 15 (parsed styles kept
between runs), 1.14× after fix 14 and 1.22× before it. Fix 14:
the home screen's CSS file is added so that its first styling is right (Textual's
`Stylesheet.read` left the screen unstyled, then restyled everything when shown), its
first resume's restyle is skipped, the settings classes share one constructor instead
of generated ones, and the list reads six columns of as many rows as the terminal has
lines. What is left: debrief's own modules (about half of the difference), Textual
styling and drawing a full screen rather than one line. The wall-time ratio on the
shared machine moves by up to 0.3 between runs with the same code.
""",
    "P1 home list query": """
The list's query alone (no launch), measured beside the P1 launch. On SQLite the count
takes under 0.1 ms; nearly all the rest is turning 100 rows into records (nested
fields, four dates and three JSON columns each: about 9 ms in a quiet moment). On the
loaded machine the median moved between 10 and 23 ms from run to run with the same
code. The home screen itself reads as many rows as the terminal has lines before its
first frame (36 at 120×36; at most `FIRST_PAGE` in `screens/home.py`); this figure
still reads 100.
""",
    "P5 full-text search, 10,000 post-mortems (PostgreSQL)": """
`Store.search` streams the section matches and stops at 50 post-mortems. SQLite's
cursor really stops there; psycopg's client-side cursor has the server find, sort and
send every match first (EXPLAIN ANALYZE for "certificate": 20,373 of the 100,000
sections through the GIN index, sorted by rowid, 63 ms; a word matching nothing takes
about 4 ms). A named (server-side) cursor, or a query that asks PostgreSQL for the first
50 distinct post-mortems itself, would let PostgreSQL stop early too. Tried and left:
a stored `tsvector` column with its own GIN index (no recomputing the text for the
recheck) made the sections' heap larger and the figure worse (23.5 ms median); with
three prefix words most of the 10,000 post-mortems' sections match and are sorted.
""",
    "Lint of 50 KB of real post-mortems": """
Real post-mortem prose is about 390 distinct sentences per 50 KB, each scored by the
model once (about 40 µs a sentence in plain Python: words, word pairs, stems and cues
looked up in 22,000 weights; 16–22 ms in all), the rules' pass another 12–15 ms and the
Markdown block parse 5–10 ms; patterns of words first met are compiled on the spot (most
of the first part's time). The generated document above repeats its sentences, so
after the warm-up its model scores are remembered: it is the live coach's case.
""",
    "P2": """
After fixes 11 and 12 the extra CPU before the first frame (about 0.1 s on a quiet
machine over the floor's 0.2–0.3 s) is spread thin. Stamped in-process on a quiet
moment: the config, the store and the app's own modules about 30 ms beyond Textual's;
the debrief screen's module about 20 ms (its modules, and Textual building each of its
classes: the screen has eleven control mixins); composing, mounting and styling about
thirty widgets 45 ms (Textual parses about 15 ms of CSS the floor does not: the
editor's, the option list's, the screen's files, each widget's defaults); the first
render 13 ms against the floor's one line. Fix 15 keeps the parsed CSS between runs
(1.45× → 1.38× in instructions). Fix 14 took the template's TOML
parsing off the path (parsed once, kept in the cache folder) and builds the hidden
meeting timer when it is first shown: in instructions to the readable frame, 1.49× the
floor's before, 1.45× after (1,343 M against 928 M). What would still pay: the round
and the similar panel composed when first shown, the agenda drawn without the option
list for the first frame (it is about 1.6% of the instructions), and a first frame
drawn before the editor is built (its wrapped, scrolled text would have to be drawn
exactly as the TextArea draws it, or the room sees it jump).
""",
    "P7 debrief list": """
After fix 9 the text is written from the rows (about 17–22 ms of CPU for 1,000
post-mortems, the query 5–8 ms, opening 4 ms). Most of what is left is shared with the
app's start: the config's reading (platformdirs, which imports tempfile, shutil, bz2,
lzma and random to find the config folder; its classes no longer generate code since
fix 14), the command-line context (about 12 ms with dataclasses and inspect) and
the launcher (about 6 ms). Reading the config without platformdirs' import, or the
config's classes built without dataclasses, would give the margin.
""",
    "P2 peak memory": """
Passes after fix 8: without pydantic, sqlite-utils and the coach before the first frame,
the debrief screen peaks at about 44 MiB against the floor's 33 MiB.
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
