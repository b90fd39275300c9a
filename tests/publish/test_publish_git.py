"""`debrief publish --git` against real repositories made by the test (a bare "remote" and clones)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from debrief.models import Status

NAME = "PM-1-checkout-card-payments-failing.md"
COLLEAGUE = ["-c", "user.name=Colleague", "-c", "user.email=colleague@example.com"]


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *COLLEAGUE, *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A bare repository with one commit on main (a README)."""
    bare = tmp_path / "docs.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(bare)], check=True)
    seed = tmp_path / "seed"
    subprocess.run(["git", "clone", "--quiet", str(bare), str(seed)], check=True)
    (seed / "README.md").write_text("Post-mortems of the payments team.\n")
    git(seed, "add", "README.md")
    git(seed, "commit", "--quiet", "-m", "Start the docs")
    git(seed, "push", "--quiet", "origin", "HEAD:main")
    return bare


def colleague_commits(remote: Path, tmp_path: Path, name: str) -> str:
    """Someone else pushes a commit to main; returns its hash."""
    clone = tmp_path / f"colleague-{name}"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(clone)], check=True)
    (clone / name).write_text(f"{name}\n")
    git(clone, "add", name)
    git(clone, "commit", "--quiet", "-m", f"Add {name}")
    git(clone, "push", "--quiet", "origin", "HEAD:main")
    return git(clone, "rev-parse", "HEAD")


def log(remote: Path, ref: str = "main") -> list[str]:
    return git(remote, "log", "--format=%s|%an", ref).splitlines()


def test_publish_commits_once_and_an_unchanged_republish_commits_nothing(
    cli, store, pm_id, remote: Path, out_dir
):
    first = cli("publish", pm_id, "--no-jira", "--git", str(remote))
    again = cli("publish", pm_id, "--no-jira", "--git", str(remote))

    assert first.exit_code == 0, first.stderr
    assert again.exit_code == 0, again.stderr
    assert log(remote) == [
        "Post-mortem PM-1: Checkout card payments failing|tester",
        "Start the docs|Colleague",
    ]
    body = git(remote, "log", "-1", "--format=%b", "main")
    assert body == "Published by tester with debrief."
    committed = git(remote, "show", f"main:postmortems/{NAME}")
    assert committed == (out_dir / NAME).read_text().rstrip("\n")
    assert f"Git: pushed {remote} postmortems/{NAME} (commit " in first.stdout
    assert f"Git: unchanged {remote} postmortems/{NAME} (no commit)" in again.stdout
    (record, _) = store.publishes(pm_id)[::-1]
    assert f"{remote} postmortems/{NAME}" in record.documents


def test_a_commit_pushed_by_someone_else_meanwhile_is_kept(
    cli, store, pm_id, remote: Path, out_dir, tmp_path
):
    assert cli("publish", pm_id, "--no-jira", "--git", str(remote)).exit_code == 0
    theirs = colleague_commits(remote, tmp_path, "runbook.md")
    store.save_section(pm_id, "impact", "Card payments failed for 42 minutes.")

    result = cli("publish", pm_id, "--no-jira", "--git", str(remote))

    assert result.exit_code == 0, result.stderr
    assert git(remote, "merge-base", "--is-ancestor", theirs, "main") == ""
    assert "42 minutes" in git(remote, "show", f"main:postmortems/{NAME}")
    assert git(remote, "show", "main:runbook.md") == "runbook.md"


def test_a_push_refused_because_the_remote_moved_is_merged_and_pushed_once_never_forced(
    cli, pm_id, remote: Path, out_dir, tmp_path
):
    """A local clone whose remote moved on after it was last fetched, with work in progress."""
    mine = tmp_path / "my-docs"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(mine)], check=True)
    (mine / "README.md").write_text("Half-written change, not to be committed.\n")
    theirs = colleague_commits(remote, tmp_path, "runbook.md")

    result = cli("publish", pm_id, "--no-jira", "--git", str(mine), "--path", "docs/incidents")

    assert result.exit_code == 0, result.stderr
    assert "the remote had moved on: fetched and merged" in result.stdout
    assert git(remote, "merge-base", "--is-ancestor", theirs, "main") == ""
    assert git(remote, "show", f"main:docs/incidents/{NAME}").startswith("# Checkout")
    assert git(remote, "show", "main:README.md") == "Post-mortems of the payments team."
    assert git(mine, "status", "--porcelain") == "M README.md"  # left as it was
    assert git(remote, "rev-parse", "main") == git(mine, "rev-parse", "HEAD")


def test_a_local_clone_without_a_remote_is_committed_to_only(cli, pm_id, tmp_path, out_dir):
    repo = tmp_path / "notes"
    subprocess.run(["git", "init", "--quiet", "-b", "trunk", str(repo)], check=True)

    result = cli("publish", pm_id, "--no-jira", "--git", str(repo))

    assert result.exit_code == 0, result.stderr
    assert f"Git: committed {repo} postmortems/{NAME} (commit " in result.stdout
    assert log(repo, "trunk") == ["Post-mortem PM-1: Checkout card payments failing|tester"]


def test_a_new_branch_in_an_empty_remote(cli, pm_id, tmp_path, out_dir):
    bare = tmp_path / "empty.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)

    result = cli("publish", pm_id, "--no-jira", "--git", str(bare), "--branch", "postmortems")

    assert result.exit_code == 0, result.stderr
    assert git(bare, "ls-tree", "-r", "--name-only", "postmortems") == f"postmortems/{NAME}"


def test_a_branch_other_than_the_one_checked_out_is_one_sentence(
    cli, pm_id, remote: Path, tmp_path, out_dir
):
    mine = tmp_path / "my-docs"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(mine)], check=True)

    result = cli("publish", pm_id, "--no-jira", "--git", str(mine), "--branch", "other")

    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"debrief: {mine} has the branch main checked out, not other; check out other there "
        "first, or leave out --branch"
    )
    assert git(mine, "status", "--porcelain") == ""


def test_bad_targets_are_one_sentence(cli, store, pm_id, tmp_path, out_dir):
    outside = cli("publish", pm_id, "--no-jira", "--git", str(tmp_path), "--path", "../up")
    alone = cli("publish", pm_id, "--no-jira", "--branch", "main")
    assert not out_dir.exists()  # refused before anything was written
    missing = cli("publish", pm_id, "--no-jira", "--git", str(tmp_path / "nowhere.git"))

    assert outside.exit_code == 1
    assert outside.stderr == (
        "debrief: the folder '../up' (--path, [git] path) must be inside the repository "
        "(relative, without ..)\n"
    )
    assert alone.exit_code == 2 and "--branch and --path go with --git" in alone.stderr
    assert missing.exit_code == 1
    assert missing.stderr.startswith(f"debrief: cannot clone {tmp_path / 'nowhere.git'}: ")
    assert missing.stderr.endswith(
        "repository '"
        + str(tmp_path / "nowhere.git")
        + "' does not exist (everything before it is done)\n"
    )
    assert len(missing.stderr.strip().splitlines()) == 1
    assert store.get_postmortem(pm_id).status is Status.draft


def test_a_remote_url_with_a_token_is_shown_masked(cli, pm_id, out_dir):
    url = "https://bot:s3cr3t-token@127.0.0.1:9/docs.git"

    result = cli("publish", pm_id, "--no-jira", "--git", url, "--dry-run")
    failed = cli("publish", pm_id, "--no-jira", "--git", url)

    assert result.exit_code == 0 and failed.exit_code == 1
    assert "https://***@127.0.0.1:9/docs.git" in result.stdout
    assert "s3cr3t-token" not in result.stdout + failed.stdout + failed.stderr
    assert failed.stderr.startswith("debrief: cannot clone https://***@127.0.0.1:9/docs.git: ")


def test_an_empty_remote_gets_main_and_a_second_publish_finds_it(cli, pm_id, tmp_path, out_dir):
    bare = tmp_path / "empty.git"  # its HEAD names a branch that does not exist (master)
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "master", str(bare)], check=True)

    first = cli("publish", pm_id, "--no-jira", "--git", str(bare))
    again = cli("publish", pm_id, "--no-jira", "--git", str(bare))

    assert first.exit_code == 0, first.stderr
    assert again.exit_code == 0, again.stderr
    assert "Git: unchanged" in again.stdout
    assert log(bare) == ["Post-mortem PM-1: Checkout card payments failing|tester"]


def test_a_clone_with_commits_of_its_own_not_pushed_is_committed_to_not_pushed(
    cli, pm_id, remote: Path, tmp_path, out_dir
):
    mine = tmp_path / "my-docs"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(mine)], check=True)
    (mine / "draft.md").write_text("Not ready to share.\n")
    git(mine, "add", "draft.md")
    git(mine, "commit", "--quiet", "-m", "Draft, not for the remote yet")
    before = git(remote, "rev-parse", "main")

    result = cli("publish", pm_id, "--no-jira", "--git", str(mine))

    assert result.exit_code == 0, result.stderr
    assert (
        "not pushed: main has 1 commit of its own not pushed yet; push them, then publish again"
    ) in result.stdout
    assert git(remote, "rev-parse", "main") == before
    assert log(mine)[0] == "Post-mortem PM-1: Checkout card payments failing|tester"


def test_a_commit_whose_push_failed_is_pushed_by_the_next_publish(
    cli, pm_id, remote: Path, tmp_path, out_dir
):
    mine = tmp_path / "my-docs"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(mine)], check=True)
    away = remote.rename(tmp_path / "moved.git")  # the remote cannot be reached

    failed = cli("publish", pm_id, "--no-jira", "--git", str(mine))
    away.rename(remote)
    again = cli("publish", pm_id, "--no-jira", "--git", str(mine))

    assert failed.exit_code == 1
    assert failed.stderr.startswith(f"debrief: cannot push to {mine}: ")
    assert again.exit_code == 0, again.stderr
    assert "Git: pushed" in again.stdout and "an earlier commit on main pushed now" in again.stdout
    assert log(remote)[0] == "Post-mortem PM-1: Checkout card payments failing|tester"
    assert len(log(remote)) == 2  # one commit, not two
