/**
 * The live messages for proctoring on a proctored attempt (docs/proctoring.md; docs/kurento.md): the media
 * server's answers to the student's camera and screen, a proctor's message (shown in a dialog), the proctor's
 * identity decision (under "review-later" a rejection during the test asks for the photos again), and the
 * signals of a proctor's live view (peers.js).
 */

import { formatTime, t } from '../i18n.js';

export class LiveMessages {
  /**
   * recording: the StudentRecording; peers: the live views; identity: the IdentityFlow; el: the proctor's message
   * dialog {message, messageText, messageTime, messageOk}; testing() → the test is under way;
   * retakeIdentity(reason): ask for the photos again during the test.
   */
  constructor({ attemptId, recording, peers, identity, el, testing, retakeIdentity }) {
    this.attemptId = attemptId;
    this.recording = recording;
    this.peers = peers;
    this.identity = identity;
    this.el = el;
    this.testing = testing;
    this.retakeIdentity = retakeIdentity;
    el.messageOk.addEventListener('click', () => el.message.close());
  }

  /** Live messages for proctoring: media, media-lost, proctor-message, identity, signal. Returns true when handled. */
  onMessage(message) {
    if ((message.type === 'media' || message.type === 'media-lost') && this.recording.onMediaMessage(message)) {
      return true;
    }
    switch (message.type) {
      case 'proctor-message':
        this.showProctorMessage(message);
        return true;
      case 'identity':
        this.identity.reason = message.reason ?? null;
        if (message.status === 'rejected' && !this.identity.waiting && this.testing())
          this.retakeIdentity(message.reason);
        if (message.status && message.status !== 'pending') this.identity.decided(message.status);
        return true;
      case 'signal':
        if (message.attemptId && message.attemptId !== this.attemptId) return true;
        this.peers.onSignal(message.from, message.data);
        return true;
      default:
        return false;
    }
  }

  showProctorMessage(message) {
    const { message: dialog, messageText, messageTime, messageOk } = this.el;
    messageText.textContent = message.text ?? '';
    const at = message.at ? new Date(typeof message.at === 'number' ? message.at : Date.parse(message.at)) : null;
    messageTime.textContent =
      at && !Number.isNaN(at.getTime()) ? t('proctoring.messageAt', { time: formatTime(at) }) : '';
    if (dialog.open) dialog.close();
    dialog.showModal();
    messageOk.focus();
  }
}
