/**
 * The side panel of the proctor's dashboard (pages/proctor/proctor.js), opened from a student's tile: the identity
 * photos side by side with approve / reject, a live view of camera and screen over WebRTC
 * (lib/proctoring/peers.js, or lib/proctoring/kurento.js through a media server), the flags, a message to the
 * student, and stopping the attempt for a breach (6.14, after a confirmation), with a link to the review page.
 * The page hands preparePanel() its socket's send and whether a media server relays the live view, and passes
 * on the live events about the open student (addPanelFlag, loadIdentity, drawPanelFacts, showWatch).
 *
 * For tests: #panel[data-attempt], #watch-state[data-watch].
 */

import { h } from '../../lib/dom.js';
import { formatCountdown, formatNumber, formatTime, t } from '../../lib/i18n.js';
import { iceServers } from '../../lib/live.js';
import { KurentoViewer } from '../../lib/proctoring/kurento.js';
import { Watcher } from '../../lib/proctoring/peers.js';
import {
  decideIdentity,
  flagsOf,
  identityOf,
  identityPhoto,
  messageStudent,
  terminateAttempt,
} from '../../lib/api/proctoring.js';
import { at, clock, draw, kindName, summarise } from './tiles.js';
import { $, clearError, showError, showProblems } from '../../lib/staff.js';

const WATCH_TIMEOUT = 15000;

export const panel = { row: null, watcher: null, watchTimer: null, urls: [] };

/** From the page: send(message) on its live socket, mediaServer() whether a Kurento Media Server relays the view. */
let socket = { send: () => {}, mediaServer: () => false };

export function preparePanel(page) {
  socket = page;
  const dialog = $('panel');
  $('panel-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', closePanel);
  $('identity-approve').addEventListener('click', () => decide(true));
  $('identity-reject').addEventListener('click', () => decide(false));
  $('watch-start').addEventListener('click', startWatching);
  $('watch-stop').addEventListener('click', () => stopWatching(true));
  $('message-form').addEventListener('submit', sendMessage);
  $('terminate-form').addEventListener('submit', askTerminate);
  $('terminate-cancel').addEventListener('click', () => $('terminate-confirm').close());
  $('terminate-confirm-button').addEventListener('click', terminate);
}

export function openPanel(row) {
  panel.row = row;
  const dialog = $('panel');
  dialog.dataset.attempt = row.attemptId ?? '';
  dialog.dataset.student = row.studentId;
  $('panel-heading').textContent = row.name;
  const started = Boolean(row.attemptId);
  $('panel-not-started').hidden = started;
  $('panel-review').hidden = !started;
  if (started) $('panel-review').href = `review.html?attempt=${encodeURIComponent(row.attemptId)}`;
  for (const id of [
    'identity-error',
    'identity-done',
    'message-error',
    'message-done',
    'terminate-error',
    'terminate-done',
  ]) {
    const box = $(id);
    box.hidden = true;
    box.replaceChildren();
  }
  $('identity-reason').value = '';
  $('message-text').value = '';
  $('terminate-reason').value = '';
  for (const section of dialog.querySelectorAll('.drawer-section')) section.hidden = !started;
  drawPanelFacts(row);
  showWatch('idle');
  dialog.showModal();
  $('panel-heading').focus();
  if (started) {
    loadIdentity(row);
    loadFlags(row);
  }
}

function closePanel() {
  stopWatching(true);
  for (const url of panel.urls) URL.revokeObjectURL(url);
  panel.urls = [];
  const row = panel.row;
  panel.row = null;
  row?.el.open.focus();
}

export function drawPanelFacts(row) {
  const parts = [t(`status.${row.status}`)];
  if (row.status === 'in-progress' && row.deadline) {
    parts.push(t('staff.proctor.timeLeft', { time: formatCountdown(Math.max(0, row.deadline - clock.now())) }));
  }
  parts.push(t(row.connected ? 'staff.progress.connected' : 'staff.progress.notConnected'));
  parts.push(t('staff.proctor.riskOf', { risk: row.risk ?? 0 }));
  const text = parts.join(' · ');
  if ($('panel-facts').textContent !== text) $('panel-facts').textContent = text;
  const open = row.status === 'in-progress';
  $('watch-start').disabled = !open || !row.connected;
  $('message-send').disabled = !open;
  $('terminate-open').disabled = !open;
}

export async function loadIdentity(row) {
  const status = $('panel-identity-status');
  const photos = $('panel-identity-photos');
  const form = $('identity-form');
  try {
    const view = await identityOf(row.attemptId);
    if (panel.row !== row) return;
    $('panel-identity').dataset.identity = view.status;
    status.replaceChildren(
      h('span', { class: `badge identity-${view.status}`, text: t(`staff.identity.${view.status}`) }),
      view.decision
        ? ` ${t(view.decision.approved ? 'staff.proctor.approvedBy' : 'staff.proctor.rejectedBy', {
            by: view.decision.byName ?? view.decision.by ?? '', // issue 15 (2)
            time: view.decision.at ? formatTime(new Date(view.decision.at)) : '',
            reason: view.decision.reason ?? '',
          })}`
        : '',
    );
    const submitted = Boolean(view.submittedAt);
    photos.hidden = !submitted;
    form.hidden = !submitted;
    $('panel-similarity').hidden = !submitted;
    if (!submitted) return;
    $('panel-similarity').textContent =
      view.similarity === null || view.similarity === undefined
        ? t('staff.proctor.noModel')
        : t('staff.proctor.similarity', { value: formatNumber(view.similarity, 2) });
    const [face, document] = await Promise.all([
      identityPhoto(row.attemptId, 'face'),
      identityPhoto(row.attemptId, 'document'),
    ]);
    if (panel.row !== row) return;
    for (const [img, blob] of [
      [$('panel-face'), face],
      [$('panel-document'), document],
    ]) {
      const url = URL.createObjectURL(blob);
      panel.urls.push(url);
      img.src = url;
    }
  } catch (err) {
    if (panel.row === row) showError($('identity-error'), err);
  }
}

async function decide(approved) {
  const row = panel.row;
  if (!row) return;
  const reason = $('identity-reason').value.trim();
  clearError($('identity-error'));
  $('identity-done').hidden = true;
  if (!approved && !reason) {
    $('identity-reason').setAttribute('aria-invalid', 'true');
    showProblems($('identity-error'), t('staff.proctor.needReason'), []);
    $('identity-reason').focus();
    return;
  }
  $('identity-reason').removeAttribute('aria-invalid');
  try {
    const view = await decideIdentity(row.attemptId, approved, reason);
    row.identityStatus = view.status ?? (approved ? 'approved' : 'rejected');
    draw(row);
    summarise();
    $('identity-done').textContent = t(approved ? 'staff.proctor.approved' : 'staff.proctor.rejected');
    $('identity-done').hidden = false;
    loadIdentity(row);
  } catch (err) {
    showError($('identity-error'), err);
  }
}

async function loadFlags(row) {
  try {
    const list = await flagsOf(row.attemptId);
    if (panel.row !== row) return;
    $('panel-flags').replaceChildren();
    for (const flag of list) addPanelFlag(flag);
    $('panel-flags-none').hidden = list.length > 0;
  } catch {
    $('panel-flags-none').hidden = false;
  }
}

export function addPanelFlag(flag) {
  const when = at(flag.at);
  $('panel-flags').prepend(
    h(
      'li',
      { class: `flag-item flag-${flag.severity ?? 'medium'}`, 'data-kind': flag.kind },
      h('span', { class: 'flag-time', text: when ? formatTime(new Date(when)) : '' }),
      ' ',
      h('strong', { text: kindName(flag.kind) }),
      ' ',
      flag.missing
        ? h('span', { 'data-missing': flag.missing, text: `(${t(`staff.evidence.${flag.missing}`)}) ` })
        : null,
      h('span', { class: 'muted', text: t(`staff.severity.${flag.severity ?? 'medium'}`) }),
      flag.insufficientEvidence ? h('span', { class: 'muted', text: ` · ${t('staff.proctor.unclear')}` }) : null,
    ),
  );
  $('panel-flags-none').hidden = true;
}

// Live view

export function showWatch(state) {
  const box = $('watch-state');
  box.dataset.watch = state;
  box.textContent = state === 'idle' ? '' : t(`staff.proctor.watch.${state}`);
  const watching = state === 'connecting' || state === 'live';
  $('watch-start').hidden = watching;
  $('watch-stop').hidden = !watching;
  $('watch-videos').hidden = !(state === 'live' || state === 'connecting');
}

async function startWatching() {
  const row = panel.row;
  if (!row?.attemptId) return;
  stopWatching(false);
  const config = { iceServers: await iceServers() };
  if (panel.row !== row) return; // another student was chosen meanwhile
  const videos = { camera: $('watch-camera'), screen: $('watch-screen') };
  const View = socket.mediaServer() ? KurentoViewer : Watcher;
  panel.watcher = new View({
    attemptId: row.attemptId,
    config,
    // browser-to-browser: a signal to the student's page; with a media server, the viewer sends whole messages
    send: socket.mediaServer()
      ? (message) => socket.send(message)
      : (data) => socket.send({ type: 'signal', attemptId: row.attemptId, data }),
    onStreams: (streams) => {
      for (const which of ['camera', 'screen']) {
        if (streams[which] && videos[which].srcObject !== streams[which]) {
          videos[which].srcObject = streams[which];
          videos[which].play().catch(() => {});
        }
      }
    },
    onState: (state) => {
      if (state === 'live' || state === 'failed') clearTimeout(panel.watchTimer);
      showWatch(state);
    },
  });
  panel.watcher.start();
  clearTimeout(panel.watchTimer);
  panel.watchTimer = setTimeout(() => {
    if ($('watch-state').dataset.watch === 'connecting') {
      stopWatching(true);
      showWatch('no-answer');
    }
  }, WATCH_TIMEOUT);
}

function stopWatching(tell) {
  clearTimeout(panel.watchTimer);
  const watcher = panel.watcher;
  panel.watcher = null;
  watcher?.close(tell);
  for (const id of ['watch-camera', 'watch-screen']) $(id).srcObject = null;
  if (watcher) showWatch('idle');
}

// Message and termination

async function sendMessage(event) {
  event.preventDefault();
  const row = panel.row;
  const input = $('message-text');
  const text = input.value.trim();
  clearError($('message-error'));
  $('message-done').hidden = true;
  if (!text) {
    input.setAttribute('aria-invalid', 'true');
    showProblems($('message-error'), t('staff.proctor.needMessage'), []);
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  try {
    const sent = await messageStudent(row.attemptId, text);
    $('message-done').textContent = t('staff.proctor.messageSent', {
      time: formatTime(new Date(at(sent.at) ?? clock.now())),
    });
    $('message-done').hidden = false;
    input.value = '';
  } catch (err) {
    showError($('message-error'), err);
  }
}

function askTerminate(event) {
  event.preventDefault();
  const input = $('terminate-reason');
  clearError($('terminate-error'));
  if (!input.value.trim()) {
    input.setAttribute('aria-invalid', 'true');
    showProblems($('terminate-error'), t('staff.proctor.needReason'), []);
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  $('terminate-confirm-text').textContent = t('staff.proctor.confirmText', {
    student: panel.row.name,
    reason: input.value.trim(),
  });
  $('terminate-confirm').showModal();
  $('terminate-cancel').focus();
}

async function terminate() {
  $('terminate-confirm').close();
  const row = panel.row;
  if (!row) return;
  try {
    const result = await terminateAttempt(row.attemptId, $('terminate-reason').value.trim());
    row.status = result.status ?? 'terminated';
    stopWatching(false);
    draw(row);
    drawPanelFacts(row);
    summarise();
    $('terminate-done').textContent = t('staff.proctor.terminated');
    $('terminate-done').hidden = false;
  } catch (err) {
    showError($('terminate-error'), err);
  }
}
