/**
 * One shared one-second clock for every running timer on the screen, so they tick together and a
 * hidden panel does not keep its own interval alive.
 */
const listeners = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | null = null;

export function onTick(listener: () => void): () => void {
  listeners.add(listener);
  interval ??= setInterval(() => {
    for (const each of listeners) each();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== null) {
      clearInterval(interval);
      interval = null;
    }
  };
}
