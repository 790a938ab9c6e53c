import type { Outbox } from '../net/outbox.js';
import type { WorldStore } from '../store/world-store.js';
import { awaitsAnswer, currentAssignment, expectedStatus } from './assignment-progress.js';

/** How often an unanswered assignment sounds again: a phone in a pocket must not miss a call-out. */
const REMINDER_MS = 30_000;
const VIBRATION_PATTERN = [400, 150, 400, 150, 800];

/**
 * Sound and vibration for a new assignment. Browsers allow audio only after the person has touched
 * the page, so the audio context is made on the first touch or key press and kept for later.
 */
export class AssignmentAlert {
  private audio: AudioContext | null = null;
  private readonly unlock = () => {
    if (this.audio) return;
    try {
      this.audio = new AudioContext();
      void this.audio.resume();
    } catch {
      this.audio = null;
    }
  };

  constructor() {
    for (const type of ['pointerdown', 'keydown', 'touchend'] as const) document.addEventListener(type, this.unlock, { capture: true, passive: true });
  }

  signal() {
    if ('vibrate' in navigator) navigator.vibrate(VIBRATION_PATTERN);
    if (this.audio && this.audio.state !== 'closed') this.beep(this.audio);
  }

  /** Three rising tones, loud enough over an engine, short enough not to mask the radio. */
  private beep(audio: AudioContext) {
    void audio.resume();
    const start = audio.currentTime + 0.02;
    [880, 988, 1175].forEach((frequency, index) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      const at = start + index * 0.22;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.2);
    });
  }
}

/**
 * Calls `alert.signal()` when an assignment the team has not answered appears, and again every
 * REMINDER_MS until it is acknowledged or declined (queued answers count: the team did answer).
 * Returns a function that stops watching.
 */
export function watchForNewAssignments(store: WorldStore, outbox: Outbox, unitId: string, alert: AssignmentAlert): () => void {
  const signalled = new Set<string>();
  const unanswered = () => {
    const assignment = currentAssignment(store.state, unitId);
    return assignment && awaitsAnswer(expectedStatus(assignment, outbox.list()).status) ? assignment : null;
  };
  const check = () => {
    const assignment = unanswered();
    if (assignment && !signalled.has(assignment.id)) {
      signalled.add(assignment.id);
      alert.signal();
    }
  };
  const unsubscribe = store.subscribe(check);
  check();
  const reminder = setInterval(() => {
    if (unanswered()) alert.signal();
  }, REMINDER_MS);
  return () => {
    unsubscribe();
    clearInterval(reminder);
  };
}
