// Issue 10: the verify page's checks (lib/verify/checks.js) on docs/verification.md's worked example, and every
// way a receipt, a log, a key list or a draw can be falsified.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import {
  answersDigest,
  chain,
  checkDraws,
  checkReceipt,
  drawTicket,
  fromHex,
  keyIdOf,
  kindOf,
  sha256Hex,
  signedText,
  toHex,
} from '../../main/web/lib/verify/checks.js';

/** The name = value lines of the document's worked-example block. */
export function workedExample(url = new URL('../../../../docs/verification.md', import.meta.url)) {
  const block = /```worked-example\n([\s\S]*?)```/.exec(readFileSync(url, 'utf8'));
  assert.ok(block, 'docs/verification.md has a worked-example block');
  const out = {};
  for (const line of block[1].split('\n').filter(Boolean)) {
    const m = /^([a-zA-Z0-9.]+) =(?: (.*))?$/.exec(line);
    assert.ok(m, `a name = value line: ${line}`);
    out[m[1]] = m[2] ?? '';
  }
  return out;
}

const ex = workedExample();
const entries = Object.keys(ex)
  .filter((k) => /^chain\.entry\.\d+$/.test(k))
  .map((k) => ex[k]);

async function signedReceipt(fields = {}) {
  const r = {
    attemptId: ex['receipt.attemptId'],
    studentId: ex['receipt.studentId'],
    examId: ex['receipt.examId'],
    status: ex['receipt.status'],
    answersDigest: ex['digest.value'],
    events: Number(ex['receipt.events']),
    chainHead: ex['chain.h5'],
    submittedAt: ex['receipt.submittedAt'],
    keyId: ex['receipt.keyId'],
    publicKey: ex['receipt.publicKey'],
    algorithm: 'Ed25519',
    ...fields,
  };
  const key = await crypto.subtle.importKey(
    'pkcs8',
    fromHex(`302e020100300506032b657004220420${ex['receipt.privateKeySeed']}`),
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  r.signature = Buffer.from(
    await crypto.subtle.sign({ name: 'Ed25519' }, key, new TextEncoder().encode(signedText(r))),
  ).toString('base64');
  r.signedText = signedText(r);
  return r;
}

const keys = (validFrom = '2026-12-01T00:00:00Z', validUntil = null) => ({
  format: 'emtihan-receipt-keys-v1',
  algorithm: 'Ed25519',
  keys: [
    {
      keyId: ex['receipt.keyId'],
      algorithm: 'Ed25519',
      publicKey: ex['receipt.publicKey'],
      validFrom,
      validUntil,
      status: validUntil ? 'retired' : 'current',
    },
  ],
});
const log = () => ({ attemptId: ex['chain.attemptId'], entries: [...entries] });
const failing = (checks) => checks.filter((c) => c.ok !== true).map((c) => c.check);

test('the worked example: chain, digest, key id, signed text and signature', async () => {
  const { genesis, head } = await chain(ex['chain.attemptId'], entries);
  assert.equal(genesis, ex['chain.h0']);
  assert.equal(head, ex['chain.h5']);
  for (let i = 1; i <= entries.length; i += 1)
    assert.equal((await chain(ex['chain.attemptId'], entries.slice(0, i))).head, ex[`chain.h${i}`]);
  assert.equal(await answersDigest(entries), ex['digest.value']);
  assert.equal(await sha256Hex(fromHex(ex['digest.text'])), ex['digest.value']);
  assert.equal(await keyIdOf(ex['receipt.publicKey']), ex['receipt.keyId']);
  const r = await signedReceipt();
  assert.equal(toHex(new TextEncoder().encode(r.signedText)), ex['receipt.signedText']);
  assert.equal(r.signature, ex['receipt.signature'], 'Ed25519 is deterministic');
  assert.deepEqual(failing(await checkReceipt(r, log(), keys())), []);
  assert.deepEqual(failing(await checkReceipt(r, entries, keys())), [], 'a bare array of entries will do');
});

test('the worked example: every draw, with its message, MAC and index', async () => {
  const seed = fromHex(ex['draw.seed']);
  assert.equal(await sha256Hex(seed), ex['draw.commitment']);
  for (const n of [1, 2, 3]) {
    const available = ex[`draw.${n}.available`].split(',').map(Number);
    const d = await drawTicket(
      seed,
      ex['draw.sittingId'],
      ex[`draw.${n}.studentId`],
      n,
      ex[`draw.${n}.word`],
      available,
    );
    assert.equal(toHex(d.message), ex[`draw.${n}.message`]);
    assert.equal(toHex(d.mac), ex[`draw.${n}.hmac`]);
    assert.equal(d.index, Number(ex[`draw.${n}.index`]));
    assert.equal(d.ticket, Number(ex[`draw.${n}.ticket`]));
  }
});

test("a receipt is refused when anything in it, its log or its key is not the engine's", async () => {
  const r = await signedReceipt();
  const edited = { ...r, status: 'timed-out', signedText: undefined };
  assert.deepEqual(failing(await checkReceipt(edited, log(), keys())), ['signature'], 'an edited field');
  const swapped = [...entries];
  [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
  assert.deepEqual(
    failing(await checkReceipt(r, { ...log(), entries: swapped }, keys())),
    ['chain'],
    'reordered entries',
  );
  assert.deepEqual(
    failing(await checkReceipt(r, { ...log(), entries: entries.filter((_, i) => i !== 3) }, keys())),
    ['events', 'chain', 'digest'],
    'a dropped save',
  );
  assert.deepEqual(
    failing(await checkReceipt(r, { ...log(), entries: entries.slice(0, 4) }, keys())),
    ['events', 'chain'],
    'a dropped final entry',
  );
  const changed = entries.map((e) => e.replace('"choices":"o3"', '"choices":"o1"'));
  assert.deepEqual(
    failing(await checkReceipt(r, { ...log(), entries: changed }, keys())),
    ['chain', 'digest'],
    'a changed answer',
  );
  assert.deepEqual(
    failing(await checkReceipt(r, { ...log(), attemptId: 'a-other' }, keys())),
    ['log-attempt'],
    "another attempt's log",
  );
  assert.deepEqual(
    failing(await checkReceipt(r, log(), keys('2026-12-02T08:04:00.001Z'))),
    ['key-period'],
    'submitted before the key',
  );
  assert.deepEqual(
    failing(await checkReceipt(r, log(), keys('2026-12-01T00:00:00Z', '2026-12-02T08:04:00Z'))),
    ['key-period'],
    'submitted when the key was already retired (validUntil is exclusive)',
  );
  assert.deepEqual(
    failing(await checkReceipt(r, log(), keys('2026-12-01T00:00:00Z', '2026-12-02T08:04:00.001Z'))),
    [],
    'a retired key still vouches for its own period',
  );
});

test("a receipt signed with a key of its own, carried inside it, is not the engine's", async () => {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const publicKey = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const forged = { ...(await signedReceipt()), keyId: undefined, publicKey };
  forged.signature = Buffer.from(
    await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(signedText(forged))),
  ).toString('base64');
  const checks = await checkReceipt(forged, log(), keys());
  assert.deepEqual(failing(checks), ['key-known', 'key-period', 'signature']);
  const lying = { ...forged, keyId: ex['receipt.keyId'] };
  assert.deepEqual(
    failing(await checkReceipt(lying, log(), keys())),
    ['signature'],
    "naming the engine's key id does not help",
  );
  const listed = keys();
  listed.keys[0].publicKey = publicKey; // a list whose key does not hash to its id
  assert.deepEqual(failing(await checkReceipt(lying, log(), listed)), ['key-known', 'key-period', 'signature']);
});

test('draws: the seed must match the commitment; a changed ticket is found; a withheld draw still leaves the pool', async () => {
  const doc = {
    sittingId: ex['draw.sittingId'],
    commitment: ex['draw.commitment'],
    seed: ex['draw.seed'],
    withReplacement: false,
    tickets: ex['draw.tickets'].split(',').map(Number),
    draws: [1, 2, 3].map((n) => ({
      drawNumber: n,
      studentId: ex[`draw.${n}.studentId`],
      word: ex[`draw.${n}.word`],
      ticket: Number(ex[`draw.${n}.ticket`]),
    })),
  };
  assert.deepEqual(
    (await checkDraws(doc)).map((c) => c.ok),
    [true, true, true, true],
  );
  const moved = structuredClone(doc);
  moved.draws[2].ticket = 3;
  assert.deepEqual(
    (await checkDraws(moved)).map((c) => c.ok),
    [true, true, true, false],
  );
  const withheld = structuredClone(doc);
  delete withheld.draws[1].studentId; // another student's draw, as a student sees the list
  assert.deepEqual(
    (await checkDraws(withheld)).map((c) => c.ok),
    [true, true, null, true],
    "draw 3 is recomputed with draw 2's ticket out of the pool",
  );
  assert.deepEqual(
    (await checkDraws({ ...doc, seed: 'ff'.repeat(32) })).map((c) => c.ok),
    [false],
  );
  assert.deepEqual(
    (await checkDraws({ ...doc, seed: undefined })).map((c) => [c.check, c.ok]),
    [['seed-revealed', false]],
  );
  const replaced = { ...structuredClone(doc), withReplacement: true };
  assert.deepEqual(
    (await checkDraws(replaced)).map((c) => c.recomputed),
    [undefined, 7, 9, 8],
    'the pool rule matters: with replacement each student chooses among all 10 (draw 2 gives 9, not 5)',
  );
});

test('the page tells the files apart by their shape', async () => {
  const r = await signedReceipt();
  assert.equal(kindOf(r), 'receipt');
  assert.equal(kindOf(log()), 'log');
  assert.equal(kindOf(entries), 'log');
  assert.equal(kindOf(keys()), 'keys');
  assert.equal(kindOf({ sittingId: 's', commitment: 'c', draws: [] }), 'draws');
  assert.equal(kindOf({ hello: 'world' }), null);
  assert.equal(kindOf(null), null);
});
