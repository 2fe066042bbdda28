/**
 * The bank's people on bank.html (issue 10, 3): its owner, the co-authors the owner names (they edit the bank and
 * schedule exams from it) and the experts assigned to review it (they read it with its answer key). The owner
 * and admins tick co-authors and experts among the teachers and experts and save (PUT /banks/{id}/access).
 *
 * For tests: #people-section[data-may-manage], #people-form, #people-save.
 */

import { t } from '../../lib/i18n.js';
import { bankAccess, saveBankAccess } from '../../lib/api/banks.js';
import { chosen, peopleChoice, peopleList } from '../../lib/people-picker.js';
import { $, busy, clearError, fact, showError, showProblems } from '../../lib/staff.js';

/** Loads and draws the panel; returns what GET /banks/{id}/access said (the owner's name for the passport). */
export async function showBankPeople(bankId) {
  const access = await bankAccess(bankId);
  draw(bankId, access);
  return access;
}

function draw(bankId, access) {
  const section = $('people-section');
  section.dataset.mayManage = String(Boolean(access.mayManage));
  $('people-facts').replaceChildren(
    fact(t('staff.people.owner'), peopleList('owner', [access.people.owner])),
    fact(t('staff.people.coAuthors'), peopleList('coAuthors', access.people.coAuthors)),
    fact(t('staff.people.experts'), peopleList('experts', access.people.experts)),
  );
  const form = $('people-form');
  form.hidden = !access.mayManage;
  if (!access.mayManage) return;
  $('people-choices').replaceChildren(
    peopleChoice(
      'coAuthors',
      t('staff.people.chooseCoAuthors'),
      access.candidates.coAuthors.filter((p) => p.id !== access.owner),
      access.coAuthors,
    ),
    peopleChoice('experts', t('staff.people.chooseExperts'), access.candidates.experts, access.experts),
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    busy($('people-save'), t('staff.busy.saving'), async () => {
      clearError($('people-error'));
      $('people-saved').hidden = true;
      try {
        const saved = await saveBankAccess(bankId, {
          coAuthors: chosen(form, 'coAuthors'),
          experts: chosen(form, 'experts'),
        });
        draw(bankId, saved);
        $('people-saved').hidden = false;
      } catch (err) {
        if (err.body?.problems?.length) showProblems($('people-error'), err.message, err.body.problems);
        else showError($('people-error'), err);
      }
    });
  };
}
