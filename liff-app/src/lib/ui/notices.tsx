import type { ComponentChild, ComponentChildren } from 'preact';
import { ApiError } from '../api.ts';
import { Button, Link } from './fields.tsx';

/** What a page shows while it loads, when it has something to say, and when a load failed. */

export function Notice(props: {
  kind?: 'info' | 'warning' | 'success' | 'error';
  title?: string;
  children?: ComponentChildren;
  role?: 'alert' | 'status';
}): ComponentChild {
  return (
    <div class={`notice notice-${props.kind ?? 'info'}`} role={props.role}>
      {props.title ? <p class="notice-title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}

export function Loading(props: { label?: string }): ComponentChild {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'กำลังโหลด…'}
    </p>
  );
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
    message = 'บัญชีของคุณไม่มีสิทธิ์ใช้หน้านี้ ดูสิ่งที่คุณทำได้ที่หน้าเจ้าหน้าที่ หากต้องการสิทธิ์เพิ่ม ติดต่อผู้ดูแลระบบของหน่วยงาน (บทบาทเจ้าหน้าที่ศูนย์ฯ อนุมัติโดยเจ้าหน้าที่ศูนย์ฯ)';
  } else if (status === 404) {
    title = 'ไม่พบข้อมูล';
  }
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{title}</p>
      <p>{message}</p>
      {props.retry && status !== 403 && status !== 404 ? (
        <Button kind="secondary" onClick={props.retry}>
          ลองอีกครั้ง
        </Button>
      ) : null}
      {props.staff && (status === 401 || status === 403) ? (
        <p>
          <Link to="staff">ไปหน้าเจ้าหน้าที่</Link>
          {' · '}
          <Link to="">หน้าบริการสำหรับประชาชน</Link>
        </p>
      ) : null}
    </div>
  );
}
