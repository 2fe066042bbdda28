/**
 * The "Proctoring review" section of the result page (issue 4, item 6): once a reviewer has given a verdict,
 * the student sees the verdict and the flags of their own attempt, with the snapshots that are their evidence,
 * as the basis of an appeal. The engine answers only the attempt's student, and only once it is reviewed
 * (403 not-reviewed before); snapshots need the bearer token, so they are shown as blob URLs, revoked on pagehide.
 *
 * For tests: section[data-state] is hidden | loading | not-reviewed | reviewed | error; #my-verdict[data-verdict];
 * li.my-flag[data-kind][data-severity][data-at][data-insufficient]; img.my-flag-evidence once its snapshot loaded.
 */

import { ApiError, fetchBlob } from '../api/client.js';
import { attemptReview, getAttempt } from '../api/attempts.js';
import { h } from '../dom.js';
import { formatDateTime, formatTime, t, timeZoneName } from '../i18n.js';
import { isProctored } from './precheck-rules.js';

const SEVERITIES = ['low', 'medium', 'high'];
const EVIDENCE_PARALLEL = 4;

/**
 * The flags in the order they were raised (by instant, then by the server's id, f2 before f10), each with a
 * severity the page knows (medium when missing or unknown). A new array; flags without an instant go last.
 */
export function orderedFlags(flags) {
  const when = (f) => {
    const ms = Date.parse(f?.at ?? '');
    return Number.isNaN(ms) ? Infinity : ms;
  };
  return (Array.isArray(flags) ? flags : [])
    .filter((f) => f && typeof f === 'object')
    .map((f) => ({ ...f, severity: SEVERITIES.includes(f.severity) ? f.severity : 'medium' }))
    .sort((a, b) => {
      const apart = when(a) - when(b); // NaN when both have no instant
      return (
        (Number.isNaN(apart) ? 0 : apart) ||
        String(a.id ?? '').localeCompare(String(b.id ?? ''), undefined, { numeric: true })
      );
    });
}

/** What a failed GET …/review means for the section: 'not-reviewed' (no verdict yet) or 'error'. */
export function failureState(err) {
  return err instanceof ApiError && err.status === 403 && err.code === 'not-reviewed' ? 'not-reviewed' : 'error';
}

/** The student's words for a flag kind; an unknown kind as the engine names it. */
export function kindWords(kind) {
  const key = `myReview.flag.${kind}`;
  const text = t(key);
  return text === key ? String(kind ?? '') : text;
}

/**
 * Fills section (hidden in the markup) for attemptId. attempt: the attempt view when the page already has it
 * (it says whether the exam is proctored), else it is fetched. Never throws: a failure shows a quiet notice,
 * and the section stays hidden when it cannot tell whether the attempt was proctored.
 */
export async function showMyReview(section, attemptId, attempt = null) {
  const body = h('div', { class: 'my-review-body' });
  section.append(body);
  let view = attempt;
  try {
    view ??= await getAttempt(attemptId);
  } catch {
    return; // the result page already says what went wrong with the attempt
  }
  if (!isProctored(view?.proctoring)) return;
  setSectionState(section, 'loading');
  body.replaceChildren(h('p', { class: 'muted', text: t('app.loading') }));
  try {
    const review = await attemptReview(attemptId);
    const dialog = evidenceDialog();
    const evidence = [];
    body.replaceChildren(
      verdictBlock(review?.verdict ?? {}),
      ...flagsBlock(orderedFlags(review?.flags), dialog, evidence),
      h('p', { class: 'my-review-appeal', text: t('myReview.appeal') }),
      dialog.element,
    );
    setSectionState(section, 'reviewed');
    loadEvidence(evidence);
  } catch (err) {
    const state = failureState(err);
    setSectionState(section, state);
    body.replaceChildren(
      state === 'not-reviewed'
        ? h('p', { class: 'my-review-pending', text: t('myReview.notReviewed') })
        : h('p', { class: 'notice', text: t('myReview.unavailable') }),
    );
  }
}

function setSectionState(section, state) {
  section.dataset.state = state;
  section.hidden = state === 'hidden';
}

function verdictBlock(v) {
  const verdict = ['clean', 'suspicious', 'violation'].includes(v.verdict) ? v.verdict : '';
  const block = h(
    'div',
    { class: 'my-verdict', id: 'my-verdict', 'data-verdict': verdict },
    h(
      'p',
      { class: 'my-verdict-line' },
      h('span', { class: 'my-verdict-label', text: t('myReview.verdict') }),
      ' ',
      h('strong', {
        class: `my-verdict-value my-verdict-${verdict || 'unknown'}`,
        text: verdict ? t(`myReview.verdict.${verdict}`) : String(v.verdict ?? ''),
      }),
      v.at ? h('span', { class: 'muted', text: ` ${t('myReview.reviewedAt', { time: formatDateTime(v.at) })}` }) : null,
    ),
  );
  if (v.comment) {
    block.append(
      h('p', { class: 'my-verdict-comment-label', text: t('myReview.comment') }),
      h('blockquote', { class: 'my-verdict-comment', text: v.comment }),
    );
  }
  return block;
}

function flagsBlock(flags, dialog, evidence) {
  const heading = h('h3', { text: t('myReview.flagsHeading') });
  if (flags.length === 0) return [heading, h('p', { class: 'my-flags-none', text: t('myReview.noFlags') })];
  const items = flags.map((flag) => {
    const time = flag.at ? formatTime(new Date(flag.at)) : '';
    const what = kindWords(flag.kind);
    let media = null;
    if (flag.evidence) {
      const img = h('img', { class: 'my-flag-evidence', alt: t('myReview.evidenceAlt', { time, what }), hidden: true });
      const open = h(
        'button',
        {
          type: 'button',
          class: 'my-flag-open',
          'aria-haspopup': 'dialog',
          hidden: true,
          title: t('myReview.evidenceOpen'),
          on: { click: () => dialog.show(img.src, t('myReview.evidenceTitle', { time, what })) },
        },
        img,
      );
      const missing = h('p', { class: 'muted my-flag-missing', text: t('myReview.evidenceMissing'), hidden: true });
      media = h('div', { class: 'my-flag-media' }, open, missing);
      evidence.push({ url: flag.evidence, img, open, missing });
    }
    return h(
      'li',
      {
        class: `my-flag severity-${flag.severity}`,
        'data-kind': flag.kind ?? '',
        'data-severity': flag.severity,
        'data-at': flag.at ?? '',
        'data-insufficient': flag.insufficientEvidence ? 'true' : 'false',
      },
      h(
        'div',
        { class: 'my-flag-text' },
        h(
          'p',
          { class: 'my-flag-head' },
          h('time', { class: 'my-flag-time', datetime: flag.at ?? '', text: time }),
          ' ',
          h('strong', { class: 'my-flag-kind', text: what }),
          ' ',
          h('span', {
            class: `my-flag-severity severity-${flag.severity}`,
            text: t(`myReview.severity.${flag.severity}`),
          }),
        ),
        flag.insufficientEvidence ? h('p', { class: 'my-flag-insufficient', text: t('myReview.insufficient') }) : null,
      ),
      media,
    );
  });
  return [
    heading,
    h('p', { class: 'muted my-flags-zone', text: t('exams.timeZone', { zone: timeZoneName() }) }),
    h('ol', { class: 'my-flags' }, items),
  ];
}

/** One dialog for the whole section, showing a snapshot at its own size (up to the screen's). */
function evidenceDialog() {
  const title = h('h2', { class: 'my-evidence-title', id: 'my-evidence-title' });
  const image = h('img', { class: 'my-evidence-large', alt: '' });
  const element = h(
    'dialog',
    { class: 'dialog my-evidence-dialog', 'aria-labelledby': 'my-evidence-title' },
    title,
    image,
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', {
        type: 'button',
        class: 'button button-primary',
        text: t('myReview.close'),
        on: { click: () => element.close() },
      }),
    ),
  );
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close(); // a click on the backdrop
  });
  return {
    element,
    show(src, text) {
      title.textContent = text;
      image.src = src;
      image.alt = text;
      element.showModal();
    },
  };
}

/** Fetches the snapshots a few at a time; one that cannot be fetched says so in its place. */
function loadEvidence(queue) {
  const urls = [];
  if (queue.length > 0)
    window.addEventListener('pagehide', () => urls.forEach((url) => URL.revokeObjectURL(url)), { once: true });
  let running = 0;
  const next = () => {
    while (running < EVIDENCE_PARALLEL && queue.length > 0) {
      const { url, img, open, missing } = queue.shift();
      running += 1;
      fetchBlob(url, 'image/jpeg')
        .then(
          (blob) => {
            const src = URL.createObjectURL(blob);
            urls.push(src);
            img.src = src;
            img.hidden = false;
            open.hidden = false;
          },
          () => {
            missing.hidden = false;
          },
        )
        .finally(() => {
          running -= 1;
          next();
        });
    }
  };
  next();
}
