/**
 * Issue 16 (3): one student's grade on its way to the LMS gradebook, as the exam page's results table and the sitting
 * page's gradebook panel show it: sent (when), waiting (the next try), not accepted with the LMS's answer, and the
 * "Send again" button of a given-up grade (button[data-resend] with the student's id; the page wires and hides it).
 */

import { h } from './dom.js';
import { formatDateTime, t } from './i18n.js';

const STATE_CLASS = { sent: 'status-submitted', waiting: 'status-in-progress', failed: 'status-terminated' };

/** The cell of one student's grade on its way to the LMS (also the sitting page's, issue 16, 3). */
export function gradeCell(grade) {
  if (!grade?.state) return [h('span', { class: 'muted', text: '—' })];
  const badge = h('span', {
    class: `status ${STATE_CLASS[grade.state] ?? ''}`,
    text: t(`staff.lti.state.${grade.state}`),
  });
  const out = [badge];
  const note = (text) => h('span', { class: 'lms-note muted', text });
  if (grade.state === 'sent' && grade.sentAt) out.push(note(formatDateTime(grade.sentAt)));
  if (grade.state === 'waiting' && grade.nextAt && grade.tries > 0) {
    out.push(note(t('staff.lti.nextAt', { time: formatDateTime(grade.nextAt) })));
  }
  const answer = grade.platformAnswer;
  if (answer && grade.state !== 'sent') {
    out.push(
      answer.status > 0 && answer.body
        ? h(
            'details',
            { class: 'lms-answer' },
            h('summary', { text: answerSummary(answer) }),
            h('pre', { text: answer.body }),
          )
        : note(answerSummary(answer)),
    );
  }
  if (grade.state === 'failed') {
    out.push(
      h('button', {
        class: 'button',
        type: 'button',
        'data-resend': grade.studentId,
        text: t('staff.lti.resend'),
      }),
    );
  }
  return out;
}

/** The LMS's answer in the page's words: its HTTP status, or why there was none. */
export function answerSummary(answer) {
  if (answer.status > 0) return t('staff.lti.answered', { status: answer.status });
  if (answer.body === 'no-platform-user') return t('staff.lti.noPlatformUser');
  return t('staff.lti.unreachable');
}
