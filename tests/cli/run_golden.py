#!/usr/bin/env python3
"""End-to-end tests of the chainatlas command line.

Each folder tests/golden/<case>/ holds:
  args       the command-line arguments, one per line ({fixtures} is replaced by the path of
             tests/fixtures, {tmp} by a fresh temporary folder)
  stdout     the expected standard output
  stderr     the expected standard error (optional: checked when present)
  exit_code  the expected exit code (a number)
  check      optional Python run after the command with `tmp` set, asserting on written files

Run: run_golden.py <chainatlas binary> <tests folder> [case ...]
With CHAINATLAS_UPDATE_GOLDEN=1 the expected files are rewritten from the actual output;
review the diff as you would review code. Prints 'N passed, M failed'.
"""
import difflib
import os
import subprocess
import sys
import tempfile


def run_case(binary, tests_dir, case_dir, update):
    with open(os.path.join(case_dir, "args"), encoding="utf-8") as f:
        raw_args = [line.rstrip("\n") for line in f if line.strip() != ""]
    with tempfile.TemporaryDirectory() as tmp:
        fixtures = os.path.join(tests_dir, "fixtures")
        args = [a.replace("{fixtures}", fixtures).replace("{tmp}", tmp) for a in raw_args]
        env = dict(os.environ, LC_ALL="C.UTF-8")
        proc = subprocess.run([binary] + args, capture_output=True, env=env, timeout=300, cwd=tmp)
        # Paths in messages are made relative so that golden files hold no absolute paths.
        stdout = proc.stdout.decode("utf-8", "replace").replace(fixtures, "{fixtures}").replace(tmp, "{tmp}")
        stderr = proc.stderr.decode("utf-8", "replace").replace(fixtures, "{fixtures}").replace(tmp, "{tmp}")
        actual = {"stdout": stdout, "stderr": stderr, "exit_code": f"{proc.returncode}\n"}
        problems = []
        for name, text in actual.items():
            path = os.path.join(case_dir, name)
            if update:
                if name != "stderr" or text or os.path.exists(path):
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                continue
            if not os.path.exists(path):
                if name == "stderr":
                    continue
                problems.append(f"missing expected file {name}")
                continue
            with open(path, encoding="utf-8") as f:
                expected = f.read()
            if expected != text:
                diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                                    f"expected {name}", f"actual {name}", n=2))
                problems.append(diff[:4000])
        check = os.path.join(case_dir, "check")
        if os.path.exists(check) and not update:
            with open(check, encoding="utf-8") as f:
                code = f.read()
            try:
                exec(compile(code, check, "exec"), {"tmp": tmp, "stdout": stdout, "binary": binary})
            except AssertionError as e:
                problems.append(f"check failed: {e}")
        return problems


def main():
    binary, tests_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    golden = os.path.join(tests_dir, "golden")
    cases = sys.argv[3:] or sorted(d for d in os.listdir(golden) if os.path.isdir(os.path.join(golden, d)))
    update = os.environ.get("CHAINATLAS_UPDATE_GOLDEN") == "1"
    passed = failed = 0
    for case in cases:
        problems = run_case(binary, tests_dir, os.path.join(golden, case), update)
        if problems:
            failed += 1
            print(f"FAIL {case}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        else:
            passed += 1
            print(f"ok   {case}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
