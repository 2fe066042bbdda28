/**
 * review.html?attempt=<attemptId>: reviewing a proctored attempt after the exam (issue 4). The attempt's facts,
 * its credibility score with what took points off and the formula, the identity photos, the camera and screen
 * recordings, and a timeline of events and flags (with the snapshots that are their evidence). Choosing a
 * moment on the timeline shows it in both recordings at once (lib/proctoring/playback.js finds the segment,
 * fetches it with the bearer token and seeks into it). The reviewer records a verdict (clean, suspicious,
 * violation) with a comment.
 *
 * For tests: <main data-state>, li.timeline-item[data-kind][data-type][data-at], .player-status[data-state],
 * #credibility-score[data-score], #verdict-current[data-verdict].
 */

import { ApiError } from '../../lib/api/client.js';
import { h, param, setState } from '../../lib/dom.js';
import { formatDateTime, formatNumber, formatTime, t, formatPercent } from '../../lib/i18n.js';
import { sessionExpired } from '../../lib/page.js';
import { SegmentPlayer } from '../../lib/proctoring/playback.js';
import { identityPhoto, mediaBlob, recordingsOf, reviewOf, submitReview } from '../../lib/api/proctoring.js';
import {
  $,
  clearError,
  fact,
  fill,
  hasRole,
  pageFailed,
  showError,
  showProblems,
  startStaffPage,
  statusBadge,
} from '../../lib/staff.js';
import { nameIn, person } from '../../lib/people.js';

const main = $('review');
const attemptId = param('attempt');
const EVIDENCE_PARALLEL = 4;
const players = {};
const urls = [];
let review = null;

async function start() {
  if (!startStaffPage()) return;
  if (!attemptId) {
    pageFailed(main, $('review-loading'), $('review-error'), new Error(t('staff.review.noAttempt')));
    return;
  }
  try {
    review = await reviewOf(attemptId);
    $('review-loading').hidden = true;
    render();
    $('review-body').hidden = false;
    $('verdict-form').addEventListener('submit', onVerdict);
    $('timeline-filter').addEventListener('change', applyFilter);
    $('play-start').addEventListener('click', playFromStart);
    window.addEventListener('pagehide', release, { once: true });
    setState(main, 'ready');
    loadRecordings();
    loadIdentityPhotos();
  } catch (err) {
    pageFailed(main, $('review-loading'), $('review-error'), err);
  }
}

function render() {
  const r = review;
  // issue 15 (2): people by name (studentName, people: id → name); the id stays in the facts, small and grey
  const student = r.studentName || r.studentId;
  $('review-heading').textContent = t('staff.review.headingOf', { student });
  document.title = t('staff.review.titleOf', { student });
  if (hasRole('proctor', 'teacher', 'admin') && r.examId) {
    $('back-link').href = `proctor.html?exam=${encodeURIComponent(r.examId)}`;
    $('back-link').textContent = t('staff.review.back');
  }
  const when = (iso) => (iso ? formatDateTime(iso) : '—');
  $('review-facts').replaceChildren(
    fact(t('staff.results.student'), person({ id: r.studentId, name: student }, true), { 'data-field': 'student' }),
    fact(t('staff.results.status'), statusBadge(r.status), { 'data-field': 'status', 'data-value': r.status }),
    fact(t('staff.review.started'), when(r.startedAt), { 'data-field': 'startedAt' }),
    fact(t('staff.review.deadline'), when(r.deadline), { 'data-field': 'deadline' }),
    fact(t('staff.review.finished'), when(r.finishedAt), { 'data-field': 'finishedAt' }),
    fact(t('staff.review.coverage'), percent(r.coverage), { 'data-field': 'coverage', 'data-value': r.coverage }),
  );
  renderCredibility(r.credibility ?? {});
  renderIdentity(r.identity ?? {});
  renderTimeline(r.timeline ?? []);
  renderVerdict(r);
}

function percent(fraction) {
  return fraction === null || fraction === undefined ? '—' : formatPercent(Number(fraction) * 100, 0);
}

function kindName(kind) {
  const key = `staff.flag.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
}

function eventName(type) {
  const key = `staff.event.${type}`;
  const text = t(key);
  return text === key ? type : text;
}

function renderCredibility(c) {
  const score = $('credibility-score');
  score.dataset.score = String(c.score ?? '');
  score.textContent = c.score === undefined || c.score === null ? '—' : formatNumber(c.score, 0);
  score.classList.toggle('low', (c.score ?? 100) < 70);
  const penalties = c.penalties ?? [];
  $('credibility-none').hidden = penalties.length > 0;
  $('credibility-penalties').replaceChildren(
    ...penalties.map((p) =>
      h('li', {}, h('strong', { text: `−${formatNumber(p.points ?? 0, 0)}` }), ' ', p.reason ?? ''),
    ),
  );
  $('credibility-formula').textContent = c.formula ?? '';
}

function renderIdentity(identity) {
  const status = identity.status ?? 'none';
  const decision = identity.decision;
  fill(
    $('review-identity-status'),
    h('span', { class: `badge identity-${status}`, text: t(`staff.identity.${status}`) }),
    decision
      ? ` ${t(decision.approved ? 'staff.proctor.approvedBy' : 'staff.proctor.rejectedBy', {
          by: decision.byName ?? nameIn(review.people, decision.by),
          time: decision.at ? formatDateTime(decision.at) : '',
          reason: decision.reason ?? '',
        })}`
      : null,
  );
  $('review-similarity').textContent = identity.submittedAt
    ? identity.similarity === null || identity.similarity === undefined
      ? t('staff.proctor.noModel')
      : t('staff.proctor.similarity', { value: formatNumber(identity.similarity, 2) })
    : '';
}

async function loadIdentityPhotos() {
  if (!review.identity?.submittedAt) return;
  try {
    const [face, document] = await Promise.all([
      identityPhoto(attemptId, 'face'),
      identityPhoto(attemptId, 'document'),
    ]);
    $('review-face').src = keep(URL.createObjectURL(face));
    $('review-document').src = keep(URL.createObjectURL(document));
    $('review-identity-photos').hidden = false;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) sessionExpired();
  }
}

function keep(url) {
  urls.push(url);
  return url;
}

// The timeline

function renderTimeline(items) {
  const list = $('timeline');
  const evidence = [];
  list.replaceChildren(
    ...items.map((item, index) => {
      const when = Date.parse(item.at);
      const isFlag = item.kind === 'flag';
      const what = isFlag ? kindName(item.type) : eventName(item.type);
      const seek = h(
        'button',
        {
          type: 'button',
          class: 'timeline-seek',
          'data-at': item.at,
          on: { click: () => seekBoth(when, seek) },
        },
        h('span', { class: 'timeline-time', text: formatTime(new Date(when)) }),
        h('span', { class: 'timeline-what', text: what }),
        // issue 15 (8): the name read out is the words seen plus what the button does (label-content-name-mismatch)
        h('span', { class: 'sr-only', text: ` — ${t('staff.review.seekTo')}` }),
      );
      const badge = isFlag
        ? h('span', {
            class: `badge severity-${item.severity ?? 'medium'}`,
            text: t(`staff.severity.${item.severity ?? 'medium'}`),
          })
        : null;
      const unclear = item.insufficientEvidence
        ? h('span', { class: 'muted small', text: t('staff.proctor.unclear') })
        : null;
      const detail = detailText(item);
      let image = null;
      if (item.evidence) {
        image = h('img', {
          class: 'evidence',
          alt: t('staff.review.evidenceAlt', { what, time: formatTime(new Date(when)) }),
          hidden: true,
        });
        evidence.push([image, item.evidence]);
      }
      return h(
        'li',
        {
          class: `timeline-item timeline-${item.kind}${isFlag ? ` severity-${item.severity ?? 'medium'}` : ''}`,
          'data-kind': item.kind,
          'data-type': item.type,
          'data-at': item.at,
          'data-severity': item.severity ?? '',
          'data-index': index,
        },
        h('div', { class: 'timeline-head' }, seek, badge, unclear),
        detail ? h('p', { class: 'timeline-detail', text: detail }) : null,
        image,
      );
    }),
  );
  $('timeline-none').hidden = items.length > 0;
  loadEvidence(evidence);
}

/** What the server recorded about an item, in a line: who did it and what they wrote. */
function detailText(item) {
  if (typeof item.detail === 'string') return item.detail;
  const d = item.detail ?? {};
  const parts = [];
  if (d.by) parts.push(t('staff.review.by', { by: nameIn(review?.people, d.by) }));
  for (const field of ['text', 'reason', 'comment', 'verdict']) {
    if (d[field]) parts.push(field === 'verdict' ? t(`staff.verdict.${d[field]}`) : `“${d[field]}”`);
  }
  if (Array.isArray(d.problems)) parts.push(d.problems.map((p) => p.message ?? p.error).join('; '));
  return parts.join(' · ');
}

function loadEvidence(queue) {
  let running = 0;
  const next = () => {
    while (running < EVIDENCE_PARALLEL && queue.length > 0) {
      const [img, url] = queue.shift();
      running += 1;
      mediaBlob(url)
        .then(
          (blob) => {
            img.src = keep(URL.createObjectURL(blob));
            img.hidden = false;
          },
          () => {},
        )
        .finally(() => {
          running -= 1;
          next();
        });
    }
  };
  next();
}

function applyFilter() {
  const filter = $('timeline-filter').value;
  let shown = 0;
  for (const item of $('timeline').children) {
    const show =
      !filter ||
      (filter === 'flag' && item.dataset.kind === 'flag') ||
      (filter === 'high' && item.dataset.kind === 'flag' && item.dataset.severity === 'high');
    item.hidden = !show;
    if (show) shown += 1;
  }
  $('timeline-none').hidden = shown > 0;
}

// The recordings

async function loadRecordings() {
  try {
    const recordings = await recordingsOf(attemptId);
    $('recordings-coverage').textContent = t('staff.review.coverageText', { percent: percent(recordings.coverage) });
    for (const stream of ['camera', 'screen']) {
      const status = $(`player-${stream}-status`);
      players[stream] = new SegmentPlayer(
        $(`player-${stream}`),
        recordings[stream] ?? [],
        (segment) =>
          mediaBlob(
            segment.url ?? `/attempts/${encodeURIComponent(attemptId)}/recordings/${stream}/${segment.segment}`,
          ),
        (s) => showPlayer(status, s),
      );
    }
  } catch (err) {
    showError($('recordings-error'), err);
  }
}

function showPlayer(box, s) {
  box.dataset.state = s.state;
  const segmentText = (segment) =>
    t('staff.review.segment', {
      n: segment.segment,
      time: formatTime(new Date(segment.start)),
    });
  switch (s.state) {
    case 'empty':
      box.textContent = t('staff.review.noRecording');
      break;
    case 'idle':
      box.textContent = '';
      break;
    case 'loading':
      box.textContent = t('staff.busy.loading');
      break;
    case 'playing':
      box.textContent = segmentText(s.segment);
      break;
    case 'gap':
      box.textContent = s.segment
        ? t('staff.review.gapNext', { time: formatTime(new Date(s.at)), next: formatTime(new Date(s.segment.start)) })
        : t('staff.review.gap', { time: formatTime(new Date(s.at)) });
      break;
    case 'error':
      box.textContent = t('staff.review.playError', { message: s.message ?? '' });
      break;
    default:
      box.textContent = '';
  }
}

/** Shows the moment in both recordings and marks the timeline item chosen. */
function seekBoth(when, button) {
  for (const item of $('timeline').querySelectorAll('[aria-current]')) item.removeAttribute('aria-current');
  button?.setAttribute('aria-current', 'true');
  for (const player of Object.values(players)) player.seek(when);
}

function playFromStart() {
  const starts = Object.values(players)
    .map((p) => p.firstStart)
    .filter((s) => s !== null);
  if (starts.length > 0) seekBoth(Math.min(...starts), null);
}

function release() {
  for (const player of Object.values(players)) player.release();
  for (const url of urls) URL.revokeObjectURL(url);
}

// The verdict

function renderVerdict(r) {
  const current = $('verdict-current');
  const v = r.verdict;
  current.dataset.verdict = v?.verdict ?? '';
  current.textContent = v
    ? t('staff.review.verdictBy', {
        verdict: t(`staff.verdict.${v.verdict}`),
        by: v.byName ?? nameIn(r.people, v.by),
        time: v.at ? formatDateTime(v.at) : '',
      }) + (v.comment ? ` “${v.comment}”` : '')
    : t('staff.review.noVerdict');
  if (v) {
    const radio = $(`verdict-${v.verdict}`);
    if (radio) radio.checked = true;
    $('verdict-comment').value = v.comment ?? '';
  }
  const open = r.status === 'in-progress' || r.status === 'not-started';
  $('verdict-open').hidden = !open;
  $('verdict-submit').disabled = open;
}

async function onVerdict(event) {
  event.preventDefault();
  const error = $('verdict-error');
  clearError(error);
  $('verdict-done').hidden = true;
  const chosen = $('verdict-form').querySelector('input[name="verdict"]:checked')?.value;
  const comment = $('verdict-comment').value.trim();
  const problems = [];
  if (!chosen) problems.push({ field: 'verdict', message: t('staff.review.needVerdict') });
  if (chosen && chosen !== 'clean' && !comment)
    problems.push({ field: 'comment', message: t('staff.review.needComment') });
  if (problems.some((p) => p.field === 'comment')) $('verdict-comment').setAttribute('aria-invalid', 'true');
  else $('verdict-comment').removeAttribute('aria-invalid');
  if (problems.length > 0) {
    showProblems(error, t('staff.newExam.fix'), problems);
    (chosen ? $('verdict-comment') : $('verdict-clean')).focus();
    return;
  }
  try {
    review = await submitReview(attemptId, chosen, comment);
    renderVerdict(review);
    renderCredibility(review.credibility ?? {});
    $('verdict-done').textContent = t('staff.review.saved');
    $('verdict-done').hidden = false;
  } catch (err) {
    showError(error, err);
  }
}

start();
