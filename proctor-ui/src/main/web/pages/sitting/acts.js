/**
 * The acts of technical failure on the console (6.15.2): each act with the student, time, stage and description,
 * every member's vote buttons until they have voted, the decision once all have, and to whom its copy went by
 * e-mail (the engine sends the decided act; each person's status: sent, failed, no address, not configured).
 *
 * Once the decision gives another time, the new time as recorded, and for the secretary or the chair a date-time field
 * (in the sitting's zone) and a button to record it (6.15.2); the engine's refusal sentence shows under it.
 *
 * Markup: #acts-section, #acts-none, #vote-error, ol#acts with li[data-act][data-student][data-decision];
 * p.act-new-time[data-recorded], form.act-new-time-form with input[name=newTime] and p.act-new-time-error.
 */

import { h } from '../../lib/dom.js';
import { dateTimeValue, localDateInput } from '../../lib/date-input.js';
import { formatDateTime, locale, t, timeZoneName } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { ACT_CHOICES } from '../../lib/sitting/flow.js';
import {
  formatIn,
  givesNewTime,
  localValue,
  mayRecordNewTime,
  newTimeProblem,
  withOffset,
} from '../../lib/sitting/new-time.js';
import { actPath, pdfButton } from '../../lib/sitting/papers.js';
import { $, busy, clearError, fill, myId, showError } from '../../lib/staff.js';

const MAIL_STATES = ['sent', 'sending', 'failed', 'no-address', 'not-configured'];

/** count: members who vote; nameOf(id) → a person's name; reload() reads the sitting again. */
export function renderActs(sitting, role, count, { sittingId, nameOf, reload }) {
  const acts = sitting.acts ?? [];
  $('acts-section').hidden = !['secretary', 'chair', 'member', 'none'].includes(role) && acts.length === 0;
  $('acts-none').hidden = acts.length > 0;
  const voter = (role === 'chair' || role === 'member') && !sitting.endedAt;
  fill(
    $('acts'),
    ...acts.map((a) => {
      const votes = a.votes ?? {};
      const myVote = votes[myId()];
      const decision = a.decision;
      return h(
        'li',
        {
          class: 'act',
          'data-act': a.id,
          'data-student': a.studentId,
          'data-decision': decision ? decision.choice : '',
        },
        h('p', {
          class: 'act-title',
          text: t('sitting.act.item', {
            act: a.id,
            student: nameOf(a.studentId),
            time: formatDateTime(a.at),
            stage: t(`sitting.phase.${a.stage}`),
          }),
        }),
        h('p', { class: 'act-description', text: a.description }),
        h('p', {
          class: 'muted small',
          text: t('sitting.act.sentTo', { members: (a.sentTo ?? []).map(nameOf).join(', ') }),
        }),
        decision
          ? h(
              'p',
              { class: 'notice notice-ok act-decision' },
              `${t('sitting.act.decision', { choice: t(`sitting.act.choice.${decision.choice}`) })} ${decision.choice === 'REFUSE' ? '' : t(`sitting.act.ticket.${decision.ticket}`)}`,
            )
          : h('p', { text: t('sitting.act.votes', { n: Object.keys(votes).length, total: count }) }),
        givesNewTime(a) ? newTimeLine(a, sitting.rules?.timeZone ?? 'Asia/Almaty', nameOf) : null,
        mayRecordNewTime(role, a) ? newTimeForm(a, sitting.rules?.timeZone ?? 'Asia/Almaty', sittingId, reload) : null,
        mailLine(a.mail ?? {}, nameOf),
        h(
          'p',
          { class: 'actions' },
          pdfButton(t('sitting.pdf.act'), actPath(sittingId, a.id), `${sittingId}-${a.id}.pdf`, (err) =>
            showError($('vote-error'), err),
          ),
        ),
        myVote
          ? h('p', {
              class: 'act-my-vote',
              text: t('sitting.act.myVote', { choice: t(`sitting.act.choice.${myVote}`) }),
            })
          : null,
        voter && !decision && !myVote
          ? h(
              'p',
              { class: 'actions' },
              ...ACT_CHOICES.map((choice) =>
                h('button', {
                  type: 'button',
                  class: 'button',
                  'data-choice': choice,
                  text: t(`sitting.act.choice.${choice}`),
                  on: {
                    click: (event) => castVote(event.currentTarget, () => api.vote(sittingId, a.id, choice), reload),
                  },
                }),
              ),
            )
          : null,
      );
    }),
  );
}

/** 6.15.2: the new time as recorded, or that it is still to be recorded. */
function newTimeLine(act, zone, nameOf) {
  const recorded = act.newTime;
  return h('p', {
    class: recorded ? 'notice notice-ok act-new-time' : 'muted act-new-time',
    'data-recorded': recorded ? recorded.at : '',
    text: recorded
      ? t('sitting.act.newTime.recorded', { time: formatIn(recorded.at, zone, locale()), person: nameOf(recorded.by) })
      : t('sitting.act.newTime.pending'),
  });
}

/** 6.15.2: the secretary's or chair's field for the new time, read in the sitting's zone. */
function newTimeForm(act, zone, sittingId, reload) {
  const id = `new-time-${act.id}`;
  const input = h('input', {
    id,
    name: 'newTime',
    type: 'datetime-local',
    required: true,
    value: localValue(act.newTime?.at, zone),
  });
  const error = h('div', { class: 'error act-new-time-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'button', text: t('sitting.act.newTime.record') });
  const form = h(
    'form',
    {
      class: 'act-new-time-form',
      on: {
        submit: async (event) => {
          event.preventDefault();
          clearError(error);
          try {
            // a malformed value goes as it is: the engine's sentence says what it wants
            await busy(button, t('staff.busy.saving'), () =>
              api.recordNewTime(sittingId, act.id, withOffset(dateTimeValue(input), zone) ?? dateTimeValue(input)),
            );
            await reload();
          } catch (err) {
            const problem = newTimeProblem(err); // the engine's sentence, under the field's own name
            if (!problem) showError(error, err);
            else {
              fill(error, h('p', { class: 'error-message', text: t('sitting.act.newTime.problem', { problem }) }));
              error.dataset.error = 'bad-field';
              error.hidden = false;
            }
          }
        },
      },
    },
    h('label', { for: id, text: t('sitting.act.newTime.label', { zone: timeZoneName(zone) }) }),
    ' ',
    input,
    ' ',
    button,
    error,
  );
  localDateInput(input); // issue 15 (2): the day and time in the page's language; the API gets the same wall time
  return form;
}

/** "E-mailed: sent to …; failed for …" from the act's mail record, or nothing before the decision. */
function mailLine(mail, nameOf) {
  const groups = MAIL_STATES.map((state) => [
    state,
    Object.entries(mail)
      .filter(([, m]) => m.status === state)
      .map(([id]) => nameOf(id)),
  ]).filter(([, names]) => names.length > 0);
  if (groups.length === 0) return null;
  return h(
    'p',
    { class: 'muted small act-mail', 'data-mail': groups.map(([state]) => state).join(' ') },
    groups.map(([state, names]) => t(`sitting.act.mail.${state}`, { people: names.join(', ') })).join(' '),
  );
}

async function castVote(button, call, reload) {
  clearError($('vote-error'));
  try {
    await busy(button, t('staff.busy.saving'), call);
    await reload();
  } catch (err) {
    showError($('vote-error'), err);
  }
}
