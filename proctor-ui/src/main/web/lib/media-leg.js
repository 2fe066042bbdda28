/**
 * One WebRTC connection to a media server (docs/kurento.md): used by the proctored student's publisher and the
 * proctor's viewer (lib/proctoring/kurento.js) and by the sitting's room through Kurento (lib/sitting/kurento-room.js).
 * Its steps run one after another, so a candidate never overtakes its description, and a server candidate that
 * arrives before the answer (the engine sends them apart) waits for it. A failed step is logged and reported through
 * onFailed. RTCPeerConnection is passed in so that the logic can be tested in Node.
 */
export class Leg {
  /** signal(data) sends {kind:'ice', candidate} to the server for this connection. */
  constructor({ Peer, config, signal, log = console, onFailed = () => {} }) {
    this.pc = new Peer(config);
    this.chain = Promise.resolve();
    this.answered = false;
    this.early = [];
    this.log = log;
    this.onFailed = onFailed;
    this.pc.addEventListener?.('icecandidate', (event) => {
      if (event.candidate)
        signal({ kind: 'ice', candidate: event.candidate.toJSON ? event.candidate.toJSON() : event.candidate });
    });
  }

  /** Runs step(pc) after the earlier steps. */
  run(step) {
    this.chain = this.chain
      .then(() => step(this.pc))
      .catch((err) => {
        this.log.warn?.(`media server: ${err?.message ?? err}`);
        this.onFailed();
      });
    return this.chain;
  }

  /** Applies an answer or a candidate from the server. */
  onSignal(data) {
    if (data?.kind === 'answer') {
      this.run((pc) => pc.setRemoteDescription({ type: 'answer', sdp: data.sdp }));
      this.answered = true;
      for (const candidate of this.early.splice(0)) this.run((pc) => pc.addIceCandidate(candidate));
    } else if (data?.kind === 'ice' && data.candidate) {
      if (this.answered) this.run((pc) => pc.addIceCandidate(data.candidate));
      else this.early.push(data.candidate);
    }
  }

  close() {
    try {
      this.pc.close();
    } catch {
      // already closed
    }
  }
}
