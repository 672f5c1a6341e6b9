import { h, type ComponentChildren, type ComponentChild } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, request, type Issue } from './api.ts';
import { href } from './router.ts';

/** Shared building blocks. Every control has a visible label; hints and errors are tied to it with aria-describedby. */

export function Link(props: { to: string; class?: string; children?: ComponentChildren; 'aria-current'?: 'page' }): ComponentChild {
  return h('a', { href: href(props.to), class: props.class, 'aria-current': props['aria-current'] }, props.children);
}

export function Button(props: {
  type?: 'button' | 'submit';
  kind?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  busy?: boolean;
  onClick?: () => void;
  children?: ComponentChildren;
}): ComponentChild {
  return h(
    'button',
    {
      type: props.type ?? 'button',
      class: `btn btn-${props.kind ?? 'primary'}`,
      disabled: props.disabled || props.busy,
      'aria-busy': props.busy ? 'true' : undefined,
      onClick: props.onClick,
    },
    props.children,
  );
}

interface FieldBase {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

const describedBy = (f: FieldBase) => [f.hint ? `${f.id}-hint` : '', f.error ? `${f.id}-error` : ''].filter(Boolean).join(' ') || undefined;

function FieldShell(f: FieldBase & { children?: ComponentChildren; extra?: ComponentChildren }): ComponentChild {
  return h(
    'div',
    { class: `field${f.error ? ' field-invalid' : ''}` },
    h('label', { for: f.id, class: 'label' }, f.label, f.required ? h('span', { class: 'req' }, ' (จำเป็น)') : h('span', { class: 'opt' }, ' (ไม่บังคับ)')),
    f.hint ? h('p', { id: `${f.id}-hint`, class: 'hint' }, f.hint) : null,
    f.error ? h('p', { id: `${f.id}-error`, class: 'error-text' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), f.error) : null,
    f.children,
    f.extra,
  );
}

export function TextField(
  f: FieldBase & { value: string; onInput: (v: string) => void; maxLength?: number; type?: string; autocomplete?: string; inputMode?: string },
): ComponentChild {
  return FieldShell({
    ...f,
    children: h('input', {
      id: f.id,
      name: f.id,
      type: f.type ?? 'text',
      value: f.value,
      autocomplete: f.autocomplete,
      inputMode: f.inputMode as 'text' | undefined,
      'aria-invalid': f.error ? 'true' : undefined,
      'aria-describedby': describedBy(f),
      'aria-required': f.required ? 'true' : undefined,
      onInput: (e: Event) => f.onInput((e.currentTarget as HTMLInputElement).value),
    }),
  });
}

export function TextArea(f: FieldBase & { value: string; onInput: (v: string) => void; maxLength: number; minLength?: number; rows?: number }): ComponentChild {
  const count = [...f.value].length;
  const over = count > f.maxLength;
  return FieldShell({
    ...f,
    children: h('textarea', {
      id: f.id,
      name: f.id,
      rows: f.rows ?? 5,
      value: f.value,
      'aria-invalid': f.error ? 'true' : undefined,
      'aria-describedby': [describedBy(f), `${f.id}-count`].filter(Boolean).join(' '),
      'aria-required': f.required ? 'true' : undefined,
      onInput: (e: Event) => f.onInput((e.currentTarget as HTMLTextAreaElement).value),
    }),
    // Read on focus via aria-describedby; not live, so it does not chatter on every key.
    extra: h('p', { id: `${f.id}-count`, class: `counter${over ? ' counter-over' : ''}` }, `${count.toLocaleString('th-TH')} / ${f.maxLength.toLocaleString('th-TH')} ตัวอักษร`),
  });
}

export function Select(
  f: FieldBase & { value: string; onChange: (v: string) => void; options: Array<{ value: string; label: string }>; placeholder?: string },
): ComponentChild {
  return FieldShell({
    ...f,
    children: h(
      'select',
      {
        id: f.id,
        name: f.id,
        value: f.value,
        'aria-invalid': f.error ? 'true' : undefined,
        'aria-describedby': describedBy(f),
        'aria-required': f.required ? 'true' : undefined,
        onChange: (e: Event) => f.onChange((e.currentTarget as HTMLSelectElement).value),
      },
      f.placeholder !== undefined ? h('option', { value: '' }, f.placeholder) : null,
      f.options.map((o) => h('option', { key: o.value, value: o.value }, o.label)),
    ),
  });
}

export function RadioGroup(props: {
  id: string;
  legend: string;
  value: string;
  onChange: (v: string) => void;
  options: Array<{ value: string; label: string; hint?: string }>;
  error?: string | undefined;
}): ComponentChild {
  return h(
    'fieldset',
    { class: `field radios${props.error ? ' field-invalid' : ''}`, id: props.id, 'aria-describedby': props.error ? `${props.id}-error` : undefined },
    h('legend', { class: 'label' }, props.legend),
    props.error ? h('p', { id: `${props.id}-error`, class: 'error-text' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), props.error) : null,
    props.options.map((o) =>
      h(
        'label',
        { key: o.value, class: 'choice' },
        h('input', {
          type: 'radio',
          name: props.id,
          value: o.value,
          checked: props.value === o.value,
          onChange: () => props.onChange(o.value),
        }),
        h('span', null, o.label, o.hint ? h('small', { class: 'choice-hint' }, o.hint) : null),
      ),
    ),
  );
}

export function Checkbox(props: { id: string; checked: boolean; onChange: (v: boolean) => void; children?: ComponentChildren; error?: string | undefined }): ComponentChild {
  return h(
    'div',
    { class: `field${props.error ? ' field-invalid' : ''}` },
    props.error ? h('p', { id: `${props.id}-error`, class: 'error-text' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), props.error) : null,
    h(
      'label',
      { class: 'choice', for: props.id },
      h('input', {
        type: 'checkbox',
        id: props.id,
        name: props.id,
        checked: props.checked,
        'aria-invalid': props.error ? 'true' : undefined,
        'aria-describedby': props.error ? `${props.id}-error` : undefined,
        onChange: (e: Event) => props.onChange((e.currentTarget as HTMLInputElement).checked),
      }),
      h('span', null, props.children),
    ),
  );
}

/** The list of what is wrong, announced at once and focused, each entry a link to its field. */
export function ErrorSummary(props: { title?: string; errors: Array<{ field?: string | undefined; message: string }> }): ComponentChild {
  if (props.errors.length === 0) return null;
  return h(
    'div',
    { class: 'error-summary', role: 'alert', tabIndex: -1, id: 'error-summary' },
    h('h2', null, props.title ?? 'กรุณาแก้ไขข้อมูลก่อนส่ง'),
    h(
      'ul',
      null,
      props.errors.map((e, i) =>
        h(
          'li',
          { key: i },
          e.field
            ? h(
                'a',
                {
                  href: `#${e.field}`,
                  onClick: (ev: Event) => {
                    ev.preventDefault();
                    const el = document.getElementById(e.field!);
                    const target = el instanceof HTMLFieldSetElement ? el.querySelector('input') : el;
                    (target ?? el)?.focus();
                    el?.scrollIntoView({ block: 'center' });
                  },
                },
                e.message,
              )
            : e.message,
        ),
      ),
    ),
  );
}

export function Notice(props: { kind?: 'info' | 'warning' | 'success' | 'error'; title?: string; children?: ComponentChildren; role?: 'alert' | 'status' }): ComponentChild {
  return h(
    'div',
    { class: `notice notice-${props.kind ?? 'info'}`, role: props.role },
    props.title ? h('p', { class: 'notice-title' }, props.title) : null,
    props.children,
  );
}

export function Loading(props: { label?: string }): ComponentChild {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), props.label ?? 'กำลังโหลด…');
}

/** A failed load, with what the person can do next. 401/403 say plainly that this part is for staff. */
export function ErrorView(props: { error: unknown; retry?: () => void; staff?: boolean }): ComponentChild {
  const err = props.error;
  const status = err instanceof ApiError ? err.status : 0;
  let title = 'เกิดข้อผิดพลาด';
  let message = err instanceof Error ? err.message : String(err);
  if (props.staff && (status === 401 || status === 403)) {
    // Never "not registered" to staff of another role: point to what they can do and who grants access.
    title = 'หน้านี้สำหรับเจ้าหน้าที่ที่มีสิทธิ์เฉพาะ';
    message =
      'บัญชีของคุณไม่มีสิทธิ์ใช้หน้านี้ ดูสิ่งที่คุณทำได้ที่หน้าเจ้าหน้าที่ หากต้องการสิทธิ์เพิ่ม ติดต่อผู้ดูแลระบบของหน่วยงาน (บทบาทเจ้าหน้าที่ศูนย์ฯ อนุมัติโดยเจ้าหน้าที่ศูนย์ฯ)';
  } else if (status === 404) {
    title = 'ไม่พบข้อมูล';
  }
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h('p', { class: 'notice-title' }, title),
    h('p', null, message),
    props.retry && status !== 403 && status !== 404 ? h(Button, { kind: 'secondary', onClick: props.retry }, 'ลองอีกครั้ง') : null,
    props.staff && (status === 401 || status === 403) ? h('p', null, h(Link, { to: 'staff' }, 'ไปหน้าเจ้าหน้าที่'), ' · ', h(Link, { to: '' }, 'หน้าบริการสำหรับประชาชน')) : null,
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GET a path of this organisation's API; reloads when `path` changes. `null` loads nothing. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    request<T>(path, { signal: ctrl.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Server issues keyed by field path ("place.text" → "place"), first message wins. */
export function issuesByField(issues: Issue[], alias: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = alias[issue.path] ?? alias[issue.path.split('.')[0] ?? ''] ?? issue.path.split('.')[0] ?? '';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Moves focus to an element after the next paint (for error summaries and result panels). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    el?.focus();
    el?.scrollIntoView({ block: 'start' });
  });
}
