/**
 * The alerts of a proctored attempt (a shared screen or the camera stopped, full screen left, identity photos
 * rejected during the test): one box per kind, each with a button that tries to solve the problem.
 */

import { h } from '../dom.js';

export class Alerts {
  /** box: the element the alerts are shown in. */
  constructor(box) {
    this.box = box;
  }

  /**
   * Shows or replaces the alert of a kind; action(button) → true when the problem is solved (the alert goes).
   * Without an action the button is hidden, unless keepAction keeps the one an earlier call gave.
   */
  show(kind, text, actionText, action, keepAction = false) {
    let alert = this.box.querySelector(`[data-alert="${kind}"]`);
    if (!alert) {
      alert = h(
        'div',
        { class: 'notice notice-error proctoring-alert', role: 'alert', 'data-alert': kind },
        h('p', { class: 'alert-text' }),
        h('p', {}, h('button', { class: 'button', type: 'button' })),
      );
      this.box.append(alert);
    }
    alert.querySelector('.alert-text').textContent = text;
    const button = alert.querySelector('button');
    button.textContent = actionText;
    if (action) {
      button.onclick = async () => {
        if (await action(button)) this.dismiss(kind);
      };
    } else if (!keepAction) {
      button.hidden = true;
    }
  }

  dismiss(kind) {
    this.box.querySelector(`[data-alert="${kind}"]`)?.remove();
  }

  clear() {
    this.box.replaceChildren();
  }
}
