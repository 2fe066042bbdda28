/**
 * The steps before the questions on a proctored attempt that are about the browser (docs/proctoring.md; clause
 * 5.17.2): share the camera (with microphone) and the entire screen, then begin the test in full screen. The
 * identity photos between them are student-identity.js.
 */

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { checkWords } from './check-words.js';
import { checkBrowser, openCamera, openScreen } from './media.js';
import { setupNeedKeys, shareKey } from './student-words.js';

const $ = (id) => document.getElementById(id);

export class SetupSteps {
  /** needs, settings, records: what the exam asks for; el: the page's elements; media: the StudentMedia. */
  constructor({ needs, settings, records, el, media, log }) {
    this.needs = needs;
    this.settings = settings;
    this.records = records;
    this.el = el;
    this.media = media;
    this.log = log;
  }

  /** Step 1: camera and screen. Resolves once both are shared (never, in a browser that cannot take the exam). */
  share() {
    const { setup, setupNeeds, share, setupError, setupHeading } = this.el;
    setupNeeds.replaceChildren(...setupNeedKeys(this.records, this.settings).map((key) => h('li', { text: t(key) })));
    share.textContent = t(shareKey(this.needs));
    $('setup-screen-hint').hidden = !this.needs.screen;
    setup.hidden = false;
    setupHeading.focus();
    const browser = checkBrowser(this.needs, this.settings);
    if (browser.status !== 'pass') {
      this.showProblems([['browser', browser]]);
      share.disabled = true;
      return new Promise(() => {}); // this browser cannot take the exam; the page says why
    }
    const { streams } = this.media;
    return new Promise((resolve) => {
      const onClick = async () => {
        share.disabled = true;
        setupError.hidden = true;
        // getDisplayMedia first: it needs the click's user activation, which an earlier await would spend;
        // the camera (which needs none) is asked for once the screen is chosen, one prompt at a time
        const gotScreen = this.needs.screen && !streams.screen ? await openScreen(this.needs, this.settings) : null;
        const gotCamera = this.needs.camera && !streams.camera ? await openCamera(this.needs, this.settings) : null;
        if (gotScreen?.stream) this.media.useScreen(gotScreen.stream);
        if (gotCamera?.stream) this.media.useCamera(gotCamera.stream);
        const problems = [];
        if (gotCamera && !gotCamera.stream) problems.push(['camera', gotCamera.result]);
        if (gotScreen && !gotScreen.stream) problems.push(['screen', gotScreen.result]);
        share.disabled = false;
        if (problems.length > 0) {
          this.showProblems(problems);
          share.textContent = t('proctoring.shareAgain');
          return;
        }
        share.removeEventListener('click', onClick);
        setup.hidden = true;
        resolve();
      };
      share.addEventListener('click', onClick);
    });
  }

  showProblems(problems) {
    const box = this.el.setupError;
    box.replaceChildren(
      h(
        'ul',
        { class: 'check-problems' },
        ...problems.map(([name, result]) => {
          const words = checkWords(name, result);
          return h(
            'li',
            { 'data-check': name, 'data-reason': result.reason },
            h('strong', { text: words.line }),
            words.fix ? h('span', { class: 'check-fix', text: ` ${words.fix}` }) : null,
          );
        }),
      ),
    );
    box.hidden = false;
  }

  /** Step 3: begin in full screen. */
  beginTest() {
    const { begin, beginHeading, beginButton } = this.el;
    begin.hidden = false;
    beginHeading.focus();
    return new Promise((resolve) => {
      beginButton.addEventListener(
        'click',
        () => {
          begin.hidden = true;
          this.enterFullscreen();
          resolve();
        },
        { once: true },
      );
    });
  }

  enterFullscreen() {
    const root = document.documentElement;
    if (!root.requestFullscreen || document.fullscreenElement) return;
    root
      .requestFullscreen({ navigationUI: 'hide' })
      .catch((err) => this.log.warn?.(`full screen refused: ${err?.message ?? err}`));
  }
}
