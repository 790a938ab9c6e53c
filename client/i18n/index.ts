import i18next from 'i18next';
import { common } from './common.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'liandong.locale';

export function currentLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

/**
 * Starts i18next with the common catalog plus the page's own namespace. zh-CN is the default; every
 * string a person sees comes from a catalog.
 */
export async function initI18n(pageCatalogs: Record<string, Record<Locale, Record<string, string>>>) {
  const resources: Record<Locale, Record<string, Record<string, string>>> = { 'zh-CN': { common: common['zh-CN'] }, en: { common: common.en } };
  for (const [namespace, catalog] of Object.entries(pageCatalogs)) {
    resources['zh-CN'][namespace] = catalog['zh-CN'];
    resources.en[namespace] = catalog.en;
  }
  await i18next.init({
    lng: currentLocale(),
    fallbackLng: 'zh-CN',
    resources,
    ns: ['common', ...Object.keys(pageCatalogs)],
    defaultNS: Object.keys(pageCatalogs)[0] ?? 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = currentLocale();
}

export async function setLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options);
