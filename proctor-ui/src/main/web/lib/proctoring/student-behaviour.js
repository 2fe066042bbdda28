/**
 * The behaviour events of a proctored attempt during the test (clause 5.17.2): the tab hidden, the window left,
 * full screen left (with an alert to go back), copy and paste, each reported to the server as an event.
 */

import { t } from '../i18n.js';

export class BehaviourWatch {
  /** events: the EventReporter; alerts: the Alerts; enterFullscreen(): back to full screen. */
  constructor({ events, alerts, enterFullscreen }) {
    this.events = events;
    this.alerts = alerts;
    this.enterFullscreen = enterFullscreen;
    this.listening = false;
    this.handlers = {
      visibilitychange: () => {
        if (document.visibilityState === 'hidden') events.report('tab-hidden');
      },
      blur: () => events.report('window-blur'),
      fullscreenchange: () => this.onFullscreenChange(),
      copy: () => events.report('copy'),
      paste: () => events.report('paste'),
    };
  }

  watch() {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener('visibilitychange', this.handlers.visibilitychange);
    window.addEventListener('blur', this.handlers.blur);
    document.addEventListener('fullscreenchange', this.handlers.fullscreenchange);
    document.addEventListener('copy', this.handlers.copy);
    document.addEventListener('paste', this.handlers.paste);
  }

  unwatch() {
    if (!this.listening) return;
    this.listening = false;
    document.removeEventListener('visibilitychange', this.handlers.visibilitychange);
    window.removeEventListener('blur', this.handlers.blur);
    document.removeEventListener('fullscreenchange', this.handlers.fullscreenchange);
    document.removeEventListener('copy', this.handlers.copy);
    document.removeEventListener('paste', this.handlers.paste);
  }

  onFullscreenChange() {
    if (document.fullscreenElement) {
      this.alerts.dismiss('fullscreen');
      return;
    }
    this.events.report('fullscreen-exit');
    this.alerts.show('fullscreen', t('proctoring.fullscreenLeft'), t('proctoring.fullscreenBack'), () => {
      this.enterFullscreen();
      return true;
    });
  }
}
