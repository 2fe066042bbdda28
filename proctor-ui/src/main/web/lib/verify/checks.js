/**
 * Issue 10: the checks of docs/verification.md, from public data only, with WebCrypto (Ed25519, SHA-256,
 * HMAC-SHA256) and nothing else: a receipt against the engine's published keys and the attempt's log, and a closed
 * sitting's draws against its revealed seed. No DOM here: the page (pages/verify/verify.js) and Node's tests use it alike.
 *
 * Each check is {check, ok, ...details}; `ok` is true, false, or null for a draw that cannot be recomputed.
 */

const encoder = new TextEncoder();

/** WebCrypto, or null where the browser has none (a page not served over HTTPS or from localhost). */
function subtle() {
  return globalThis.crypto?.subtle ?? null;
}

/** What a JSON document is, from its shape. */
export function kindOf(doc) {
  if (Array.isArray(doc) || Array.isArray(doc?.entries)) return 'log';
  if (doc?.format === 'emtihan-receipt-keys-v1') return 'keys';
  if (typeof doc?.signature === 'string' && typeof doc?.chainHead === 'string') return 'receipt';
  if (typeof doc?.commitment === 'string' && Array.isArray(doc?.draws)) return 'draws';
  return null;
}

/** Whether Ed25519 verification is available here; resolves to false rather than failing. */
export async function ed25519Supported() {
  const s = subtle();
  if (!s) return false;
  try {
    await s.importKey(
      'spki',
      fromBase64('MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    return true;
  } catch {
    return false;
  }
}

export function toHex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex) {
  const text = String(hex ?? '').trim();
  if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw new Error('not hex');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function fromBase64(text) {
  const binary = atob(String(text ?? '').trim());
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** hex(SHA-256(bytes)); a string is taken as its UTF-8 bytes. */
export async function sha256Hex(data) {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(await subtle().digest('SHA-256', bytes));
}

async function hmacSha256(keyBytes, messageBytes) {
  const key = await subtle().importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', key, messageBytes));
}

/** The nine lines a receipt's signature covers, joined by \n. */
export function signedText(r) {
  return [
    'emtihan-receipt-v1',
    r.attemptId,
    r.studentId,
    r.examId,
    r.status,
    r.answersDigest,
    String(r.events),
    r.chainHead,
    r.submittedAt,
  ].join('\n');
}

/** The first 16 hex digits of SHA-256 over the DER public key. */
export async function keyIdOf(publicKeyBase64) {
  return (await sha256Hex(fromBase64(publicKeyBase64))).slice(0, 16);
}

/** h0 = SHA-256("emtihan:" + id); h(i) = SHA-256(h(i-1) + "\n" + entry i), all hex. */
export async function chain(attemptId, entries) {
  const genesis = await sha256Hex(`emtihan:${attemptId}`);
  let head = genesis;
  for (const entry of entries) head = await sha256Hex(`${head}\n${entry}`);
  return { genesis, head };
}

/** The answers digest from the log: the paper of "start", the last save of each question, sorted option ids. */
export async function answersDigest(entries) {
  let order = null;
  const answers = new Map();
  for (const text of entries) {
    const e = JSON.parse(text);
    if (e.type === 'start') {
      order = String(e.paper)
        .split('|')
        .map((item) => item.slice(0, item.indexOf(':')));
    } else if (e.type === 'save' || e.type === 'save-in-grace') {
      answers.set(e.question, e.choices === '' ? [] : String(e.choices).split(','));
    }
  }
  if (!order) throw new Error('the log has no start entry');
  const lines = order.map((q) => `${q}=${[...new Set(answers.get(q) ?? [])].sort().join(',')}\n`);
  return sha256Hex(lines.join(''));
}

/** The key a receipt names: its keyId, else (a receipt from before key ids) the id of the key it carries. */
export async function receiptKeyId(receipt) {
  if (typeof receipt.keyId === 'string') return receipt.keyId;
  try {
    return await keyIdOf(receipt.publicKey);
  } catch {
    return '';
  }
}

/** Whether `key` covers an instant: validFrom ≤ at < validUntil (no end for the current key). */
export function covers(key, at) {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return false;
  return t >= Date.parse(key.validFrom) && (key.validUntil == null || t < Date.parse(key.validUntil));
}

/**
 * Every check of a receipt with its log and the published key list. `log` is the JSON of GET …/log (or the bare
 * array of entries), `keys` the JSON of /.well-known/emtihan-receipt-keys.json.
 */
export async function checkReceipt(receipt, log, keys) {
  const out = [];
  const text = signedText(receipt);
  if (receipt.signedText !== undefined) out.push({ check: 'signed-text', ok: receipt.signedText === text });
  const keyId = await receiptKeyId(receipt);
  const list = Array.isArray(keys?.keys) ? keys.keys : [];
  const key = list.find((k) => k.keyId === keyId && k.algorithm === 'Ed25519');
  // the listed key must really be the key its id names
  const genuine = key ? (await keyIdOf(key.publicKey)) === keyId : false;
  out.push({ check: 'key-known', ok: genuine, keyId });
  out.push({
    check: 'key-period',
    ok: genuine && covers(key, receipt.submittedAt),
    keyId,
    validFrom: key?.validFrom ?? null,
    validUntil: key?.validUntil ?? null,
    submittedAt: receipt.submittedAt,
  });
  let valid = false;
  if (genuine) {
    try {
      const k = await subtle().importKey('spki', fromBase64(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
      valid = await subtle().verify({ name: 'Ed25519' }, k, fromBase64(receipt.signature), encoder.encode(text));
    } catch (err) {
      if (err?.name === 'NotSupportedError') throw err;
      valid = false;
    }
  }
  out.push({ check: 'signature', ok: valid });
  const entries = (Array.isArray(log) ? log : (log?.entries ?? [])).map(String);
  if (!Array.isArray(log) && log?.attemptId !== undefined)
    out.push({ check: 'log-attempt', ok: log.attemptId === receipt.attemptId });
  out.push({
    check: 'events',
    ok: entries.length === Number(receipt.events),
    found: entries.length,
    expected: Number(receipt.events),
  });
  const { head } = await chain(receipt.attemptId, entries);
  out.push({ check: 'chain', ok: head === receipt.chainHead, found: head, expected: receipt.chainHead });
  let digest = null;
  try {
    digest = await answersDigest(entries);
  } catch {
    digest = null;
  }
  out.push({ check: 'digest', ok: digest === receipt.answersDigest, found: digest, expected: receipt.answersDigest });
  return out;
}

/** The ticket one draw gives: HMAC-SHA256(seed, message) as a big-endian integer, mod the tickets available. */
export async function drawTicket(seedBytes, sittingId, studentId, drawNumber, word, available) {
  const message = encoder.encode(['emtihan-ticket-v1', sittingId, studentId, String(drawNumber), word].join('\n'));
  const mac = await hmacSha256(seedBytes, message);
  const index = Number(BigInt(`0x${toHex(mac)}`) % BigInt(available.length));
  return { message, mac, index, ticket: available[index] };
}

/**
 * A closed sitting's draws (the JSON of GET /sittings/{id}/draws): the seed against the commitment, then each draw
 * replayed in order. A draw whose student or word is withheld is not checkable, but its ticket leaves the pool.
 */
export async function checkDraws(doc) {
  if (typeof doc?.seed !== 'string') return [{ check: 'seed-revealed', ok: false }];
  let seed;
  try {
    seed = fromHex(doc.seed);
  } catch {
    seed = new Uint8Array();
  }
  const committed = seed.length === 32 && (await sha256Hex(seed)) === String(doc.commitment ?? '').toLowerCase();
  const out = [{ check: 'commitment', ok: committed, commitment: doc.commitment }];
  if (!committed) return out;
  const tickets = [...new Set((doc.tickets ?? []).map(Number))].sort((a, b) => a - b);
  const draws = [...(doc.draws ?? [])]
    .map((d) => ({ ...d, drawNumber: d.drawNumber ?? d.position }))
    .sort((a, b) => a.drawNumber - b.drawNumber);
  const before = [];
  for (const d of draws) {
    if (typeof d.studentId !== 'string' || typeof d.word !== 'string') {
      out.push({ check: 'draw', ok: null, drawNumber: d.drawNumber, ticket: d.ticket });
    } else {
      const taken = new Set(
        before.filter((p) => !doc.withReplacement || p.studentId === d.studentId).map((p) => p.ticket),
      );
      const available = tickets.filter((n) => !taken.has(n));
      const ticket =
        available.length === 0
          ? null
          : (await drawTicket(seed, doc.sittingId, d.studentId, d.drawNumber, d.word, available)).ticket;
      out.push({
        check: 'draw',
        ok: ticket === d.ticket,
        drawNumber: d.drawNumber,
        ticket: d.ticket,
        recomputed: ticket,
      });
    }
    before.push(d);
  }
  return out;
}
