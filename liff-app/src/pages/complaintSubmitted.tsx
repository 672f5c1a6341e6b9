import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FiledComplaint } from '../../../functions/src/contracts/complaints.ts';
import { CodeDisplay } from '../lib/complaints.ts';
import { getSession } from '../lib/session.ts';
import { Button, Link, Notice, focusSoon } from '../lib/ui.ts';

/**
 * The form's last step and the complainant's receipt (no LINE message is pushed for it): the tracking code, big and
 * grouped so it can be read out on the phone; for anonymous reports the secret as well, with ways to keep it.
 */
export function Submitted(props: { created: FiledComplaint; anonymous: boolean; allUpdates: boolean }): ComponentChild {
  const { created, anonymous } = props;
  const [copied, setCopied] = useState('');
  const [shareOpen, setShareOpen] = useState(false);
  useEffect(() => focusSoon('submitted-title'), []);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`คัดลอก${what}แล้ว`);
    } catch {
      setCopied(`คัดลอกไม่ได้ กรุณาจด${what}ไว้`);
    }
  };
  const secret = created.trackingSecret;
  const { closeWindow: close, shareText } = getSession();
  const share = async () => {
    try {
      setCopied((await shareText?.(`รหัสติดตาม ${created.trackingCode}\nรหัสลับ ${secret}`)) ? 'ส่งรหัสเข้าแชตที่คุณเลือกแล้ว' : 'ยังไม่ได้ส่ง');
    } catch {
      setCopied('ส่งไม่ได้ กรุณาคัดลอกหรือจดรหัสไว้');
    }
  };
  return (
    <section class="submitted" aria-labelledby="submitted-title">
      <h2 id="submitted-title" tabIndex={-1}>
        ส่งเรื่องเรียบร้อยแล้ว
      </h2>
      <p>รหัสติดตามเรื่องของคุณคือ</p>
      <CodeDisplay code={created.trackingCode} testId="tracking-code" />
      <Button kind="secondary" onClick={() => void copy(created.trackingCode, 'รหัสติดตาม')}>
        คัดลอกรหัสติดตาม
      </Button>
      {anonymous && secret ? (
        <Notice kind="warning" title="บันทึกรหัสลับนี้ไว้ตอนนี้">
          <p>
            เรื่องนี้ไม่ระบุตัวตน ต้องใช้ทั้งรหัสติดตามและรหัสลับจึงจะดูความคืบหน้าได้ ระบบจะไม่แสดงรหัสลับอีก และ<strong>ไม่มีใครกู้คืนให้ได้</strong> เพราะไม่มีใครรู้ว่าคุณเป็นผู้แจ้ง
          </p>
          <p>รหัสลับ (16 ตัว พิมพ์เล็กหรือใหญ่ก็ได้ เว้นวรรคหรือขีดได้ ไม่มีตัว O, I, L, U)</p>
          <CodeDisplay code={secret.replaceAll('-', '')} testId="tracking-secret" groupSize={4} />
          <Button kind="primary" onClick={() => void copy(`รหัสติดตาม ${created.trackingCode}\nรหัสลับ ${secret}`, 'รหัสทั้งสอง')}>
            คัดลอกรหัสติดตามและรหัสลับ
          </Button>
          {shareText ? (
            shareOpen ? (
              <div class="notice notice-info">
                {/* The reporter's choice, with what it costs: a LINE chat ties the secret to their LINE account. */}
                <p>ข้อความที่ส่งจะอยู่ในแชต LINE ที่คุณเลือก (เช่น Keep Memo ของคุณเอง) ผู้ที่เข้าถึงแชตหรือบัญชี LINE นั้นได้จะเห็นรหัสลับ และรหัสนี้จะผูกอยู่กับบัญชี LINE ของคุณ อย่าส่งเข้าแชตของหน่วยงาน</p>
                <Button kind="secondary" onClick={() => void share()}>
                  เข้าใจแล้ว เลือกแชตที่จะส่ง
                </Button>
              </div>
            ) : (
              <Button kind="secondary" onClick={() => setShareOpen(true)}>
                ส่งรหัสเข้าแชต LINE ของฉัน…
              </Button>
            )
          ) : null}
          <p class="hint">แนะนำ: จดลงกระดาษ หรือถ่ายภาพหน้าจอเก็บไว้ในที่ปลอดภัย</p>
        </Notice>
      ) : (
        <p>
          {props.allUpdates
            ? 'หน่วยงานจะแจ้งทุกความคืบหน้าทาง LINE และควรดำเนินการให้แล้วเสร็จภายใน 15 วัน'
            : 'หน่วยงานจะแจ้งทาง LINE เมื่อเจ้าหน้าที่รับเรื่องและเมื่อดำเนินการเสร็จ (ควรเสร็จภายใน 15 วัน) ดูทุกขั้นตอนได้ที่ "ดูสถานะเรื่องนี้"'}
        </p>
      )}
      <p role="status" class="copied">
        {copied}
      </p>
      <div class="stack">
        {anonymous ? (
          <Link to="complaints/track" class="btn btn-secondary">
            ติดตามเรื่อง
          </Link>
        ) : (
          <Link to={`complaints/${encodeURIComponent(created.trackingCode)}`} class="btn btn-secondary">
            ดูสถานะเรื่องนี้
          </Link>
        )}
        <Link to="" class="btn btn-secondary">
          กลับหน้าหลัก
        </Link>
        {close ? (
          <Button kind="secondary" onClick={close}>
            กลับไปที่แชท LINE
          </Button>
        ) : null}
      </div>
    </section>
  );
}
