#!/usr/bin/env python3
"""circles.py OBJ...: the call circles between the modules of one program.

From nm's defined and undefined symbols of each object file: an edge from
a.o to b.o when a uses a function or data b defines. Files are grouped
into modules (MODULES below: the files of one module may call each other
back; every other file is a module of its own), named by their path below
the objects' common folder (cli/options.o); prints each strongly
connected component of more than one module with the symbols on its
edges, and exits 1 when there is one.

Give the objects one program links: amokit and amokit-ics each have their
own table of commands (src/cli/commands.c, commands_ics.c), and a
symbol two of the objects define would make the edges a guess, so that
is an error too (exit 1). tests/e2e/circles.sh runs it once a program:

  python3 tools/circles.py build/obj/*.o build/obj/cli/*.o   (less the
      other program's own files, and objects whose source is gone)
"""
import collections
import fnmatch
import os
import subprocess
import sys

# Modules of several files that recurse into each other by design.
MODULES = {
    # The layout builder: a flow holds boxes, lists and tables, and they
    # hold flows (src/layout_build.h).
    'layout_build': ['layout_build.o', 'layout_build_*.o'],
}


def module_of(obj):
    for name, patterns in MODULES.items():
        if any(fnmatch.fnmatch(obj, p) for p in patterns):
            return name
    return obj


def names(objs):
    """Each object's path below the objects' common folder."""
    root = os.path.commonpath([os.path.dirname(os.path.abspath(o)) for o in objs])
    return {o: os.path.relpath(os.path.abspath(o), root) for o in objs}


def graph(objs, twice):
    """The edges between modules; a strong symbol defined by two objects
    goes into twice (name -> the objects)."""
    defs, uses = {}, collections.defaultdict(set)
    for o, base in names(objs).items():
        out = subprocess.run(['nm', o], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            p = line.split()
            if len(p) == 3 and p[1] in 'TDBRCV':
                if p[1] in 'TDBR' and p[2] in defs and defs[p[2]] != base:
                    twice.setdefault(p[2], [defs[p[2]]]).append(base)
                defs.setdefault(p[2], base)
            elif len(p) == 2 and p[0] == 'U':
                uses[base].add(p[1])
    edges = collections.defaultdict(lambda: collections.defaultdict(set))
    for o, syms in uses.items():
        for s in syms:
            d = defs.get(s)
            if d and module_of(d) != module_of(o):
                edges[module_of(o)][module_of(d)].add(s)
    return edges


def components(nodes, edges):
    index, low, stack, on, comps = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            visit(v)
    return comps


def main(objs):
    twice = {}
    edges = graph(objs, twice)
    for sym, where in sorted(twice.items()):
        print('%s is defined by %s: objects of more than one program?' % (sym, ' and '.join(where)))
    nodes = sorted({module_of(n) for n in names(objs).values()})
    circles = [c for c in components(nodes, edges) if len(c) > 1]
    for comp in circles:
        print('circle:', ' '.join(comp))
        for a in comp:
            for b in comp:
                if b in edges[a]:
                    print('  %s -> %s: %s' % (a, b, ' '.join(sorted(edges[a][b]))))
    print('%d circle(s) among %d modules (%d object files)' % (len(circles), len(nodes), len(objs)))
    return 1 if circles or twice else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
