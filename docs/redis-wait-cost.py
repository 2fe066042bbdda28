#!/usr/bin/env python3
# Issue 14 (2): what WAIT adds to one answer save, without the engine around it. Runs the engine's save-answer.lua
# (EVALSHA) on one connection, one save at a time, alone and as the batch [EVALSHA, WAIT 1 1000] the engine sends
# with store.waitReplicas: 1, in alternating blocks; prints the median, p95, p99 of each.
# Usage: python3 docs/redis-wait-cost.py <saves> <port of a primary that has one replica>   (run from the repo root)
import socket, time, statistics, sys
def enc(*a):
    out=b'*%d\r\n'%len(a)
    for x in a:
        x=x if isinstance(x,bytes) else str(x).encode()
        out+=b'$%d\r\n%s\r\n'%(len(x),x)
    return out
class C:
    def __init__(s,port):
        s.s=socket.create_connection(('127.0.0.1',port)); s.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1); s.f=s.s.makefile('rb')
    def read(s):
        l=s.f.readline(); t=l[:1]; r=l[1:-2]
        if t in (b'+',b':'): return r
        if t==b'-': raise Exception(r)
        if t==b'$':
            n=int(r); 
            if n<0: return None
            d=s.f.read(n+2); return d[:-2]
        if t==b'*':
            n=int(r); return [s.read() for _ in range(n)]
    def call(s,*a):
        s.s.sendall(enc(*a)); return s.read()
    def batch(s,cmds):
        s.s.sendall(b''.join(enc(*c) for c in cmds)); return [s.read() for _ in cmds]
c=C(int(sys.argv[2]) if len(sys.argv)>2 else 7601)
src=open('engine/src/main/resources/kz/emtihan/exam/save-answer.lua').read()
sha=c.call('SCRIPT','LOAD',src).decode()
N=int(sys.argv[1]) if len(sys.argv)>1 else 5000
res={0:[],1:[]}
for block in range(6):
  for w in (0,1):
    for i in range(N//6):
        a='a%d-{e1}'%(i%500)
        key='attempt:'+a
        if block==0 and w==0 and i<500:
            c.call('HSET',key,'status','in-progress','deadline',str(int(time.time()*1000)+3600000),'examId','e1','studentId','s')
        seq=block*100000+w*50000+i+1
        cmds=[('EVALSHA',sha,4,key,key+':answers',key+':log',key+':answered','q%d'%(i%30),seq,'o1','20000',a,'live:exam:e1')]
        if w: cmds.append(('WAIT',1,1000))
        t=time.perf_counter(); r=c.batch(cmds); dt=time.perf_counter()-t
        if w and int(r[1])<1: print('WAIT shortfall', r)
        res[w].append(dt*1000)
for w in (0,1):
    xs=sorted(res[w]); print('waitReplicas %d: n=%d median %.3f ms p95 %.3f ms p99 %.3f ms -> %.0f saves/s on one connection'%(w,len(xs),statistics.median(xs),xs[int(.95*len(xs))],xs[int(.99*len(xs))],1000/statistics.mean(xs)))
