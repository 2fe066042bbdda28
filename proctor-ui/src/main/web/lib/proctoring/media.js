/**
 * Getting the camera, the microphone and the entire screen, the same way on the pre-check and the attempt
 * page (streams cannot be handed from one page to the next, so the attempt page asks again). Each function
 * resolves with {stream, result} or {stream: null, result}, where result is the verdict of
 * precheck-rules.js, so both pages explain a refusal with the same words.
 */

import { browserCheck, cameraCheck, screenCheck } from './precheck-rules.js';

/** What this browser offers, as facts for browserCheck. */
export function browserFacts(cameraMime = 'video/webm;codecs=vp8') {
  const recorder = typeof globalThis.MediaRecorder === 'function';
  let vp8 = false;
  try {
    vp8 =
      recorder &&
      MediaRecorder.isTypeSupported('video/webm;codecs=vp8') &&
      (!cameraMime || MediaRecorder.isTypeSupported(cameraMime) || MediaRecorder.isTypeSupported('video/webm'));
  } catch {
    vp8 = false;
  }
  const media = globalThis.navigator?.mediaDevices;
  return {
    mediaRecorder: recorder,
    vp8,
    getUserMedia: typeof media?.getUserMedia === 'function',
    getDisplayMedia: typeof media?.getDisplayMedia === 'function',
    webSocket: typeof globalThis.WebSocket === 'function',
    peerConnection: typeof globalThis.RTCPeerConnection === 'function',
  };
}

/** The browser check for an exam's needs. */
export function checkBrowser(needs, settings) {
  return browserCheck(browserFacts(settings?.recorders?.camera?.mimeType), needs);
}

/** Stops every track of the streams given (null ones are skipped). */
export function stopStreams(...streams) {
  for (const stream of streams) for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * Camera (and microphone when needs.audio) at the recorder's size. → {stream, result}.
 * The stream is stopped again when it lacks a track the exam needs.
 */
export async function openCamera(needs, settings) {
  const r = settings?.recorders?.camera ?? {};
  const video = {
    width: { ideal: r.width ?? 640 },
    height: { ideal: r.height ?? 360 },
    frameRate: { ideal: r.frameRate ?? 15 },
    facingMode: 'user',
  };
  let stream = null;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video, audio: needs.audio });
  } catch (err) {
    return { stream: null, result: cameraCheck({ error: err?.name ?? 'Error' }, needs) };
  }
  const result = cameraCheck(
    {
      error: null,
      videoTracks: stream.getVideoTracks().filter((t) => t.readyState === 'live').length,
      audioTracks: stream.getAudioTracks().filter((t) => t.readyState === 'live').length,
    },
    needs,
  );
  if (result.status !== 'pass') {
    stopStreams(stream);
    return { stream: null, result };
  }
  return { stream, result };
}

/**
 * The entire screen. Must be called straight from a click (browsers want a user gesture for it, so no
 * await may come before it in the handler). A window or a tab is refused and stopped. → {stream, result}.
 */
export function openScreen(needs, settings) {
  const r = settings?.recorders?.screen ?? {};
  let asking;
  try {
    asking = navigator.mediaDevices.getDisplayMedia({
      video: {
        displaySurface: 'monitor',
        width: { ideal: r.width ?? 1280 },
        height: { ideal: r.height ?? 720 },
        frameRate: { ideal: r.frameRate ?? 5, max: Math.max(r.frameRate ?? 5, 5) },
      },
      audio: false,
      monitorTypeSurfaces: 'include',
      selfBrowserSurface: 'exclude',
      surfaceSwitching: 'exclude',
    });
  } catch (err) {
    asking = Promise.reject(err);
  }
  return asking.then(
    (stream) => {
      const track = stream.getVideoTracks()[0];
      const result = screenCheck({ error: null, displaySurface: track?.getSettings?.().displaySurface }, needs);
      if (result.status !== 'pass') {
        stopStreams(stream);
        return { stream: null, result };
      }
      return { stream, result };
    },
    (err) => ({ stream: null, result: screenCheck({ error: err?.name ?? 'Error' }, needs) }),
  );
}

/** window.screen.isExtended where the browser has it, else undefined. */
export function screenIsExtended() {
  const screen = globalThis.window?.screen;
  return screen && 'isExtended' in screen ? Boolean(screen.isExtended) : undefined;
}

/**
 * The video's current frame as a JPEG Blob. With width and height the frame is fitted into that size
 * whole (letterboxed, never stretched: a face detector wants true proportions); without them it keeps the
 * video's own size, at most maxSide on its longer side.
 */
export function captureJpeg(video, { width = null, height = null, quality = 0.8, maxSide = 1280 } = {}) {
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  if (!vw || !vh) return Promise.resolve(null);
  const canvas = document.createElement('canvas');
  let dx = 0;
  let dy = 0;
  let dw;
  let dh;
  if (width && height) {
    canvas.width = width;
    canvas.height = height;
    const scale = Math.min(width / vw, height / vh);
    dw = Math.round(vw * scale);
    dh = Math.round(vh * scale);
    dx = Math.round((width - dw) / 2);
    dy = Math.round((height - dh) / 2);
  } else {
    const scale = Math.min(1, maxSide / Math.max(vw, vh));
    canvas.width = dw = Math.round(vw * scale);
    canvas.height = dh = Math.round(vh * scale);
  }
  const context = canvas.getContext('2d');
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(video, dx, dy, dw, dh);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** A chosen image file (JPEG or PNG) as a JPEG of at most maxSide pixels, its orientation applied. */
export async function imageFileToJpeg(file, { maxSide = 1600, quality = 0.9 } = {}) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close?.();
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}
