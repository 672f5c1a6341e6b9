import type { messagingApi } from '@line/bot-sdk';
import { actionLabel, fitText, LINE_LIMITS } from '../line/limits.ts';
import type { Org } from '../orgs/schema.ts';

type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

const ask = (label: string, text = label): QuickReplyItem => ({ type: 'action', action: { type: 'message', label: actionLabel(label), text } });

/** Likely first questions; every reply that ends a turn offers them. Labels stay within LINE's 20 characters. */
export function helpQuickReplies(): messagingApi.QuickReply {
  return {
    items: [
      ask('โครงการปีนี้', 'ปีนี้มีโครงการอะไรบ้าง'),
      ask('งบประมาณรวม', 'งบประมาณรวมเท่าไร'),
      ask('คู่มือประชาชน', 'มีคู่มือบริการอะไรบ้าง'),
      ask('แจ้งเกิด', 'แจ้งเกิดใช้เอกสารอะไรบ้าง'),
      ask('ร้องเรียน', 'ร้องเรียน'),
      ask('แจ้งเบาะแสทุจริต', 'แจ้งเบาะแสการทุจริต'),
      ask('ติดตามเรื่อง', 'ติดตามเรื่องร้องเรียน'),
      ask('รับบัตรคิว', 'รับบัตรคิว'),
      ask('ประเมินความพึงพอใจ', 'ประเมินความพึงพอใจ'),
    ],
  };
}

/** The greeting for `follow` and the answer to "help": what the bot does, with quick replies. */
export function greetingMessages(org: Pick<Org, 'name'>, opts: { returning?: boolean } = {}): Message[] {
  const hello = opts.returning
    ? `ยินดีต้อนรับกลับมาค่ะ 🙏 LINE ของ${org.name} พร้อมช่วยเหลือคุณ`
    : `สวัสดีค่ะ 🙏 ยินดีต้อนรับสู่ LINE ของ${org.name}`;
  return [
    {
      type: 'text',
      text: [
        hello,
        '',
        'ช่องทางนี้ช่วยคุณได้ดังนี้',
        '• ถามเรื่องโครงการตามแผนป้องกันการทุจริต เช่น งบประมาณ ผู้รับผิดชอบ ความคืบหน้า',
        '• ดูคู่มือบริการประชาชน เช่น แจ้งเกิด ย้ายเข้า ขออนุญาตก่อสร้าง ภาษีที่ดิน',
        '• แจ้งเรื่องร้องเรียน/ร้องทุกข์ และแจ้งเบาะแสการทุจริต (เลือกไม่เปิดเผยตัวตนได้)',
        '• ติดตามเรื่องร้องเรียนด้วยรหัสติดตาม',
        '• รับบัตรคิวออนไลน์ และประเมินความพึงพอใจการให้บริการ',
        '',
        'พิมพ์คำถามได้เลย หรือเลือกจากปุ่มด้านล่างค่ะ',
      ].join('\n'),
      quickReply: helpQuickReplies(),
    },
  ];
}

export function stickerReply(): Message[] {
  return [{ type: 'text', text: 'ขอบคุณสำหรับสติกเกอร์ค่ะ 😊 มีเรื่องใดให้ช่วย พิมพ์ถามได้เลยค่ะ', quickReply: helpQuickReplies() }];
}

/** A photo or a place sent in chat: the complaint form is where it can be handled and tracked. */
export function mediaReply(kind: 'image' | 'location' | 'other', complaintUrl: string | undefined): Message[] {
  const lead = {
    image: 'ได้รับรูปภาพแล้วค่ะ',
    location: 'ได้รับตำแหน่งแล้วค่ะ',
    other: 'ขออภัยค่ะ ช่องทางนี้ยังรับข้อความประเภทนี้ไม่ได้',
  }[kind];
  const advice = 'หากต้องการแจ้งปัญหาพร้อมรูปถ่ายหรือตำแหน่ง กรุณาแจ้งผ่านแบบฟอร์มร้องเรียน เพื่อให้เจ้าหน้าที่รับเรื่องและคุณติดตามผลได้';
  if (!complaintUrl) {
    return [{ type: 'text', text: `${lead}\n${advice} โดยพิมพ์ "ร้องเรียน"`, quickReply: helpQuickReplies() }];
  }
  return [
    {
      type: 'template',
      altText: fitText(`${lead} ${advice}`, LINE_LIMITS.templateAltText),
      template: {
        type: 'buttons',
        text: fitText(`${lead}\nแจ้งปัญหาผ่านแบบฟอร์มเพื่อให้ติดตามผลได้`, LINE_LIMITS.buttonsText),
        // A template action label is at most 20 characters, Thai vowel and tone marks counted (issue 22).
        actions: [{ type: 'uri', label: actionLabel('แจ้งเรื่องร้องเรียน'), uri: complaintUrl }],
      },
      quickReply: helpQuickReplies(),
    },
  ];
}

/** Said when the bot joins a group: only a registered staff group receives anything. */
export function groupJoinedMessages(org: Pick<Org, 'name'>): Message[] {
  return [
    {
      type: 'text',
      text: [
        `สวัสดีค่ะ ขอบคุณที่เชิญบัญชี LINE ของ${org.name}เข้ากลุ่ม`,
        '',
        'หากกลุ่มนี้เป็นกลุ่มเจ้าหน้าที่ ผู้ดูแลระบบลงทะเบียนกลุ่มได้โดยพิมพ์ "ลงทะเบียนกลุ่ม" ตามด้วยรหัสที่ได้จากหน้าผู้ดูแลระบบ',
        'กลุ่มที่ยังไม่ลงทะเบียนจะไม่ได้รับข้อมูลเรื่องร้องเรียนหรือข้อมูลส่วนบุคคลใด ๆ',
      ].join('\n'),
    },
  ];
}

export function memberJoinedMessages(): Message[] {
  return [{ type: 'text', text: 'ยินดีต้อนรับสมาชิกใหม่ค่ะ 🙏 พิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่งที่ใช้ในกลุ่มนี้ได้' }];
}

export function groupHelpMessages(): Message[] {
  return [
    {
      type: 'text',
      text: [
        'คำสั่งในกลุ่มเจ้าหน้าที่',
        '• ลงทะเบียนกลุ่ม <รหัส> — ผูกกลุ่มนี้กับหน่วยงาน',
        '• ช่วยเหลือ — แสดงคำสั่งทั้งหมด',
      ].join('\n'),
    },
  ];
}
