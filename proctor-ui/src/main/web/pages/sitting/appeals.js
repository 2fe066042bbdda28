/**
 * The appeals on the console (6.15.4-6.15.5): each with the student, when it was filed, the reason, where it stands,
 * the deadline of the step due on the working-day calendar (the meeting within 2 working days, the decision within 1
 * after it) and "overdue" once that has passed; the appeal commission's chair or deputy records the meeting and the
 * decision (the grade kept or changed).
 *
 * Markup: #appeals-section, #appeals-none, #appeal-error, ol#appeals with li[data-appeal][data-appeal-state][data-overdue],
 * form[data-appeal-form].
 */

import { h } from '../../lib/dom.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { appealState } from '../../lib/sitting/flow.js';
import { appealPath, pdfButton } from '../../lib/sitting/papers.js';
import { $, busy, clearError, fill, showError } from '../../lib/staff.js';

/** nameOf(id) → a person's name; reload() reads the sitting again. */
export function renderAppeals(sitting, role, { sittingId, nameOf, reload }) {
  const appeals = sitting.appeals ?? [];
  const handler = role === 'appeal-chair' || role === 'appeal-deputy';
  const call = (button, request) => appealCall(button, request, reload);
  $('appeals-section').hidden = !handler && appeals.length === 0;
  $('appeals-none').hidden = appeals.length > 0;
  fill(
    $('appeals'),
    ...appeals.map((a) => {
      const state = appealState(a);
      const decided =
        a.decision === 'changed'
          ? t('sitting.appeal.decided.changed', { before: a.gradeBefore ?? '—', after: a.gradeAfter ?? '—' })
          : t('sitting.appeal.decided.kept', { letter: a.gradeAfter ?? '—' });
      const due =
        state === 'awaiting-meeting' ? a.meetingDeadline : state === 'awaiting-result' ? a.resultDeadline : null;
      return h(
        'li',
        { class: 'act', 'data-appeal': a.id, 'data-appeal-state': state, 'data-overdue': a.overdue ? 'true' : 'false' },
        h('p', {
          class: 'act-title',
          text: t('sitting.appeal.item', { student: nameOf(a.studentId), time: formatDateTime(a.filedAt) }),
        }),
        h('p', { class: 'act-description', text: a.reason }),
        h('p', {
          class: state === 'closed' ? 'notice notice-ok' : '',
          text: t(`sitting.appeal.state.${state}`, { decision: decided }),
        }),
        due
          ? h('p', {
              class: a.overdue ? 'notice notice-error appeal-due' : 'muted small appeal-due',
              text: t(a.overdue ? 'sitting.appeal.overdue' : `sitting.appeal.due.${state}`, {
                time: formatDateTime(due),
              }),
            })
          : null,
        handler && state === 'awaiting-meeting'
          ? h(
              'p',
              { class: 'actions' },
              h('button', {
                type: 'button',
                class: 'button',
                'data-action': 'meeting',
                text: t('sitting.appeal.meeting'),
                on: { click: (event) => call(event.currentTarget, () => api.appealMeeting(sittingId, a.id)) },
              }),
            )
          : null,
        handler && state === 'awaiting-result' ? decisionForm(a, sittingId, call) : null,
        state === 'closed'
          ? h(
              'p',
              { class: 'actions' },
              pdfButton(t('sitting.pdf.appeal'), appealPath(sittingId, a.id), `${sittingId}-${a.id}.pdf`, (err) =>
                showError($('appeal-error'), err),
              ),
            )
          : null,
      );
    }),
  );
}

function decisionForm(a, sittingId, call) {
  const id = (name) => `appeal-${a.id}-${name}`;
  const letter = h('input', { id: id('letter'), type: 'text', maxlength: '3', autocomplete: 'off' });
  const comment = h('textarea', { id: id('comment'), rows: '2', maxlength: '2000' });
  const radio = (value) =>
    h(
      'div',
      { class: 'check' },
      h('input', { type: 'radio', name: id('decision'), id: id(value), value, checked: value === 'kept' }),
      h('label', { for: id(value), text: t(`sitting.appeal.${value}`) }),
    );
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-appeal-form': a.id },
    h(
      'fieldset',
      { class: 'checks' },
      h('legend', { text: t('sitting.appeal.decision') }),
      radio('kept'),
      radio('changed'),
    ),
    h('div', { class: 'field' }, h('label', { for: id('letter'), text: t('sitting.appeal.letter') }), letter),
    h('div', { class: 'field' }, h('label', { for: id('comment'), text: t('sitting.appeal.comment') }), comment),
    h(
      'p',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button button-primary', text: t('sitting.appeal.decide') }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision = form.querySelector(`input[name="${id('decision')}"]:checked`)?.value ?? 'kept';
    call(form.querySelector('button[type=submit]'), () =>
      api.appealDecision(sittingId, a.id, decision, letter.value.trim(), comment.value.trim()),
    );
  });
  return form;
}

async function appealCall(button, request, reload) {
  clearError($('appeal-error'));
  try {
    await busy(button, t('staff.busy.saving'), request);
    await reload();
  } catch (err) {
    showError($('appeal-error'), err);
  }
}
