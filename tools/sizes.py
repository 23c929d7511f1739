#!/usr/bin/env python3
"""sizes.py [MAX_FILE MAX_FN] FILE...: the source files over MAX_FILE lines
(800) and the functions over MAX_FN lines (80), counted from the line that
names the function to its closing brace; exits 1 when there is one.

A function is what our style writes: its signature beginning in column 0,
its body between a '{' and a '}' alone on lines of their own in column 0.

  python3 tools/sizes.py src/*.c src/*.h src/cli/*.c src/cli/*.h include/*.h
"""
import re, sys
args = sys.argv[1:]
mf, mfn = 800, 80
if len(args) > 2 and args[0].isdigit():
    mf, mfn, args = int(args[0]), int(args[1]), args[2:]
bad = 0
for p in args:
    lines = open(p, encoding='utf-8', errors='replace').read().split('\n')
    if len(lines) - 1 > mf:
        print('%s: %d lines' % (p, len(lines) - 1)); bad += 1
    i = 0
    while i < len(lines):
        if lines[i] == '{' and i > 0:
            # the signature: back to a line that begins in column 0 with no ';'
            j = i - 1
            while j > 0 and (lines[j].startswith((' ', '\t')) or lines[j] == ''):
                j -= 1
            k = i + 1
            while k < len(lines) and lines[k] != '}' and not lines[k].startswith('};'):
                k += 1
            if lines[k] == '}':
                m = re.search(r'(\w+)\s*\(', lines[j])
                n = k - j + 1
                if n > mfn and m:
                    print('%s:%d: %s %d lines' % (p, j + 1, m.group(1), n)); bad += 1
            i = k
        i += 1
print('%d over (%d files, files at most %d lines, functions at most %d)' % (bad, len(args), mf, mfn))
sys.exit(1 if bad else 0)
