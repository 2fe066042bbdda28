# A/B: the same requests against two engines, interleaved one by one so the machine's load hits both alike.
# usage: python3 docs/names-ab.py portA portB rounds N  (N: extra roster students, set up on both)
import http.client, json, sys, time, statistics
pa, pb, rounds, N = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def call(port, method, path, token=None, body=None, conn=None):
    c = conn or http.client.HTTPConnection('127.0.0.1', port)
    h = {'Content-Type': 'application/json'}
    if token: h['Authorization'] = 'Bearer ' + token
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
    r = c.getresponse(); return r.status, r.read()
def setup(port):
    login = lambda u, p: json.loads(call(port, 'POST', '/api/v1/auth/login', body={'username': u, 'password': p})[1])['token']
    st, te = login('student1', 'demo-student'), login('teacher', 'demo-teacher')
    ex = [e['id'] for e in json.loads(call(port, 'GET', '/api/v1/me/exams', st)[1]) if not e['proctoring']['camera']][0]
    roster = [f's{i:05d}' for i in range(N)] + [f'student{i}' for i in range(1, 6)]
    assert call(port, 'PUT', f'/api/v1/exams/{ex}/roster', te, roster)[0] == 200
    return {'conn': http.client.HTTPConnection('127.0.0.1', port), 'st': st, 'te': te, 'ex': ex, 'port': port}
A, B = setup(pa), setup(pb)
def one(e, what):
    path, tok = {'me/exams': ('/api/v1/me/exams', e['st']), 'results': (f"/api/v1/exams/{e['ex']}/results", e['te']),
                 'progress': (f"/api/v1/exams/{e['ex']}/progress", e['te'])}[what]
    t0 = time.perf_counter(); s, _ = call(e['port'], 'GET', path, tok, conn=e['conn']); assert s == 200
    return (time.perf_counter() - t0) * 1000
for what, n in [('me/exams', rounds), ('results', rounds // 10), ('progress', rounds // 10)]:
    for _ in range(5): one(A, what); one(B, what)
    a, b = [], []
    for i in range(n):
        if i % 2: a.append(one(A, what)); b.append(one(B, what))
        else: b.append(one(B, what)); a.append(one(A, what))
    print(f'{what}: before median {statistics.median(a):.1f} ms, after median {statistics.median(b):.1f} ms ({n} each, interleaved)')
