#!/usr/bin/env python3
"""Node conformance gate: runs Node's own tests (../shared/node-tests) that rnode is known to
pass, listed in passing.txt, and fails if any of them no longer passes.

  check.py --runtime target/release/rnode            # the CI gate
  check.py --runtime BIN --update [--modules a,b]    # add newly passing tests to the list
  check.py --runtime BIN --report --modules a,b      # pass/fail counts per module
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
SHARED = os.path.abspath(os.path.join(ROOT, '..', 'shared', 'node-tests'))
PASSING = os.path.join(HERE, 'passing.txt')


def read_list(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def manifest():
    out = []
    with open(os.path.join(SHARED, 'tests.txt')) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                module, path = line.split('\t')
                out.append((module, path))
    return out


def run(runtime, paths, jobs):
    regex = '^(' + '|'.join(re.escape(p) for p in paths) + ')$'
    with tempfile.NamedTemporaryFile(suffix='.json', delete=False) as tmp:
        out = tmp.name
    cmd = [sys.executable, os.path.join(SHARED, 'run.py'), '--runtime', runtime,
           '--filter', regex, '--jobs', str(jobs), '--json', out]
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with open(out) as f:
        data = json.load(f)
    os.unlink(out)
    return {r['path']: r for r in data['results']}, proc.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runtime', required=True)
    ap.add_argument('--update', action='store_true')
    ap.add_argument('--report', action='store_true')
    ap.add_argument('--modules', default='')
    ap.add_argument('--jobs', type=int, default=2)
    args = ap.parse_args()
    runtime = os.path.abspath(args.runtime)
    if not os.path.exists(os.path.join(SHARED, 'run.py')):
        print(f'node-tests not found at {SHARED}; nothing to check')
        return 0
    listed = read_list(PASSING)
    if args.update or args.report:
        modules = set(m for m in args.modules.split(',') if m)
        paths = [p for (m, p) in manifest() if not modules or m in modules]
        results, _ = run(runtime, paths, args.jobs)
        counts = {}
        for (m, p) in manifest():
            if p in results:
                c = counts.setdefault(m, [0, 0, 0])
                st = results[p]['status']
                c[0 if st == 'pass' else 2 if st == 'skip' else 1] += 1
        for m in sorted(counts):
            p, f, s = counts[m]
            print(f'{m:16} pass {p:4}  fail {f:4}  skip {s:4}  ({100 * p // max(1, p + f + s)}%)')
        if args.update:
            passing = sorted(set(listed) | {p for p, r in results.items() if r['status'] == 'pass'})
            with open(PASSING, 'w') as f:
                f.write('# Node tests (../shared/node-tests) that rnode passes; CI fails if one regresses.\n')
                f.write('# Grow with: python3 tests/node-tests/check.py --runtime target/release/rnode --update\n')
                f.write('\n'.join(passing) + '\n')
            print(f'{len(passing)} tests in {PASSING}')
        return 0
    if not listed:
        print('passing.txt is empty')
        return 1
    results, log = run(runtime, listed, args.jobs)
    regressed = [p for p in listed if results.get(p, {}).get('status') != 'pass']
    for p in regressed:
        r = results.get(p)
        tail = (r or {}).get('output', '')[-1500:]
        print(f'REGRESSED {p} ({(r or {}).get("status", "not run")})\n{tail}\n')
    print(f'{len(listed) - len(regressed)} passed, {len(regressed)} failed')
    return 1 if regressed else 0


if __name__ == '__main__':
    sys.exit(main())
