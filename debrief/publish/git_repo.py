"""The Markdown committed to a git docs repository, and pushed when it has a remote.

Runs the git executable (what every docs repository is used with already: it honours
the user's credential helpers, SSH keys and hooks, which dulwich would not).

- A local clone (a folder with a work tree): the file is written there, on the branch
  checked out, and only that file is committed; the commit is pushed to the branch's
  upstream when it has one. Other changes in the clone are left as they are.
- Anything else (a bare repository, a URL): cloned into a temporary folder, committed
  there and pushed back.

Unchanged content makes no commit. A push refused because the remote moved on is
fetched, merged and pushed again once (a merge works in a clone with other work in
progress, where a rebase would not); nothing is ever forced.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from debrief.literal import clean
from debrief.models import Document
from debrief.publish import PublishError
from debrief.publish.targets import TargetSummary
from debrief.redact import redact_url
from debrief.words import plural

TIMEOUT = 300.0
"""Seconds one git command may take (a clone or push of a large repository)."""
FALLBACK_EMAIL = "debrief@localhost"
_REJECTED = ("[rejected]", "non-fast-forward", "fetch first")
_VERBS = frozenset(
    {
        "clone",
        "checkout",
        "branch",
        "symbolic-ref",
        "rev-parse",
        "config",
        "add",
        "diff",
        "commit",
        "push",
        "fetch",
        "merge",
        "log",
    }
)
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.I)


@dataclass(frozen=True)
class GitTarget:
    location: str
    """A local clone, a bare repository or a remote URL."""
    branch: str = ""
    """Empty: the clone's current branch (a local clone), the remote's default, else main."""
    path: str = "postmortems"
    """Folder inside the repository."""

    @property
    def shown(self) -> str:
        return redact_url(self.location) if "://" in self.location else clean(self.location)


def folder(target: GitTarget) -> PurePosixPath:
    """The folder inside the repository; PublishError for one that leaves it."""
    parts = PurePosixPath(target.path.strip().replace("\\", "/") or ".")
    if parts.is_absolute() or ".." in parts.parts:
        raise PublishError(
            f"the folder {clean(target.path, single_line=True)!r} (--path, [git] path) must be inside the "
            "repository (relative, without ..)"
        )
    return parts


def plan(target: GitTarget, name: str, doc: Document) -> TargetSummary:
    """What publishing would do (nothing is read from or written to the repository)."""
    branch = target.branch or "its current or default branch"
    return TargetSummary(
        target="git",
        result="would commit",
        where=target.shown,
        notes=[
            f"{folder(target) / name} on {branch}, message “{_subject(doc)}”",
            "pushed when it has a remote; nothing is committed when the content is unchanged",
        ],
    )


def publish_git(target: GitTarget, doc: Document, markdown: str, author: str) -> TargetSummary:
    """Commit the Markdown (and push); PublishError (one sentence) when it cannot."""
    from debrief.publish.documents import document_paths

    relative = folder(target) / document_paths(Path("."), doc.postmortem)[0].name
    message = f"{_subject(doc)}\n\nPublished by {clean(author, single_line=True)} with debrief."
    local = Path(target.location).expanduser()
    if "://" not in target.location and local.is_dir() and _work_tree(local):
        return _Repo(local, target, author).publish(relative, markdown, message)
    with tempfile.TemporaryDirectory(prefix="debrief-git-") as scratch:
        repo = _Repo.clone(target, Path(scratch) / "repo", author)
        return repo.publish(relative, markdown, message)


def _subject(doc: Document) -> str:
    pm = doc.postmortem
    return clean(f"Post-mortem {pm.id}: {pm.title}", single_line=True)


def _work_tree(path: Path) -> bool:
    done = _run(["git", "-C", str(path), "rev-parse", "--is-inside-work-tree"], check=False)
    return done.returncode == 0 and done.stdout.strip() == "true"


class _Repo:
    def __init__(self, root: Path, target: GitTarget, author: str) -> None:
        self.root = root
        self.target = target
        self.identity: list[str] = []
        top = self.git("rev-parse", "--show-toplevel").stdout.strip()
        self.root = Path(top) if top else root
        self.branch = self._branch()
        self.remote = self._upstream_remote()
        for key, value in (("user.name", author or "debrief"), ("user.email", FALLBACK_EMAIL)):
            if not self.git("config", key, check=False).stdout.strip():
                self.identity += ["-c", f"{key}={value}"]  # only when the repository names nobody

    @classmethod
    def clone(cls, target: GitTarget, into: Path, author: str) -> _Repo:
        done = _run(
            ["git", "clone", "--quiet", "--no-tags", "--", target.location, str(into)], check=False
        )
        if done.returncode != 0:
            raise PublishError(f"cannot clone {target.shown}: {_why(done.stderr)}")
        here = ["git", "-C", str(into)]

        def has(ref: str) -> bool:
            return (
                _run([*here, "rev-parse", "--verify", "--quiet", ref], check=False).returncode == 0
            )

        branch = target.branch
        if not branch:  # the remote's default branch; main when it has none (or an empty one)
            branch = "" if not has("HEAD") else _run([*here, "branch", "--show-current"]).stdout
            branch = branch.strip() or "main"
        if has(f"origin/{branch}"):
            _run([*here, "checkout", "--quiet", "-B", branch, f"origin/{branch}"])
        elif has("HEAD"):  # a new branch, from the default one
            _run([*here, "checkout", "--quiet", "-b", branch])
        else:  # the first commit of an empty repository
            _run([*here, "symbolic-ref", "HEAD", f"refs/heads/{branch}"])
        repo = cls(into, target, author)
        repo.remote = "origin"
        return repo

    def _branch(self) -> str:
        current = self.git("symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip()
        wanted = self.target.branch or current
        if not current:
            raise PublishError(f"{self.target.shown} has no branch checked out (a detached HEAD)")
        if wanted != current:
            raise PublishError(
                f"{self.target.shown} has the branch {current} checked out, not {wanted}; "
                f"check out {wanted} there first, or leave out --branch"
            )
        return current

    def _upstream_remote(self) -> str:
        return self.git("config", f"branch.{self.branch}.remote", check=False).stdout.strip()

    def publish(self, relative: PurePosixPath, markdown: str, message: str) -> TargetSummary:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        self.git("add", "--", str(relative))
        staged = self.git("diff", "--cached", "--quiet", "--", str(relative), check=False)
        where = f"{self.target.shown} {relative}"
        notes = []
        if staged.returncode != 0:
            self.git("commit", "--quiet", "-m", message, "--only", "--", str(relative))
            commit = self.git("rev-parse", "--short", "HEAD").stdout.strip()
            notes.append(f"commit {commit} on {self.branch}")
        ours, theirs = self._unpushed()
        if not self.remote or (not notes and not ours):
            result = "committed" if notes else "unchanged"
            return TargetSummary(
                target="git", result=result, where=where, notes=notes or ["no commit"]
            )
        if theirs:  # never push someone's work in progress along with the post-mortem
            notes.append(
                f"not pushed: {self.branch} has {plural(theirs, 'commit')} of its own not "
                "pushed yet; push them, then publish again"
            )
            return TargetSummary(target="git", result="committed", where=where, notes=notes)
        if not notes:
            notes.append(f"an earlier commit on {self.branch} pushed now")
        if not self._push():
            notes.append("the remote had moved on: fetched and merged")
            self._catch_up()
            if not self._push():
                raise PublishError(
                    f"the push to {self.target.shown} was refused twice (the remote keeps "
                    "moving); publish again"
                )
        return TargetSummary(target="git", result="pushed", where=where, notes=notes)

    def _unpushed(self) -> tuple[int, int]:
        """Commits on the branch its upstream lacks: (debrief's, anyone else's); merges aside."""
        if not self.remote:
            return 0, 0
        upstream = self.git("rev-parse", "--verify", "--quiet", "@{upstream}", check=False)
        if upstream.returncode != 0:
            return 0, 0
        bodies = self.git("log", "--no-merges", "--format=%x00%B", "@{upstream}..HEAD").stdout
        messages = [m for m in bodies.split("\0") if m.strip()]
        ours = sum(1 for m in messages if m.rstrip().endswith(" with debrief."))
        return ours, len(messages) - ours

    def _push(self) -> bool:
        """Push the branch (never forced); False when refused because the remote moved."""
        done = self.git(
            "push", "--quiet", self.remote, f"HEAD:refs/heads/{self._merge_ref()}", check=False
        )
        if done.returncode == 0:
            return True
        if any(mark in done.stderr for mark in _REJECTED) and "hook" not in done.stderr:
            return False
        raise PublishError(f"cannot push to {self.target.shown}: {_why(done.stderr)}")

    def _merge_ref(self) -> str:
        merge = self.git("config", f"branch.{self.branch}.merge", check=False).stdout.strip()
        return merge.removeprefix("refs/heads/") or self.branch

    def _catch_up(self) -> None:
        fetched = self.git("fetch", "--quiet", self.remote, self._merge_ref(), check=False)
        if fetched.returncode != 0:
            raise PublishError(f"cannot fetch from {self.target.shown}: {_why(fetched.stderr)}")
        done = self.git("merge", "--quiet", "--no-edit", "FETCH_HEAD", check=False)
        if done.returncode != 0:
            self.git("merge", "--abort", check=False)
            raise PublishError(
                f"the post-mortem's file changed in {self.target.shown} at the same time and "
                "cannot be combined; nothing was pushed, resolve it there and publish again"
            )

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return _run(["git", "-C", str(self.root), *self.identity, *args], check=check)


def _run(args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANGUAGE": ""}
    verb = next((a for a in args[1:] if a in _VERBS), "")
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False
        )
    except FileNotFoundError:
        raise PublishError("git is not installed (publishing to a repository runs git)") from None
    except subprocess.TimeoutExpired:
        raise PublishError(f"git {verb} took too long; publish again") from None
    if check and done.returncode != 0:
        raise PublishError(f"git {verb} failed: {_why(done.stderr)}")
    return done


def _why(stderr: str) -> str:
    """git's last words, URLs masked, on one line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    last = next((x for x in reversed(lines) if x.lower().startswith(("fatal", "error"))), "")
    text = last or (lines[-1] if lines else "it failed")
    text = re.sub(r"^(fatal|error): ", "", text)
    return clean(_URL.sub(lambda m: redact_url(m.group()), text), single_line=True)
