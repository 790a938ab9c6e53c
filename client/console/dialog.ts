import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';

export interface DialogOptions {
  title: string;
  fields: HTMLElement[];
  submitLabel: string;
  testId?: string;
  /** Runs on submit; resolves with an error message to keep the dialog open, or null to close it. */
  onSubmit: (form: HTMLFormElement) => Promise<string | null>;
}

/**
 * A modal form on the native <dialog>: focus moves in and is trapped, Esc cancels, Enter submits,
 * and focus returns to whatever opened it.
 */
export function openDialog(options: DialogOptions): HTMLDialogElement {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const error = h('p', { class: 'dialog-error', role: 'alert', 'data-testid': 'dialog-error' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'dialog-submit' }, options.submitLabel);
  const cancel = h('button', { type: 'button', 'data-testid': 'dialog-cancel' }, t('action.cancel'));
  const form = h(
    'form',
    { class: 'dialog-form', novalidate: true },
    h('h2', {}, options.title),
    ...options.fields,
    error,
    h('div', { class: 'dialog-buttons' }, cancel, submit),
  );
  const dialog = h('dialog', { class: 'console-dialog', 'data-testid': options.testId ?? 'dialog' }, form);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    void options.onSubmit(form).then(
      (message) => {
        submit.disabled = false;
        if (message === null) dialog.close();
        else error.textContent = message;
      },
      (failure: unknown) => {
        submit.disabled = false;
        error.textContent = String(failure);
      },
    );
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * A labelled reason line: every reject, close and level change needs one (the audit trail asks why).
 * A one-line input so Enter submits the dialog.
 */
export function reasonField(id: string, label: string): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name: 'reason', type: 'text', required: true, maxlength: 500, autocomplete: 'off', 'data-testid': 'dialog-reason' }),
  );
}

/** A text field's value from a submitted form ('' when absent). */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}
