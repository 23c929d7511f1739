#!/usr/bin/env python3
"""include_circles.py: the include circles between modules of src/ and
include/ (issue 23), from the #include "..." lines of the sources: a
module is a file's name without .c or .h, a private header's _int or
_priv suffix dropped (reader_model_int.h is reader_model's). Prints each
circle with the includes on it; exits 1 when there is one. Run from the
top of the tree; tests/e2e/circles.sh runs it.

  python3 tools/include_circles.py
"""
import re,glob,os,collections,sys
files=glob.glob('include/*.h')+glob.glob('src/*.h')+glob.glob('src/*.c')+glob.glob('src/cli/*.[ch]')
def mod(f): return re.sub(r'_(int|priv)$','',os.path.splitext(os.path.basename(f))[0])
hdr={os.path.basename(f) for f in files if f.endswith('.h')}
g=collections.defaultdict(lambda: collections.defaultdict(list))
for f in files:
    for l in open(f):
        m=re.match(r'\s*#\s*include\s+"([^"]+)"',l)
        if m and m.group(1) in hdr and mod(m.group(1))!=mod(f): g[mod(f)][mod(m.group(1))].append(os.path.basename(f)+' -> '+m.group(1))
nodes=sorted(set(g)|{w for s in g.values() for w in s})
sys.setrecursionlimit(10000)
idx={};low={};st=[];on=set();comps=[]
def visit(v):
    idx[v]=low[v]=len(idx); st.append(v); on.add(v)
    for w in list(g[v]):
        if w not in idx: visit(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        c=[]
        while True:
            w=st.pop(); on.discard(w); c.append(w)
            if w==v: break
        comps.append(c)
for v in nodes:
    if v not in idx: visit(v)
bad=[c for c in comps if len(c)>1]
for c in bad:
    print('circle:',' '.join(sorted(c)))
    for a in c:
        for b in c:
            if b in g[a]: print('  ',', '.join(g[a][b]))
print('%d include circle(s) among %d modules (%d files)'%(len(bad),len(nodes),len(files)))
sys.exit(1 if bad else 0)
