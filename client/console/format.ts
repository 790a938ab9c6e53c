import { currentLocale } from '../i18n/index.js';

/** 75 000 ms → "1:15"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Local wall-clock time of an ISO instant, to the second (dispatch logs are read to the second). */
export function formatClock(iso: string): string {
  return new Date(iso).toLocaleTimeString(currentLocale(), { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Date and time, for anything that may be older than today. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale(), { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function formatKm(km: number): string {
  return km < 10 ? km.toFixed(2) : km.toFixed(1);
}
