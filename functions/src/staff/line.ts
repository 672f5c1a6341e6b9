import type { Firestore } from '../store/firestore.ts';
import type { TextHandler } from '../bot/dispatcher.ts';
import { DomainError } from '../errors.ts';
import { registerStaffGroup } from './service.ts';

const REGISTER = /^ลงทะเบียน\s*กลุ่ม\s*[:：]?\s*([0-9A-Za-z-]{8,12})\s*$/;

/** "ลงทะเบียนกลุ่ม K7QM-4TZP" typed in a group: registers it as the organisation's staff group. */
export function staffGroupRegistrationHandler(db: Firestore): TextHandler {
  return {
    name: 'staff-group-registration',
    scope: 'group',
    async handle(ctx, text) {
      const match = REGISTER.exec(text.trim());
      if (!match?.[1] || ctx.chat?.type === 'user' || !ctx.chat) return null;
      if (ctx.chat.type !== 'group') {
        return [{ type: 'text', text: 'ลงทะเบียนได้เฉพาะกลุ่ม LINE (ไม่ใช่ห้องแชตหลายคน) กรุณาสร้างกลุ่มแล้วเชิญบัญชีนี้เข้ากลุ่มค่ะ' }];
      }
      try {
        await registerStaffGroup(db, ctx.org, ctx.chat.id, match[1], ctx.userId ?? 'unknown', ctx.now);
      } catch (err) {
        if (err instanceof DomainError) return [{ type: 'text', text: err.publicMessage }];
        throw err;
      }
      return [
        {
          type: 'text',
          text: `ลงทะเบียนกลุ่มนี้เป็นกลุ่มเจ้าหน้าที่ของ${ctx.org.name}เรียบร้อยแล้วค่ะ ✅\nกลุ่มนี้จะได้รับการแจ้งเรื่องร้องเรียนทั่วไปใหม่ และใช้คำสั่งเรียกคิวได้\n(เรื่องแจ้งเบาะแสการทุจริตจะแจ้งเฉพาะเจ้าหน้าที่ที่ได้รับมอบหมายเป็นรายบุคคล ไม่แจ้งในกลุ่ม)`,
        },
      ];
    },
  };
}
