/** The pre-check's results in the student's words, shared by precheck.html and the attempt page. */

import { t } from '../i18n.js';

/**
 * A check's result (precheck-rules.js) as {line, fix}: what was found ("check.<name>.<reason>") and what to
 * do about it ("check.<name>.<reason>.fix", empty when there is nothing to do). params fill placeholders.
 */
export function checkWords(name, result, params = {}) {
  const line = t(`check.${name}.${result.reason}`, params);
  const fixKey = `check.${name}.${result.reason}.fix`;
  const fix = t(fixKey, params);
  const missing = (result.missing ?? []).map((code) => t(`check.missing.${code}`));
  return { line: missing.length > 0 ? `${line} ${missing.join(', ')}.` : line, fix: fix === fixKey ? '' : fix };
}
