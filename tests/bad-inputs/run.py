#!/usr/bin/env python3
"""The catalogue of bad inputs: runs the real binary on each case and compares what it prints and
its exit code, exactly, with what the case expects.

    python3 tests/bad-inputs/run.py <chainatlas binary> [case ...]

Each case is a folder tests/bad-inputs/<case>/ holding the input files and:

    about            one line: what the case shows (listed in docs/RELIABILITY.md)
    args             optional: the command line, one argument per line (default:
                     `--data dataset.json validate`, or `--data data validate` for a folder)
    generate.py      optional: writes inputs too big to commit (run in the work folder)
    expected_stdout  what the command prints on stdout (empty file: nothing)
    expected_stderr  what it prints on stderr
    exit_code        its exit code

The input files are copied into a fresh work folder and the command runs there, so messages
name files as a user would type them (`dataset.json: /enterprises/0/county: ...`) and no case
can change the repository. Every case runs with a time limit (10 s; 5 times that in a
sanitizer build) and a memory limit (2 GB), and must leave its input files unchanged and no
temporary file behind.

Cases listed in KNOWN-FAILING (`<case>  <reason>` per line) hold the output the tool should
give once a known bug is fixed: they are reported as expected failures, and the run fails when
one of them passes (so that the list stays honest). CHAINATLAS_UPDATE_BAD_INPUTS=1 rewrites the
expected files of the other cases from the binary's output: read every changed file before
committing it.
"""
import difflib
import hashlib
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
META = {"about", "args", "generate.py", "expected_stdout", "expected_stderr", "exit_code"}
TIME_LIMIT = 10.0
MEMORY_LIMIT = 2 << 30
SANITIZER_SLOWDOWN = 5


def is_sanitized(binary):
    with open(binary, "rb") as f:
        return b"__asan_init" in f.read()


def known_failing():
    cases = {}
    path = HERE / "KNOWN-FAILING"
    if not path.exists():
        return cases
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        cases[name] = reason.strip()
    return cases


def default_args(case):
    data = "data" if (case / "data").is_dir() else "dataset.json"
    return ["--data", data, "validate"]


def snapshot(folder):
    """Path → digest of every file under `folder` (size and time for files too big to read,
    such as the sparse 16 GiB file of the file-size limit)."""
    digests = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            if stat.st_size > 64 << 20:
                digest = f"{stat.st_size}:{stat.st_mtime_ns}"
            else:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            digests[str(path.relative_to(folder))] = digest
    return digests


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def prepare(case, work):
    for item in case.iterdir():
        if item.name in META:
            continue
        target = work / item.name
        if item.is_symlink():
            os.symlink(os.readlink(item), target)
        elif item.is_dir():
            shutil.copytree(item, target, symlinks=True)
        else:
            shutil.copy2(item, target)
    generator = case / "generate.py"
    if generator.exists():
        subprocess.run([sys.executable, str(generator)], cwd=work, check=True)


def run_case(binary, case, sanitized):
    """Returns (problems, stdout, stderr, exit code); problems is empty when the case passes."""
    args_file = case / "args"
    args = args_file.read_text(encoding="utf-8").splitlines() if args_file.exists() else default_args(case)
    env = dict(os.environ, LC_ALL="C.UTF-8", CHAINATLAS_FONT="Noto Sans CJK SC")
    time_limit = TIME_LIMIT * (SANITIZER_SLOWDOWN if sanitized else 1)
    if sanitized:
        # ASan reserves terabytes of address space, so RLIMIT_AS cannot apply; its own limit on
        # resident memory does the same job.
        options = env.get("ASAN_OPTIONS", "")
        env["ASAN_OPTIONS"] = (options + ":" if options else "") + "hard_rss_limit_mb=2048"
    with tempfile.TemporaryDirectory(prefix="chainatlas-bad-") as tmp:
        work = pathlib.Path(tmp)
        prepare(case, work)
        before = snapshot(work)
        problems = []
        try:
            done = subprocess.run([binary] + args, cwd=work, env=env, capture_output=True,
                                  timeout=time_limit, preexec_fn=None if sanitized else limit_memory)
        except subprocess.TimeoutExpired:
            return [f"did not finish within {time_limit:.0f} s (a hang?)"], "", "", None
        stdout = done.stdout.decode("utf-8", errors="replace")
        stderr = done.stderr.decode("utf-8", errors="replace")
        if done.returncode < 0:
            problems.append(f"killed by signal {-done.returncode} (a crash?)")
        after = snapshot(work)
        for name, digest in before.items():
            if after.get(name) != digest:
                problems.append(f"input file {name} was changed or removed")
        for name in after:
            if name not in before and ".tmp-" in name:
                problems.append(f"temporary file {name} left behind")
        expected_code = int((case / "exit_code").read_text().strip()) if (case / "exit_code").exists() else None
        if expected_code != done.returncode:
            problems.append(f"exit code {done.returncode}, expected {expected_code}")
        for stream, actual in (("stdout", stdout), ("stderr", stderr)):
            path = case / f"expected_{stream}"
            expected = path.read_text(encoding="utf-8") if path.exists() else None
            if expected != actual:
                diff = difflib.unified_diff((expected or "").splitlines(keepends=True),
                                            actual.splitlines(keepends=True),
                                            f"expected_{stream}", f"actual {stream}")
                problems.append(f"{stream} differs:\n" + "".join(diff))
        return problems, stdout, stderr, done.returncode


def update(case, stdout, stderr, code):
    (case / "expected_stdout").write_text(stdout, encoding="utf-8")
    (case / "expected_stderr").write_text(stderr, encoding="utf-8")
    (case / "exit_code").write_text(f"{code}\n")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    wanted = sys.argv[2:]
    updating = os.environ.get("CHAINATLAS_UPDATE_BAD_INPUTS") == "1"
    sanitized = is_sanitized(binary)
    expected_failures = known_failing()
    cases = sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    unknown = [name for name in list(wanted) + list(expected_failures) if not (HERE / name).is_dir()]
    if unknown:
        print("bad inputs: no such case: " + ", ".join(unknown), file=sys.stderr)
        return 1
    if wanted:
        cases = [c for c in cases if c.name in wanted]
    passed, xfailed, failed = 0, 0, []
    for case in cases:
        problems, stdout, stderr, code = run_case(binary, case, sanitized)
        known = case.name in expected_failures
        if updating and not known and code is not None and code >= 0:
            update(case, stdout, stderr, code)
            problems = run_case(binary, case, sanitized)[0]
        if known:
            if problems:
                xfailed += 1
                print(f"xfail {case.name}: {expected_failures[case.name]}")
            else:
                failed.append(case.name)
                print(f"FAIL  {case.name}: passes but is listed in KNOWN-FAILING (remove it from the list)")
        elif problems:
            failed.append(case.name)
            print(f"FAIL  {case.name}")
            for problem in problems:
                print("      " + problem.replace("\n", "\n      ").rstrip())
        else:
            passed += 1
            print(f"ok    {case.name}")
    print(f"bad inputs: {passed} passed, {xfailed} expected failures, {len(failed)} failed"
          + (f" ({', '.join(failed)})" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
