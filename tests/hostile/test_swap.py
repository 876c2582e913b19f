"""Faults during the swap: a build killed with SIGKILL at any step leaves ``output/`` serving the
old or the new complete site, and the next build cleans what the killed one left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from chronique.cli.commands import run_build
from chronique.site.swap import KEPT_VERSIONS, PAUSE_VARIABLE, SWAP_STEPS
from tests.conftest import REPO, SiteCopy, tree_digest


def start_build(site: SiteCopy, pause_at: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), PAUSE_VARIABLE: pause_at}
    return subprocess.Popen(
        [sys.executable, "-m", "chronique", "build"],
        cwd=site.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def paused_build(site: SiteCopy, name: str) -> subprocess.Popen[str]:
    """A build started and now waiting at step *name*."""
    build = start_build(site, name)
    assert build.stdout is not None
    for line in build.stdout:
        if line.strip() == f"paused at {name}":
            return build
    pytest.fail(f"the build ended without reaching step {name}")


def kill_at(site: SiteCopy, name: str) -> None:
    """Run a build until it reaches step *name*, then kill -9 it there."""
    build = paused_build(site, name)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    assert build.returncode == -signal.SIGKILL


def site_copies(root: Path) -> list[Path]:
    """Folders of the project holding a built site (its inputs aside), links not followed."""
    inputs = (root / "theme", root / "content")
    return [p.parent for p in root.rglob("404.html") if not set(inputs) & set(p.parents)]


def amend_seed(site: SiteCopy) -> None:
    path = site.seed_article()
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nUn paragraphe ajouté après coup.\n", encoding="utf-8")


def test_kill_at_every_step_of_the_swap_leaves_the_old_or_the_new_site(
    site: SiteCopy,
) -> None:
    assert run_build(str(site.settings)) == 0
    old = tree_digest(site.output)
    amend_seed(site)
    seen = {}
    for name in SWAP_STEPS:
        kill_at(site, name)
        seen[name] = tree_digest(site.output)
    assert run_build(str(site.settings)) == 0
    new = tree_digest(site.output)
    assert old != new
    for name, digest in seen.items():
        assert digest in (old, new), f"killed at {name}: output/ is neither site"
    assert seen["staged"] == old and seen["swapped"] == new
    assert len(site_copies(site.root)) <= KEPT_VERSIONS


def test_first_build_over_a_real_output_folder_keeps_it_until_the_swap(
    site: SiteCopy,
) -> None:
    site.output.mkdir()
    (site.output / "index.html").write_text("ancien site", encoding="utf-8")
    for name in SWAP_STEPS[:-2]:
        kill_at(site, name)
        assert (site.output / "index.html").read_text(encoding="utf-8") == "ancien site"
    assert run_build(str(site.settings)) == 0
    assert "ancien site" not in (site.output / "index.html").read_text(encoding="utf-8")


def test_copy_gives_a_real_folder_with_the_new_site(site: SiteCopy, tmp_path: Path) -> None:
    copy = tmp_path / "hebergeur"
    copy.mkdir()
    (copy / "index.html").write_text("ancien site", encoding="utf-8")
    assert run_build(str(site.settings), copy_to=str(copy)) == 0
    assert not copy.is_symlink()
    assert tree_digest(copy) == tree_digest(site.output)


def test_a_refused_build_leaves_no_trace(site: SiteCopy) -> None:
    assert run_build(str(site.settings)) == 0
    before = sorted(site.root.rglob("*"))
    path = site.seed_article()
    path.write_text(path.read_text(encoding="utf-8").replace("date: ", "date: x", 1))
    assert run_build(str(site.settings)) == 1
    assert sorted(site.root.rglob("*")) == before


DISK_FULL_SCRIPT = """
mount -t tmpfs -o size=8m tmpfs "$MOUNT" || exit 99
"$PYTHON" -m chronique build --output "$MOUNT/output" > /dev/null || exit 98
cp -r "$MOUNT/output/." "$RESULT/first"
dd if=/dev/zero of="$MOUNT/filler" bs=4k 2> /dev/null
printf '\\nUn paragraphe ajouté après coup.\\n' >> "$ARTICLE"
"$PYTHON" -m chronique build --output "$MOUNT/output" 2> "$RESULT/stderr"
echo $? > "$RESULT/status"
cp -r "$MOUNT/output/." "$RESULT/second"
ls -A "$MOUNT" "$MOUNT/.output-versions" > "$RESULT/listing"
"""


def test_disk_full_gives_a_clear_message_and_keeps_the_old_site(
    site: SiteCopy, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The tmpfs is filled up after the first build: the second build, which writes only the
    files the edit changes, runs out of space. A user and mount namespace gives the tmpfs
    without root."""
    mount, result = tmp_path_factory.mktemp("disk"), tmp_path_factory.mktemp("result")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PYTHON": sys.executable,
        "MOUNT": str(mount),
        "RESULT": str(result),
        "ARTICLE": str(site.seed_article()),
    }
    unshare = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", DISK_FULL_SCRIPT]
    try:
        run = subprocess.run(unshare, cwd=site.root, env=env, capture_output=True, timeout=300)
    except FileNotFoundError:
        pytest.skip("no unshare here")
    if run.returncode == 99 or b"unshare failed" in run.stderr:
        pytest.skip("this machine gives no user namespace to mount a tmpfs in")
    assert run.returncode == 0, run.stderr
    stderr = (result / "stderr").read_text(encoding="utf-8")
    assert (result / "status").read_text().strip() == "1"
    assert "No space left on device" in stderr and "Traceback" not in stderr, stderr
    assert tree_digest(result / "second") == tree_digest(result / "first")
    assert "staging" not in (result / "listing").read_text(encoding="utf-8")


def test_a_second_build_waits_for_the_first_and_never_removes_its_work(site: SiteCopy) -> None:
    """Build A holds its rendered site when B starts: B waits (a build alone takes a few
    seconds), and once A is killed B cleans A's leftovers and publishes."""
    assert run_build(str(site.settings)) == 0
    with site.seed_article().open("a", encoding="utf-8") as article:
        article.write("\nUn paragraphe ajouté après coup.\n")  # so that both builds render
    first = paused_build(site, "rendered")
    second = start_build(site, "never")
    with pytest.raises(subprocess.TimeoutExpired):
        second.wait(timeout=10)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert second.wait(timeout=300) == 0
    published = "".join(p.read_text(encoding="utf-8") for p in site.output.rglob("*.html"))
    assert "Un paragraphe ajouté après coup." in published
    assert len(site_copies(site.root)) <= KEPT_VERSIONS


def test_copy_into_a_missing_folder_says_so_and_keeps_the_build(
    site: SiteCopy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = tmp_path / "absent" / "hebergeur"
    assert run_build(str(site.settings), copy_to=str(nowhere)) == 1
    err = capsys.readouterr().err
    assert f"cannot copy the site to {nowhere}" in err and "Traceback" not in err
    assert (site.output / "index.html").is_file()
