/**
 * Records one stream (camera with its microphone, or the screen's video) into standalone WebM segments.
 *
 * A MediaRecorder is started with start(chunkMillis) and replaced by a fresh one every segmentSeconds, so
 * that every segment begins with its own WebM header and plays on its own. Segment numbers come from a
 * SegmentCounter (kept across reloads); chunks are numbered from 0 within each segment, in the order the
 * recorder hands them over, and queued for upload with the server-clock instant the segment started
 * (X-Segment-Start). The old recorder's last chunk still goes to the old segment: each recorder keeps
 * its own numbers.
 */

export class StreamRecorder {
  /**
   * name: 'camera' | 'screen'; stream: the MediaStream to record (the screen's with video only: a recorder
   * given two video tracks silently records one); options: {mimeType, videoBitsPerSecond, audioBitsPerSecond};
   * counter: a SegmentCounter; queue: a ChunkQueue; now(): the server's clock in ms.
   */
  constructor({
    name,
    stream,
    options,
    chunkMillis,
    segmentSeconds,
    counter,
    queue,
    now,
    log = console,
    Recorder = globalThis.MediaRecorder,
  }) {
    this.name = name;
    this.stream = stream;
    this.options = recorderOptions(options, Recorder);
    this.chunkMillis = chunkMillis;
    this.segmentMillis = Math.max(5, Number(segmentSeconds) || 60) * 1000;
    this.counter = counter;
    this.queue = queue;
    this.now = now;
    this.log = log;
    this.Recorder = Recorder;
    this.current = null;
    this.timer = null;
    this.running = false;
    this.stopping = [];
  }

  /** Starts recording (a new segment). */
  start() {
    if (this.running) return;
    this.running = true;
    this.begin();
  }

  begin() {
    const segment = this.counter.next(this.name);
    const segmentStart = new Date(this.now()).toISOString();
    let recorder;
    try {
      recorder = new this.Recorder(this.stream, this.options);
    } catch (err) {
      this.log.warn?.(`recording ${this.name}: cannot start a recorder: ${err?.message ?? err}`);
      this.running = false;
      return;
    }
    let chunk = 0;
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    recorder.addEventListener('dataavailable', (event) => {
      if (!event.data || event.data.size === 0) return;
      this.queue.add({ stream: this.name, segment, chunk, blob: event.data, segmentStart });
      chunk += 1;
    });
    recorder.addEventListener('error', (event) => {
      this.log.warn?.(`recording ${this.name} segment ${segment}: ${event?.error?.message ?? 'recorder error'}`);
    });
    try {
      recorder.start(this.chunkMillis);
    } catch (err) {
      // the stream has ended (camera unplugged, sharing stopped): the page asks for it again
      this.log.warn?.(`recording ${this.name}: cannot start segment ${segment}: ${err?.message ?? err}`);
      this.running = false;
      return;
    }
    this.current = { recorder, segment, stopped };
    this.timer = setTimeout(() => this.rotate(), this.segmentMillis);
  }

  /** Ends the current segment and starts the next at once. */
  rotate() {
    this.timer = null;
    if (!this.running) return;
    const old = this.current;
    this.begin();
    this.finish(old);
  }

  finish(entry) {
    if (!entry) return Promise.resolve();
    if (entry.recorder.state !== 'inactive') {
      try {
        entry.recorder.stop(); // hands over the last chunk, then fires 'stop'
      } catch {
        return Promise.resolve();
      }
      return entry.stopped;
    }
    return Promise.resolve();
  }

  /** The segment being recorded now, or null. */
  get segment() {
    return this.current?.segment ?? null;
  }

  /** Stops recording; resolves once the last chunk is queued. */
  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = null;
    const entry = this.current;
    this.current = null;
    return this.finish(entry);
  }

  /** Goes on with another stream (the screen shared again): a new segment starts. */
  async switchTo(stream) {
    await this.stop();
    this.stream = stream;
    this.start();
  }
}

/** The recorder options the settings ask for, with a WebM fallback when the browser lacks the exact codecs. */
export function recorderOptions(options = {}, Recorder = globalThis.MediaRecorder) {
  const out = {};
  const supported = (type) => {
    try {
      return Boolean(Recorder?.isTypeSupported?.(type));
    } catch {
      return false;
    }
  };
  if (options.mimeType && supported(options.mimeType)) out.mimeType = options.mimeType;
  else if (supported('video/webm;codecs=vp8')) out.mimeType = 'video/webm;codecs=vp8';
  else if (supported('video/webm')) out.mimeType = 'video/webm';
  if (options.videoBitsPerSecond) out.videoBitsPerSecond = options.videoBitsPerSecond;
  if (options.audioBitsPerSecond) out.audioBitsPerSecond = options.audioBitsPerSecond;
  return out;
}
