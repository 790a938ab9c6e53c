import type { BilingualText } from '../../shared/index.js';
import { currentLocale } from '../i18n/index.js';

/**
 * Drill times are shown on Dalian's clock (Asia/Shanghai) whatever the browser's zone: scenarios are
 * written in +08:00 and "12:40" must read as the lunch hour it was scripted for.
 */
const DALIAN_ZONE = 'Asia/Shanghai';

/** Simulated time of day, to the second. */
export function formatDrillClock(iso: string): string {
  return new Date(iso).toLocaleTimeString(currentLocale(), { timeZone: DALIAN_ZONE, hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Simulated date and time, for headers. */
export function formatDrillDateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale(), {
    timeZone: DALIAN_ZONE,
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Seconds since the drill's start as "T+12:30" (or "T+1:02:03"). */
export function formatOffset(seconds: number): string {
  return `T+${formatSeconds(seconds)}`;
}

/** A duration in seconds as "m:ss" or "h:mm:ss". */
export function formatSeconds(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Seconds between the drill's start and an ISO instant. */
export function offsetSeconds(startsAt: string, iso: string): number {
  return Math.round((Date.parse(iso) - Date.parse(startsAt)) / 1000);
}

/** Minutes with at most one decimal: 8, 12.5. */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 10) / 10);
}

/** Scenario and plan texts carry both languages: the reader's. */
export function inLocale(text: BilingualText | null | undefined): string {
  if (!text) return '';
  return currentLocale() === 'en' ? text.en : text.zh;
}
