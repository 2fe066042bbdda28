/**
 * Playing an attempt's recording on the review page. The recording of a stream is a list of standalone
 * WebM segments {segment, startsAt, seconds, url}; a moment t is found in the segment whose
 * startsAt <= t < startsAt + seconds, and playing goes on into the next segment when one ends.
 *
 * segmentAt and nextAfter are pure (tested in Node); SegmentPlayer drives a <video> element.
 */

/** The segments sorted by start, with startsAt as ms and seconds as a number. */
export function plan(segments) {
  return (segments ?? [])
    .map((s) => ({ ...s, start: Date.parse(s.startsAt), seconds: Number(s.seconds) || 0 }))
    .filter((s) => !Number.isNaN(s.start))
    .sort((a, b) => a.start - b.start || a.segment - b.segment);
}

/**
 * The segment that holds instant t (ms) and the offset into it in seconds, or null when nothing was
 * recorded then. When two segments overlap (a reload starts a new one before the old one's end is
 * known), the later start wins.
 */
export function segmentAt(planned, t) {
  let found = null;
  for (const s of planned) {
    if (s.start <= t && t < s.start + s.seconds * 1000) found = s;
  }
  return found ? { segment: found, offset: (t - found.start) / 1000 } : null;
}

/** The first segment starting at or after instant t (ms), to offer when t falls in a gap; or null. */
export function firstAfter(planned, t) {
  return planned.find((s) => s.start >= t) ?? null;
}

/** The segment played after current, or null at the end. */
export function nextAfter(planned, current) {
  const index = planned.findIndex((s) => s.segment === current.segment && s.start === current.start);
  return index >= 0 && index + 1 < planned.length ? planned[index + 1] : null;
}

/** Waits for one event of target, or rejects on the media element's error; resolves after timeoutMs anyway. */
function once(target, type, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    const done = (fn, value) => {
      clearTimeout(timer);
      target.removeEventListener(type, onEvent);
      target.removeEventListener('error', onError);
      fn(value);
    };
    const onEvent = (event) => done(resolve, event);
    const onError = () => done(reject, target.error ?? new Error('media error'));
    const timer = setTimeout(() => done(resolve, null), timeoutMs);
    target.addEventListener(type, onEvent);
    target.addEventListener('error', onError);
  });
}

/**
 * Plays one stream (camera or screen) of an attempt in a <video>. fetchSegment(segment) → Promise<Blob>
 * (with the bearer token); onStatus({state: 'empty'|'loading'|'playing'|'gap'|'error', segment, message}).
 * Keeps a few blob URLs so that moving back and forth does not fetch again; releases the rest.
 */
export class SegmentPlayer {
  constructor(video, segments, fetchSegment, onStatus = () => {}, keep = 4) {
    this.video = video;
    this.planned = plan(segments);
    this.fetchSegment = fetchSegment;
    this.onStatus = onStatus;
    this.keep = keep;
    this.urls = new Map(); // segment key → blob URL, oldest first
    this.current = null;
    this.loading = 0;
    this.busy = false;
    // a stale 'ended' from the seek to the end (finding the duration) is not the end of playing
    video.addEventListener('ended', () => {
      if (!this.busy && video.currentTime >= (video.duration || 0) - 0.5) this.playNext();
    });
    onStatus({ state: this.planned.length === 0 ? 'empty' : 'idle', segment: null });
  }

  get empty() {
    return this.planned.length === 0;
  }

  /** The recording's first instant (ms), or null. */
  get firstStart() {
    return this.planned[0]?.start ?? null;
  }

  /** Shows instant t (ms): loads its segment and seeks into it; play: start playing there. */
  async seek(t, play = true) {
    const hit = segmentAt(this.planned, t);
    if (!hit) {
      const next = firstAfter(this.planned, t);
      this.onStatus({ state: 'gap', segment: next, at: t });
      return false;
    }
    return this.show(hit.segment, hit.offset, play);
  }

  async show(segment, offset, play) {
    const ticket = ++this.loading;
    this.onStatus({ state: 'loading', segment });
    this.busy = true;
    try {
      if (this.current !== segment) {
        const url = await this.urlOf(segment);
        if (ticket !== this.loading) return false;
        this.current = segment;
        this.video.src = url;
        await once(this.video, 'loadedmetadata');
        // MediaRecorder's WebM has no duration in its header: seeking past the end makes the browser find it
        if (this.video.duration === Infinity || Number.isNaN(this.video.duration)) {
          const known = once(this.video, 'durationchange');
          this.video.currentTime = 1e101;
          await known;
        }
      }
      if (ticket !== this.loading) return false;
      const limit = Number.isFinite(this.video.duration) ? Math.max(0, this.video.duration - 0.05) : offset;
      this.video.currentTime = Math.min(offset, limit);
      await once(this.video, 'seeked', 5000);
      if (play) await this.video.play().catch(() => {});
      this.onStatus({ state: 'playing', segment });
      return true;
    } catch (err) {
      if (ticket === this.loading) this.onStatus({ state: 'error', segment, message: err?.message ?? String(err) });
      return false;
    } finally {
      if (ticket === this.loading) this.busy = false;
    }
  }

  async playNext() {
    if (!this.current) return;
    const next = nextAfter(this.planned, this.current);
    if (next) await this.show(next, 0, true);
  }

  async urlOf(segment) {
    const key = `${segment.segment}@${segment.start}`;
    if (this.urls.has(key)) {
      const url = this.urls.get(key);
      this.urls.delete(key);
      this.urls.set(key, url); // most recently used last
      return url;
    }
    const url = URL.createObjectURL(await this.fetchSegment(segment));
    this.urls.set(key, url);
    while (this.urls.size > this.keep) {
      const [oldKey, oldUrl] = this.urls.entries().next().value;
      if (oldUrl === this.video.src) break;
      this.urls.delete(oldKey);
      URL.revokeObjectURL(oldUrl);
    }
    return url;
  }

  /** Releases every blob URL (the page is left). */
  release() {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}
