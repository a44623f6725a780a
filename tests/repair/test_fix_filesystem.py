"""`fix` and the filesystem (issue 11): through symbolic links to the target, owner/group/mode and hard links
kept, read-only files refused, stale temp files of a killed run removed, a Ctrl-C never leaves half a file."""

from __future__ import annotations

import os
import stat
import time

import pytest

from shapedoctor.repair.command import TEMP_SUFFIX, fix_file, write_file

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BROKEN = open(os.path.join(ROOT, "examples", "seed_1_broken_conv_after_dense.py")).read()
NOBODY = 65534
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner to another user needs root")


def broken(tmp_path, name="m.py"):
    path = tmp_path / name
    path.write_text(BROKEN)
    return path


def is_fixed(path) -> bool:
    return "Reshape((64, 1))," in open(path).read()


def test_writes_through_a_symlink_to_its_target(tmp_path):
    target = broken(tmp_path, "target.py")
    link = tmp_path / "link.py"
    link.symlink_to("target.py")
    outcome = fix_file(str(link), unsafe=True)
    assert outcome.error is None and outcome.applied
    assert link.is_symlink() and os.readlink(link) == "target.py"
    assert is_fixed(target)


def test_keeps_hard_links_and_mode(tmp_path):
    path = broken(tmp_path)
    os.link(path, tmp_path / "other.py")
    os.chmod(path, 0o640)
    inode = os.stat(path).st_ino
    assert fix_file(str(path), unsafe=True).error is None
    assert os.stat(path).st_ino == inode and os.stat(path).st_nlink == 2
    assert is_fixed(tmp_path / "other.py")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_single_link_is_replaced_atomically_with_its_mode(tmp_path):
    path = broken(tmp_path)
    os.chmod(path, 0o604)
    inode = os.stat(path).st_ino
    assert fix_file(str(path), unsafe=True).error is None
    assert os.stat(path).st_ino != inode  # temp file + rename
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o604
    assert not [n for n in os.listdir(tmp_path) if n.endswith(TEMP_SUFFIX)]


@root_only
def test_root_keeps_the_owner(tmp_path):
    path = broken(tmp_path)
    os.chown(path, NOBODY, NOBODY)
    assert fix_file(str(path), unsafe=True).error is None and is_fixed(path)
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (NOBODY, NOBODY)


def test_read_only_file_is_refused(tmp_path):
    path = broken(tmp_path)
    os.chmod(path, 0o444)
    outcome = fix_file(str(path), unsafe=True)
    assert outcome.error == "not written: the file is read-only (no write permission); make it writable to fix it"
    assert open(path).read() == BROKEN


def test_refused_when_the_file_changed_meanwhile(tmp_path):
    path = broken(tmp_path)
    assert write_file(str(path), b"something else", b"new") == "not written: the file changed since it was read"
    assert open(path).read() == BROKEN


def test_in_place_when_the_directory_is_not_writable(tmp_path):
    # The unprivileged case: the file may be written, its directory not (no temp file possible).
    if os.geteuid() == 0:
        pytest.skip("root may write any directory; covered by the hard-link case (same in-place path)")
    path = broken(tmp_path)
    os.chmod(tmp_path, 0o555)
    try:
        assert fix_file(str(path), unsafe=True).error is None and is_fixed(path)
    finally:
        os.chmod(tmp_path, 0o755)


def test_stale_temp_files_of_a_killed_run_are_removed(tmp_path):
    path = broken(tmp_path)
    dead = tmp_path / f".m.py.999999999.abc123{TEMP_SUFFIX}"  # no such pid
    legacy = tmp_path / f".m.py.k2j3h4{TEMP_SUFFIX}"  # older naming, no pid
    old = tmp_path / f".m.py.{os.getppid()}.old{TEMP_SUFFIX}"  # a live pid, but hours old
    live = tmp_path / f".m.py.{os.getppid()}.live{TEMP_SUFFIX}"  # a live run's file: kept
    other = tmp_path / f".n.py.999999999.x{TEMP_SUFFIX}"  # another file's: not ours to judge now
    for p in (dead, legacy, old, live, other):
        p.write_text("partial")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert fix_file(str(path), unsafe=True).error is None
    left = sorted(n for n in os.listdir(tmp_path) if n.endswith(TEMP_SUFFIX))
    assert left == sorted([live.name, other.name])


def test_sigint_during_the_write_is_deferred(tmp_path):
    from shapedoctor import interrupt

    calls = []
    interrupt._state["pid"] = os.getpid()
    real_exit = interrupt._exit
    interrupt._exit = lambda: calls.append("exit")
    try:
        with interrupt.shielded():
            interrupt._handler(2, None)  # Ctrl-C arrives mid-write
            assert calls == []
        assert calls == ["exit"]  # ...and takes effect once the file is complete
    finally:
        interrupt._exit = real_exit
        interrupt._state["pending"] = False
