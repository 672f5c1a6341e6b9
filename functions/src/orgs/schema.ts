import { z } from 'zod';
import { orgIdSchema, type OrgView } from '../contracts/orgs.ts';

export { orgIdSchema };

/** An organisation (อปท.). Public: nothing here is secret; channel credentials live in `orgSecrets`. */
export const orgSchema = z.object({
  id: orgIdSchema,
  /** Thai name as the organisation writes it, e.g. "เทศบาลนครแม่สอด". */
  name: z.string().min(2).max(200),
  district: z.string().max(100).default(''),
  province: z.string().max(100).default(''),
  timeZone: z.literal('Asia/Bangkok').default('Asia/Bangkok'),
  office: z
    .object({
      address: z.string().max(500).default(''),
      phone: z.string().max(100).default(''),
      hours: z.string().max(200).default('วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)'),
    })
    .default({ address: '', phone: '', hours: 'วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)' }),
  line: z
    .object({
      /** The bot's user id (webhook `destination`), learnt from the first webhook. */
      botUserId: z.string().max(100).optional(),
      /** LIFF app id, used to build https://liff.line.me/{liffId}/... links. */
      liffId: z.string().max(100).optional(),
      /** LINE Login channel id: the audience of this organisation's ID tokens. */
      loginChannelId: z.string().max(100).optional(),
    })
    .default({}),
  /** The plan version readers see; switched in one write when an import completes. */
  currentPlanId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;
export type NewOrg = z.input<typeof orgSchema>;

/** Channel credentials. Never returned by an API, never logged. */
export const orgSecretsSchema = z.object({
  channelSecret: z.string().min(1),
  channelAccessToken: z.string().min(1),
});
export type OrgSecrets = z.infer<typeof orgSecretsSchema>;

/** The view of an organisation any API may return. */
export function publicOrg(org: Org): OrgView {
  return {
    id: org.id,
    name: org.name,
    district: org.district,
    province: org.province,
    timeZone: org.timeZone,
    office: org.office,
    liffId: org.line.liffId ?? null,
    currentPlanId: org.currentPlanId ?? null,
  };
}
