// Issue 10: docs/verification.md implemented again, from the document alone, with Node's own crypto (not the
// engine's code, not the verify page's): the worked example, and the receipt, log, keys and draws that
// kz.emtihan.audit.VerificationRecipesTest got from a real engine in the same build (directory in VERIFY_FIXTURES).
import assert from 'node:assert/strict';
import { createHash, createHmac, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const utf8 = (s) => Buffer.from(s, 'utf8');

// "Conventions" and "The key list": keyId = first 16 hex of SHA-256 over the DER key
const keyId = (publicKeyBase64) => sha256(Buffer.from(publicKeyBase64, 'base64')).slice(0, 16);

// "The receipt": nine lines joined by \n
const receiptText = (r) => ['emtihan-receipt-v1', r.attemptId, r.studentId, r.examId, r.status, r.answersDigest,
  `${r.events}`, r.chainHead, r.submittedAt].join('\n');

// "The attempt log and its hash chain"
function chainHead(attemptId, entries) {
  let h = sha256(utf8(`emtihan:${attemptId}`));
  for (const e of entries) h = sha256(utf8(`${h}\n${e}`));
  return h;
}

// "The answers digest"
function digest(entries) {
  let paper;
  const last = {};
  for (const e of entries.map((x) => JSON.parse(x))) {
    if (e.type === 'start') paper = e.paper.split('|').map((item) => item.split(':')[0]);
    if (e.type === 'save' || e.type === 'save-in-grace') last[e.question] = e.choices;
  }
  const text = paper.map((q) => {
    const ids = last[q] ? [...new Set(last[q].split(','))].sort() : [];
    return `${q}=${ids.join(',')}\n`;
  }).join('');
  return sha256(utf8(text));
}

// "The ticket draw"
function ticket(seedHex, sittingId, studentId, n, word, available) {
  const mac = createHmac('sha256', Buffer.from(seedHex, 'hex'))
    .update(utf8(['emtihan-ticket-v1', sittingId, studentId, `${n}`, word].join('\n'))).digest();
  return available[Number(BigInt(`0x${mac.toString('hex')}`) % BigInt(available.length))];
}

function replay(doc) {
  const pool = [...new Set(doc.tickets)].sort((a, b) => a - b);
  const done = [];
  const results = [];
  for (const d of [...doc.draws].sort((a, b) => a.drawNumber - b.drawNumber)) {
    const gone = done.filter((p) => !doc.withReplacement || p.studentId === d.studentId).map((p) => p.ticket);
    const available = pool.filter((t) => !gone.includes(t));
    results.push(d.studentId === undefined || d.word === undefined ? null
      : ticket(doc.seed, doc.sittingId, d.studentId, d.drawNumber, d.word, available) === d.ticket);
    done.push(d);
  }
  return results;
}

function checkReceipt(receipt, log, keys) {
  const id = receipt.keyId ?? keyId(receipt.publicKey);
  const key = keys.keys.find((k) => k.keyId === id);
  assert.ok(key, `key ${id} is in the published list`);
  assert.equal(keyId(key.publicKey), id, 'the listed key hashes to its id');
  const at = Date.parse(receipt.submittedAt);
  assert.ok(at >= Date.parse(key.validFrom) && (key.validUntil === null || at < Date.parse(key.validUntil)), 'in the key\'s period');
  const spki = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
  assert.ok(verify(null, utf8(receiptText(receipt)), spki, Buffer.from(receipt.signature, 'base64')), 'Ed25519 signature');
  if (receipt.signedText !== undefined) assert.equal(receipt.signedText, receiptText(receipt));
  assert.equal(log.entries.length, receipt.events, 'events');
  assert.equal(chainHead(receipt.attemptId, log.entries), receipt.chainHead, 'chain head');
  assert.equal(digest(log.entries), receipt.answersDigest, 'answers digest');
}

const docUrl = new URL('../../../../docs/verification.md', import.meta.url);
const example = Object.fromEntries(/```worked-example\n([\s\S]*?)```/.exec(readFileSync(docUrl, 'utf8'))[1]
  .split('\n').filter(Boolean).map((line) => {
    const at = line.indexOf(' =');
    return [line.slice(0, at), line.slice(at + 2).replace(/^ /, '')];
  }));

test('the document\'s worked example, recomputed', () => {
  const ex = example;
  assert.equal(sha256(Buffer.from(ex['draw.seed'], 'hex')), ex['draw.commitment']);
  const doc = { sittingId: ex['draw.sittingId'], seed: ex['draw.seed'], withReplacement: ex['draw.withReplacement'] === 'true',
    tickets: ex['draw.tickets'].split(',').map(Number),
    draws: [1, 2, 3].map((n) => ({ drawNumber: n, studentId: ex[`draw.${n}.studentId`], word: ex[`draw.${n}.word`], ticket: +ex[`draw.${n}.ticket`] })) };
  assert.deepEqual(replay(doc), [true, true, true]);
  const entries = Object.keys(ex).filter((k) => k.startsWith('chain.entry.')).map((k) => ex[k]);
  assert.equal(chainHead(ex['chain.attemptId'], []), ex['chain.h0']);
  assert.equal(chainHead(ex['chain.attemptId'], entries), ex['chain.h5']);
  assert.equal(digest(entries), ex['digest.value']);
  const receipt = { attemptId: ex['receipt.attemptId'], studentId: ex['receipt.studentId'], examId: ex['receipt.examId'],
    status: ex['receipt.status'], answersDigest: ex['digest.value'], events: +ex['receipt.events'], chainHead: ex['chain.h5'],
    submittedAt: ex['receipt.submittedAt'], signature: ex['receipt.signature'], keyId: ex['receipt.keyId'] };
  assert.equal(Buffer.from(receiptText(receipt)).toString('hex'), ex['receipt.signedText']);
  checkReceipt(receipt, { entries }, { keys: [{ keyId: ex['receipt.keyId'], publicKey: ex['receipt.publicKey'],
    validFrom: '2026-01-01T00:00:00Z', validUntil: null }] });
});

const dir = process.env.VERIFY_FIXTURES;
const have = dir && existsSync(join(dir, 'receipt.json'));
const skip = have ? false : 'no fixtures: run kz.emtihan.audit.VerificationRecipesTest';
if (!have && process.env.VERIFY_FIXTURES_REQUIRED) throw new Error(`no fixtures in ${dir}`);
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

test('a real engine\'s receipt, from its published keys and the student\'s log', { skip }, () => {
  const receipt = read('receipt.json');
  checkReceipt(receipt, read('log.json'), read('keys.json'));
  assert.ok(receipt.events >= 4, 'start, saves and the submit');
  const edited = read('log.json');
  edited.entries[1] = edited.entries[1].replace('"seq":1', '"seq":9');
  assert.throws(() => checkReceipt(receipt, edited, read('keys.json')), /chain head/);
});

test('a real engine\'s closed sitting: every draw from the revealed seed, as staff and as a student see them', { skip }, () => {
  const staff = read('draws-staff.json');
  assert.equal(sha256(Buffer.from(staff.seed, 'hex')), staff.commitment);
  assert.deepEqual(replay(staff), staff.draws.map(() => true));
  const student = read('draws-student.json');
  assert.equal(student.seed, staff.seed);
  const checked = replay(student);
  const own = student.draws.map((d, i) => [d, checked[i]]).filter(([d]) => d.studentId === process.env.VERIFY_STUDENT);
  assert.ok(own.length > 0 && own.every(([, ok]) => ok === true), 'the student recomputes their own draw');
  assert.ok(checked.every((ok) => ok !== false), 'no draw disagrees');
  assert.deepEqual(student.draws.map((d) => d.ticket), staff.draws.map((d) => d.ticket), 'the same draws in the same order');
});
