/**
 * The live messages for proctoring on a proctored attempt (docs/proctoring.md; docs/kurento.md): the media
 * server's answers to the student's camera and screen, a proctor's message (shown in a dialog), the proctor's
 * identity decision (under "review-later" a rejection during the test asks for the photos again), and the
 * signals of a proctor's live view (peers.js).
 *
 * Not made on its own: its methods are ProctoredAttempt's (student.js), mixed into it and run with its `this`.
 */

import { formatTime, t } from '../i18n.js';
import { openCamera, stopStreams } from './media.js';

export class LiveMessages {
  /** Live messages for proctoring: proctor-message, identity, signal. Returns true when handled. */
  onMessage(message) {
    if ((message.type === 'media' || message.type === 'media-lost') && this.kurento?.onMessage(message)) {
      this.renderRecording();
      return true;
    }
    switch (message.type) {
      case 'proctor-message':
        this.showProctorMessage(message);
        return true;
      case 'identity':
        this.identityReason = message.reason ?? null;
        if (message.status === 'rejected' && this.identityWaiters.length === 0 && this.listening)
          this.askIdentityAgain(message.reason);
        if (message.status && message.status !== 'pending') this.identityDecided(message.status);
        return true;
      case 'signal':
        if (message.attemptId && message.attemptId !== this.attempt.id) return true;
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

  /** Under "review-later" a proctor rejected the photos during the test: take them again. */
  askIdentityAgain(reason) {
    this.alert(
      'identity',
      t('identity.rejected', { reason: reason || t('identity.rejectedNoReason') }),
      t('identity.again'),
      async () => {
        this.layout.hidden = true;
        this.unwatchBehaviour(); // choosing a file blurs the window: not an event to report
        this.identityStatus = 'rejected';
        this.identityReason = reason;
        if (!this.streams.camera) {
          const got = await openCamera(this.needs, this.settings);
          if (!got.stream) {
            this.layout.hidden = false;
            this.watchBehaviour();
            return false;
          }
          this.streams.camera = got.stream;
        }
        await this.identify();
        if (!this.records.camera) {
          stopStreams(this.streams.camera);
          this.streams.camera = null;
        }
        this.layout.hidden = false;
        this.watchBehaviour();
        return true;
      },
    );
  }
}
