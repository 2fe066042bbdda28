/**
 * A bank's life on bank.html (issue 13, 1): its status and the department meeting that approved it (5.19), the
 * expert panel of each academic year and every conclusion with its paper (5.24-5.27), whether it may be used this
 * year and the next, its lock history (5.31) and its audit trail. Each action is offered only to who may take it
 * (GET /banks/{id}/life says so in `may`; the server decides again): the head of department or an admin records the
 * approval and names the panel, an expert of the panel concludes, an admin locks and unlocks with a reason.
 *
 * For tests: #life-section[data-status][data-locked], #approve-form, #panel-form, #conclude-form, #lock-form.
 */

import { periodKeyLabel } from '../../lib/calendar.js';
import { dateValue, setDateValue } from '../../lib/date-input.js';
import {
  approveBank,
  bankLife,
  concludeBank,
  conclusionPdf,
  lockBank,
  nameBankPanel,
  passportPdf,
  unlockBank,
} from '../../lib/api/banks.js';
import { downloadBlob, h } from '../../lib/dom.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import { $, busy, clearError, fact, myId, showError, showProblems } from '../../lib/staff.js';

const ASPECTS = ['standards', 'difficulty', 'wording'];
const GRADES = ['satisfactory', 'needs-work', 'unsatisfactory'];
const DECISIONS = ['may-be-used', 'may-not-be-used'];

let current = null;
let reloadBank = async () => {};

/** Loads and draws the bank's life; onChange is called after a step that may change the rest of the page. */
export async function showBankLife(bankId, onChange) {
  reloadBank = onChange ?? reloadBank;
  prepare(bankId);
  draw(bankId, await bankLife(bankId));
}

function prepare(bankId) {
  $('life-passport-pdf').onclick = () => paper(() => passportPdf(bankId), `passport-${bankId}.pdf`);
  $('approve-form').onsubmit = (event) =>
    step(event, $('approve-submit'), bankId, 'approval', () =>
      approveBank(bankId, { meetingDate: dateValue($('approve-date')), minutes: $('approve-minutes').value.trim() }),
    );
  $('panel-form').onsubmit = (event) =>
    step(event, $('panel-submit'), bankId, 'panel', () =>
      nameBankPanel(bankId, {
        academicYear: $('panel-year').value,
        experts: $('panel-experts')
          .value.split(/[\s,;]+/)
          .filter(Boolean),
      }),
    );
  $('conclude-form').onsubmit = (event) =>
    step(event, $('conclude-submit'), bankId, 'conclusions', () => {
      const body = { academicYear: $('conclude-year').value, decision: $('conclude-decision').value };
      for (const aspect of ASPECTS) {
        body[aspect] = {
          assessment: $(`conclude-${aspect}`).value,
          comment: $(`conclude-${aspect}-comment`).value.trim(),
        };
      }
      return concludeBank(bankId, body);
    });
  $('lock-form').onsubmit = (event) => {
    const unlocking = current?.locked;
    return step(event, $('lock-submit'), bankId, unlocking ? 'unlock' : 'lock', () =>
      (unlocking ? unlockBank : lockBank)(bankId, { reason: $('lock-reason').value.trim() }),
    );
  };
}

/** One step, send(): the answer is the life after it (or a conclusion: then the life is read again). */
async function step(event, button, bankId, done, send) {
  event.preventDefault();
  await busy(button, t('banklife.busy'), async () => {
    clearError($('life-error'));
    $('life-done').hidden = true;
    try {
      const answer = await send();
      const life = answer.status ? answer : await bankLife(bankId);
      const lockChanged = life.locked !== current?.locked;
      draw(bankId, life);
      if (lockChanged) {
        window.location.reload(); // 5.31: what the page offers to change follows the lock
        return;
      }
      $('life-done').textContent = t(`banklife.done.${done}`);
      $('life-done').hidden = false;
      await reloadBank();
    } catch (err) {
      if (err.body?.problems?.length) showProblems($('life-error'), err.message, err.body.problems);
      else showError($('life-error'), err);
    }
  });
}

async function paper(pdf, name) {
  clearError($('life-error'));
  try {
    downloadBlob(await pdf(), name);
  } catch (err) {
    showError($('life-error'), err);
  }
}

function draw(bankId, life) {
  current = life;
  const section = $('life-section');
  section.dataset.status = life.status;
  section.dataset.locked = String(life.locked);
  const facts = [fact(t('banklife.status'), t(`banklife.status.${life.status}`))];
  if (life.approval) {
    facts.push(
      fact(
        t('banklife.approval'),
        t('banklife.approvalText', {
          date: life.approval.meetingDate,
          minutes: life.approval.minutes,
          by: life.approvals.at(-1)?.byName ?? life.approval.by,
        }),
      ),
    );
  }
  for (const year of life.years) {
    const u = life.usable[year];
    facts.push(
      fact(
        t('banklife.usableIn', { year }),
        u.usable ? t('banklife.usable.yes') : t('banklife.usable.no', { reason: u.reason ?? '' }),
        { 'data-usable': String(u.usable) },
      ),
    );
  }
  $('life-facts').replaceChildren(...facts);
  drawApprove(life);
  drawPanel(life);
  drawConclusions(bankId, life);
  drawLock(life);
  $('life-trail').replaceChildren(...life.trail.map(trailItem));
}

function drawApprove(life) {
  $('approve-form').hidden = !life.may.approve;
  if (life.may.approve && !$('approve-date').value)
    setDateValue($('approve-date'), new Date().toISOString().slice(0, 10));
}

function drawPanel(life) {
  const years = Object.keys(life.panel);
  $('life-panel').replaceChildren(
    ...(years.length
      ? years.map((year) =>
          fact(t('banklife.yearOf', { year }), life.panel[year].map((p) => `${p.name} (${p.id})`).join(', ')),
        )
      : [fact(t('banklife.panel.heading'), t('banklife.panel.none'))]),
  );
  $('panel-form').hidden = !life.may.assign;
  fillYears($('panel-year'), life.years);
  const chosen = life.panel[$('panel-year').value] ?? [];
  $('panel-experts').value = chosen.map((p) => p.id).join(', ');
  $('panel-year').onchange = () => {
    $('panel-experts').value = (life.panel[$('panel-year').value] ?? []).map((p) => p.id).join(', ');
  };
}

function fillYears(select, years) {
  const was = select.value;
  select.replaceChildren(...years.map((year) => h('option', { value: year, text: year })));
  if (years.includes(was)) select.value = was;
}

function drawConclusions(bankId, life) {
  const table = $('life-conclusions');
  table.hidden = life.conclusions.length === 0;
  $('life-no-conclusions').hidden = life.conclusions.length > 0;
  table.tBodies[0].replaceChildren(
    ...life.conclusions.map((c) =>
      h(
        'tr',
        { 'data-counts': String(c.counts) },
        h('td', { 'data-label': t('banklife.col.number'), text: String(c.number) }),
        h('td', { 'data-label': t('banklife.col.expert'), text: c.expertName }),
        h('td', { 'data-label': t('banklife.col.year'), text: c.academicYear }),
        h(
          'td',
          { 'data-label': t('banklife.col.assessments') },
          ...ASPECTS.map((a) =>
            h(
              'div',
              { title: c[a].comment || undefined },
              `${t(`banklife.aspect.${a}`)}: ${t(`banklife.grade.${c[a].assessment}`)}`,
            ),
          ),
        ),
        h(
          'td',
          { 'data-label': t('banklife.col.decision') },
          h('strong', { text: t(`banklife.decision.${c.decision}`) }),
          c.counts ? null : h('div', { class: 'muted', text: t('banklife.notCounting') }),
        ),
        h('td', { 'data-label': t('banklife.col.at'), text: formatDateTime(c.at) }),
        h(
          'td',
          { 'data-label': t('banklife.col.paper') },
          h('button', {
            class: 'button',
            type: 'button',
            text: t('banklife.pdf'),
            on: { click: () => paper(() => conclusionPdf(bankId, c.number), `conclusion-${bankId}-${c.number}.pdf`) },
          }),
        ),
      ),
    ),
  );
  $('conclude-form').hidden = !life.may.conclude;
  if (!life.may.conclude) return;
  // 5.24: an expert concludes for the years whose panel names them
  fillYears(
    $('conclude-year'),
    life.years.filter((year) => (life.panel[year] ?? []).some((p) => p.id === myId())),
  );
  if (!$('conclude-decision').options.length) {
    $('conclude-decision').replaceChildren(
      ...DECISIONS.map((d) => h('option', { value: d, text: t(`banklife.decision.${d}`) })),
    );
    $('conclude-aspects').replaceChildren(...ASPECTS.map(aspectFields));
  }
}

function aspectFields(aspect) {
  return h(
    'fieldset',
    { class: 'form-section' },
    h('legend', { text: t(`banklife.aspect.${aspect}`) }),
    h(
      'div',
      { class: 'form-grid' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: `conclude-${aspect}`, text: t('banklife.assessment') }),
        h(
          'select',
          { id: `conclude-${aspect}` },
          ...GRADES.map((g) => h('option', { value: g, text: t(`banklife.grade.${g}`) })),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: `conclude-${aspect}-comment`, text: t('banklife.comment') }),
        h('textarea', { id: `conclude-${aspect}-comment`, rows: '2', maxlength: '2000' }),
      ),
    ),
  );
}

function drawLock(life) {
  const last = life.locks.at(-1);
  $('life-lock-state').textContent = life.locked
    ? t('banklife.lock.locked', { at: formatDateTime(last.at), by: last.byName, period: periodKeyLabel(last.period) })
    : t('banklife.lock.open');
  const table = $('life-locks');
  table.hidden = life.locks.length === 0;
  table.tBodies[0].replaceChildren(
    ...life.locks.map((l) =>
      h(
        'tr',
        {},
        h('td', { 'data-label': t('banklife.col.action'), text: t(`banklife.lock.action.${l.action}`) }),
        h('td', { 'data-label': t('banklife.col.by'), text: l.byName }),
        h('td', { 'data-label': t('banklife.col.at'), text: formatDateTime(l.at) }),
        h('td', { 'data-label': t('banklife.col.period'), text: l.period ? periodKeyLabel(l.period) : '—' }),
        h('td', { 'data-label': t('banklife.col.reason'), text: l.reason || '—' }),
      ),
    ),
  );
  const form = $('lock-form');
  form.hidden = !(life.may.lock || life.may.unlock);
  $('lock-submit').textContent = t(life.may.unlock ? 'banklife.lock.unlock' : 'banklife.lock.lock');
  $('lock-reason-label').textContent = t(life.may.unlock ? 'banklife.lock.unlockReason' : 'banklife.lock.reason');
  $('lock-reason').required = Boolean(life.may.unlock);
  $('lock-reason').value = '';
}

function trailItem(entry) {
  const details = [];
  if (entry.meetingDate) details.push(t('banklife.trail.meeting', { date: entry.meetingDate, minutes: entry.minutes }));
  if (entry.academicYear) details.push(entry.academicYear);
  if (entry.experts) details.push((entry.expertNames ?? entry.experts).join(', ')); // issue 15 (2)
  if (entry.decision) details.push(t(`banklife.decision.${entry.decision}`));
  if (entry.cause) details.push(t(`banklife.cause.${entry.cause}`));
  if (entry.period) details.push(periodKeyLabel(entry.period)); // issue 15 (5)
  if (entry.reason) details.push(entry.reason);
  return h(
    'li',
    { 'data-action': entry.action },
    `${formatDateTime(entry.at)} — ${t(`banklife.trail.${entry.action}`)} — ${entry.byName ?? entry.by}`,
    details.length ? ` (${details.join('; ')})` : '',
  );
}
