import { t } from '../i18n/index.js';
import { login, type Session } from '../net/session.js';
import { h } from './dom.js';

/** A login form; resolves with the session once the server accepts the credentials. */
export function showLogin(root: HTMLElement, page: string, title: string): Promise<Session> {
  return new Promise((resolve) => {
    const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true });
    const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const message = h('p', { class: 'login-error', role: 'alert', 'data-testid': 'login-error' });
    const form = h(
      'form',
      { class: 'login-form', 'data-testid': 'login-form' },
      h('h1', {}, title),
      h('label', { for: 'login-username' }, t('login.username')),
      username,
      h('label', { for: 'login-password' }, t('login.password')),
      password,
      h('button', { id: 'login-submit', type: 'submit' }, t('action.login')),
      message,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void login(page, username.value.trim(), password.value).then((answer) => {
        if (answer.ok) resolve(answer.data);
        else message.textContent = answer.error.code === 'UNAUTHENTICATED' ? t('login.failed') : t(`error.${answer.error.code}`);
      });
    });
    root.replaceChildren(h('main', { class: 'login-page' }, form));
    username.focus();
  });
}
