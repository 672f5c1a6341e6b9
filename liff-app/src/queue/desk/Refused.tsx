import type { ComponentChild } from 'preact';
import { ApiError } from '../../lib/api.ts';
import { Button, Link } from '../../lib/ui.ts';

/** The desk could not load: without the role, a plain explanation; otherwise the error and "try again". */
export function Refused(props: { error: unknown; retry: () => void }): ComponentChild {
  const status = props.error instanceof ApiError ? props.error.status : 0;
  if (status === 401 || status === 403) {
    return (
      <div class="notice notice-error" role="alert">
        <p class="notice-title">หน้านี้สำหรับเจ้าหน้าที่เรียกคิวเท่านั้น</p>
        <p>บัญชี LINE นี้ยังไม่มีสิทธิ์ “เจ้าหน้าที่เรียกคิว” หรือ “ผู้ดูแลระบบ” ของหน่วยงาน หากคุณประจำช่องบริการ กรุณาขอสิทธิ์จากผู้ดูแลระบบ</p>
        <p>
          <Link to="">กลับหน้าหลัก</Link>
        </p>
      </div>
    );
  }
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">โหลดข้อมูลคิวไม่สำเร็จ</p>
      <p>{props.error instanceof Error ? props.error.message : String(props.error)}</p>
      <Button kind="secondary" onClick={props.retry}>
        ลองอีกครั้ง
      </Button>
    </div>
  );
}
