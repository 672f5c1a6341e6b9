import type { ComponentChildren, ComponentChild } from 'preact';
import { href } from '../router.ts';

/** Links, buttons and form controls. Every control has a visible label; hints and errors are tied to it with aria-describedby. */

export function Link(props: { to: string; class?: string; children?: ComponentChildren; 'aria-current'?: 'page' }): ComponentChild {
  return (
    <a href={href(props.to)} class={props.class} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}

export function Button(props: {
  type?: 'button' | 'submit';
  kind?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  busy?: boolean;
  onClick?: () => void;
  children?: ComponentChildren;
}): ComponentChild {
  return (
    <button
      type={props.type ?? 'button'}
      class={`btn btn-${props.kind ?? 'primary'}`}
      disabled={props.disabled || props.busy}
      aria-busy={props.busy ? 'true' : undefined}
      onClick={props.onClick}
    >
      {props.children}
    </button>
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
  return (
    <div class={`field${f.error ? ' field-invalid' : ''}`}>
      <label for={f.id} class="label">
        {f.label}
        {f.required ? <span class="req">{' (จำเป็น)'}</span> : <span class="opt">{' (ไม่บังคับ)'}</span>}
      </label>
      {f.hint ? (
        <p id={`${f.id}-hint`} class="hint">
          {f.hint}
        </p>
      ) : null}
      {f.error ? (
        <p id={`${f.id}-error`} class="error-text">
          <span aria-hidden="true">{'⚠ '}</span>
          {f.error}
        </p>
      ) : null}
      {f.children}
      {f.extra}
    </div>
  );
}

export function TextField(
  f: FieldBase & { value: string; onInput: (v: string) => void; maxLength?: number; type?: string; autocomplete?: string; inputMode?: string },
): ComponentChild {
  return FieldShell({
    ...f,
    children: (
      <input
        id={f.id}
        name={f.id}
        // Preact types each input type as its own attribute set; the caller's type is any HTML input type.
        type={(f.type ?? 'text') as 'text'}
        value={f.value}
        autocomplete={f.autocomplete}
        inputMode={f.inputMode as 'text' | undefined}
        aria-invalid={f.error ? 'true' : undefined}
        aria-describedby={describedBy(f)}
        aria-required={f.required ? 'true' : undefined}
        onInput={(e: Event) => f.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    ),
  });
}

export function TextArea(f: FieldBase & { value: string; onInput: (v: string) => void; maxLength: number; minLength?: number; rows?: number }): ComponentChild {
  const count = [...f.value].length;
  const over = count > f.maxLength;
  return FieldShell({
    ...f,
    children: (
      <textarea
        id={f.id}
        name={f.id}
        rows={f.rows ?? 5}
        value={f.value}
        aria-invalid={f.error ? 'true' : undefined}
        aria-describedby={[describedBy(f), `${f.id}-count`].filter(Boolean).join(' ')}
        aria-required={f.required ? 'true' : undefined}
        onInput={(e: Event) => f.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    ),
    // Read on focus via aria-describedby; not live, so it does not chatter on every key.
    extra: (
      <p
        id={`${f.id}-count`}
        class={`counter${over ? ' counter-over' : ''}`}
      >{`${count.toLocaleString('th-TH')} / ${f.maxLength.toLocaleString('th-TH')} ตัวอักษร`}</p>
    ),
  });
}

export function Select(
  f: FieldBase & { value: string; onChange: (v: string) => void; options: Array<{ value: string; label: string }>; placeholder?: string },
): ComponentChild {
  return FieldShell({
    ...f,
    children: (
      <select
        id={f.id}
        name={f.id}
        value={f.value}
        aria-invalid={f.error ? 'true' : undefined}
        aria-describedby={describedBy(f)}
        aria-required={f.required ? 'true' : undefined}
        onChange={(e: Event) => f.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {f.placeholder !== undefined ? <option value="">{f.placeholder}</option> : null}
        {f.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
  return (
    <fieldset class={`field radios${props.error ? ' field-invalid' : ''}`} id={props.id} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend class="label">{props.legend}</legend>
      {props.error ? (
        <p id={`${props.id}-error`} class="error-text">
          <span aria-hidden="true">{'⚠ '}</span>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o) => (
        <label key={o.value} class="choice">
          <input type="radio" name={props.id} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <span>
            {o.label}
            {o.hint ? <small class="choice-hint">{o.hint}</small> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Checkbox(props: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  children?: ComponentChildren;
  error?: string | undefined;
}): ComponentChild {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      {props.error ? (
        <p id={`${props.id}-error`} class="error-text">
          <span aria-hidden="true">{'⚠ '}</span>
          {props.error}
        </p>
      ) : null}
      <label class="choice" for={props.id}>
        <input
          type="checkbox"
          id={props.id}
          name={props.id}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
          onChange={(e: Event) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{props.children}</span>
      </label>
    </div>
  );
}

/** The list of what is wrong, announced at once and focused, each entry a link to its field. */
export function ErrorSummary(props: { title?: string; errors: Array<{ field?: string | undefined; message: string }> }): ComponentChild {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <h2>{props.title ?? 'กรุณาแก้ไขข้อมูลก่อนส่ง'}</h2>
      <ul>
        {props.errors.map((e, i) => (
          <li key={i}>
            {e.field ? (
              <a
                href={`#${e.field}`}
                onClick={(ev: Event) => {
                  ev.preventDefault();
                  const el = document.getElementById(e.field!);
                  const target = el instanceof HTMLFieldSetElement ? el.querySelector('input') : el;
                  (target ?? el)?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
