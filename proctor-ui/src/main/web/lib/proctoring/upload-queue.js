/**
 * The recording's way to the server: every chunk a MediaRecorder hands over is queued and sent with
 * PUT …/recordings/{stream}/{segment}/{chunk}, in order per stream, one request per stream at a time.
 *
 * A lost connection, a 5xx (507 storage-full included) or a 429 keeps the chunk at the head of its stream
 * and retries it with back-off (1 s doubling to 30 s); nothing behind it overtakes it. A resend is harmless:
 * the server acknowledges a chunk it already has. A 409 chunk-conflict, a 413 or any other refusal cannot
 * succeed by sending again: it is logged and skipped. Unsent chunks wait in memory up to maxBytes (50 MB);
 * beyond that the oldest waiting chunk is dropped with a console warning, so a long outage cannot exhaust
 * the browser's memory.
 */

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;
export const MAX_QUEUED_BYTES = 50 * 1024 * 1024;

/** True for a failure worth sending again: no connection, server trouble, or too many uploads for now. */
export function retryable(error) {
  const status = error?.status ?? 0;
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

export class ChunkQueue {
  /**
   * put(item) → Promise; rejects with an error carrying status (0 for no connection) and code.
   * item: {stream, segment, chunk, blob, segmentStart}. onChange() runs after every change of what waits.
   */
  constructor({
    put,
    maxBytes = MAX_QUEUED_BYTES,
    retryFirstMs = RETRY_FIRST_MS,
    retryMaxMs = RETRY_MAX_MS,
    log = console,
    onChange = () => {},
  }) {
    this.put = put;
    this.maxBytes = maxBytes;
    this.retryFirstMs = retryFirstMs;
    this.retryMaxMs = retryMaxMs;
    this.log = log;
    this.onChange = onChange;
    this.streams = new Map(); // stream → {items: [], inflight, timer, failures}
    this.order = 0;
    this.queuedBytes = 0;
    this.closed = false;
    this.waiters = [];
    this.sent = 0;
    this.skipped = 0;
    this.dropped = 0;
  }

  lane(stream) {
    let lane = this.streams.get(stream);
    if (!lane) {
      lane = { items: [], inflight: false, timer: null, failures: 0 };
      this.streams.set(stream, lane);
    }
    return lane;
  }

  /** Chunks not yet acknowledged (including those being sent). */
  get pending() {
    let n = 0;
    for (const lane of this.streams.values()) n += lane.items.length;
    return n;
  }

  /** Bytes of the chunks not yet acknowledged. */
  get bytes() {
    return this.queuedBytes;
  }

  /** True while some chunk waits for a retry (the connection or the server is in trouble). */
  get retrying() {
    for (const lane of this.streams.values()) if (lane.timer !== null) return true;
    return false;
  }

  /** Queues a chunk behind the others of its stream and sends it when its turn comes. */
  add(item) {
    if (this.closed) return;
    const size = item.blob?.size ?? 0;
    const lane = this.lane(item.stream);
    lane.items.push({ ...item, size, order: this.order++ });
    this.queuedBytes += size;
    this.trim();
    this.onChange();
    this.pump(item.stream);
  }

  /** Drops the oldest waiting chunks (never one being sent) until the queue fits in maxBytes. */
  trim() {
    while (this.queuedBytes > this.maxBytes) {
      let oldest = null;
      for (const lane of this.streams.values()) {
        const index = lane.inflight ? 1 : 0;
        const candidate = lane.items[index];
        if (candidate && (!oldest || candidate.order < oldest.item.order)) oldest = { lane, index, item: candidate };
      }
      if (!oldest) return;
      oldest.lane.items.splice(oldest.index, 1);
      this.queuedBytes -= oldest.item.size;
      this.dropped += 1;
      this.log.warn?.(
        `recording: memory for unsent chunks is full; dropped ${describe(oldest.item)} (${oldest.item.size} bytes)`,
      );
    }
  }

  pump(stream) {
    const lane = this.lane(stream);
    if (this.closed || lane.inflight || lane.timer !== null || lane.items.length === 0) {
      this.settle();
      return;
    }
    const item = lane.items[0];
    lane.inflight = true;
    Promise.resolve()
      .then(() => this.put(item))
      .then(
        () => this.done(stream, item, 'sent'),
        (error) => this.failed(stream, item, error),
      );
  }

  done(stream, item, how) {
    const lane = this.lane(stream);
    lane.inflight = false;
    lane.failures = 0;
    const index = lane.items.indexOf(item);
    if (index >= 0) {
      lane.items.splice(index, 1);
      this.queuedBytes -= item.size;
    }
    if (how === 'sent') this.sent += 1;
    else this.skipped += 1;
    this.onChange();
    this.pump(stream);
  }

  failed(stream, item, error) {
    if (!retryable(error)) {
      this.log.warn?.(
        `recording: ${describe(item)} refused (${error?.status ?? '?'} ${error?.code ?? ''}): ${error?.message ?? ''}; skipped`,
      );
      this.done(stream, item, 'skipped');
      return;
    }
    const lane = this.lane(stream);
    lane.inflight = false;
    lane.failures += 1;
    const wait = Math.min(this.retryMaxMs, this.retryFirstMs * 2 ** (lane.failures - 1));
    if (!this.closed) {
      lane.timer = setTimeout(() => {
        lane.timer = null;
        this.pump(stream);
      }, wait);
    }
    this.onChange();
    this.settle();
  }

  /** The connection is back: every stream waiting for a retry tries again now. */
  retryNow() {
    for (const [stream, lane] of this.streams) {
      if (lane.timer !== null) {
        clearTimeout(lane.timer);
        lane.timer = null;
        lane.failures = 0;
      }
      this.pump(stream);
    }
  }

  /** Resolves once nothing waits (every chunk acknowledged or skipped). */
  drained() {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  settle() {
    if (this.pending > 0 || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Stops sending and retrying; what waits is given up. */
  close() {
    this.closed = true;
    for (const lane of this.streams.values()) {
      clearTimeout(lane.timer);
      lane.timer = null;
    }
  }
}

function describe(item) {
  return `${item.stream} segment ${item.segment} chunk ${item.chunk}`;
}
