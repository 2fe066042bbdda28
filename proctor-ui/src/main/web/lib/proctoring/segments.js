/**
 * Segment numbers per recorded stream (camera, screen), from 0, kept in the tab's sessionStorage so that
 * a reload goes on with the next number instead of writing over a segment already uploaded (the server
 * refuses other bytes under a chunk number it has: 409 chunk-conflict).
 */
export class SegmentCounter {
  /** storage: a Web Storage (sessionStorage) or null; key: where the next numbers are kept. */
  constructor(storage, key) {
    this.storage = storage;
    this.key = key;
    this.nextNumbers = this.load();
  }

  load() {
    try {
      const kept = JSON.parse(this.storage?.getItem(this.key) ?? '{}');
      const out = {};
      for (const [stream, n] of Object.entries(kept ?? {})) {
        if (Number.isInteger(n) && n >= 0) out[stream] = n;
      }
      return out;
    } catch {
      return {};
    }
  }

  /**
   * Never hands out a number below n for stream: the server's `nextSegments` cover a new tab or browser,
   * whose sessionStorage is empty, so it does not reuse a segment number already uploaded.
   */
  atLeast(stream, n) {
    if (Number.isInteger(n) && n > this.peek(stream)) this.nextNumbers[stream] = n;
  }

  /** The number the next segment of stream will get, without taking it. */
  peek(stream) {
    return this.nextNumbers[stream] ?? 0;
  }

  /** Takes the next segment number of stream and remembers that it is used. */
  next(stream) {
    const n = this.peek(stream);
    this.nextNumbers[stream] = n + 1;
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.nextNumbers));
    } catch {
      // not kept across a reload; numbering still goes on in this page
    }
    return n;
  }
}
