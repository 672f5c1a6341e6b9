/**
 * Calls to this organisation's API. Every call carries the LINE ID token as `Authorization: Bearer` (never profile
 * data as identity); the server decides who the caller is from the verified token alone. Errors become ApiError with
 * the server's field issues and a plain Thai message to show.
 */
import type { Issue } from '../../../functions/src/contracts/common.ts';

/** One field problem of a 400 answer (functions/src/contracts/common.ts). */
export type { Issue };

export class ApiError extends Error {
  readonly status: number;
  readonly issues: Issue[];
  readonly serverMessage: string | undefined;
  constructor(status: number, message: string, issues: Issue[] = [], serverMessage?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
    this.serverMessage = serverMessage;
  }
}

export type TokenSource = (options?: { refresh?: boolean }) => Promise<string | null>;

let tokenSource: TokenSource = async () => null;
let currentOrgId = '';

export function configureApi(orgId: string, tokens: TokenSource): void {
  currentOrgId = orgId;
  tokenSource = tokens;
}

export function orgPath(path: string): string {
  return `/api/orgs/${encodeURIComponent(currentOrgId)}${path}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** 'none' sends no token at all (an anonymous report): the server then cannot know who sent it. */
  auth?: 'required' | 'none';
  signal?: AbortSignal;
}

/** `path` is relative to /api/orgs/{orgId} unless it starts with /api/ or /dev/. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = /^\/(api|dev)\//.test(path) ? path : orgPath(path);
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  // One key per press of a button, the same on the retry below: the server runs a state change once (double taps too).
  const idempotencyKey = method === 'GET' ? undefined : newRequestKey();
  const send = async (refresh: boolean) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.auth !== 'none') {
      const token = await tokenSource({ refresh });
      if (token) headers.authorization = `Bearer ${token}`;
    }
    return fetch(url, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      credentials: 'omit',
    });
  };
  let res: Response;
  try {
    res = await send(false);
    // An expired token is fetched again once; the server still decides.
    if (res.status === 401 && options.auth !== 'none') res = await send(true);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'เชื่อมต่อระบบไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const body = (data && typeof data === 'object' ? data : {}) as { error?: unknown; issues?: unknown };
    const issues = Array.isArray(body.issues) ? (body.issues as Issue[]).filter((i) => i && typeof i.message === 'string') : [];
    const serverMessage = typeof body.error === 'string' ? body.error : undefined;
    throw new ApiError(res.status, messageFor(res.status, serverMessage), issues, serverMessage);
  }
  return data as T;
}

function newRequestKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Plain Thai for each kind of failure; the server's own Thai message is used when it gives one. */
function messageFor(status: number, serverMessage: string | undefined): string {
  const thai = serverMessage && /[\u0E00-\u0E7F]/.test(serverMessage) ? serverMessage : undefined;
  switch (status) {
    case 400:
      return thai ?? 'ข้อมูลบางช่องยังไม่ถูกต้อง กรุณาตรวจสอบช่องที่มีข้อความสีแดง';
    case 401:
      return 'ยืนยันตัวตนกับ LINE ไม่สำเร็จ กรุณาปิดแล้วเปิดหน้านี้ใหม่จาก LINE';
    case 403:
      return thai ?? 'คุณไม่มีสิทธิ์ใช้งานส่วนนี้';
    case 404:
      return thai ?? 'ไม่พบข้อมูลที่ต้องการ';
    case 409:
      return thai ?? 'ข้อมูลเปลี่ยนไปแล้ว กรุณาโหลดหน้านี้ใหม่';
    case 413:
      return 'ไฟล์ใหญ่เกินไป กรุณาลดจำนวนรูปหรือเลือกรูปอื่น';
    case 429:
      return thai ?? 'มีการส่งข้อมูลถี่เกินไป กรุณารอสักครู่แล้วลองอีกครั้ง';
    default:
      return thai ?? 'ระบบขัดข้องชั่วคราว กรุณาลองอีกครั้งในภายหลัง';
  }
}

/** A file the API serves only to authorised callers (staff photos): fetched with the token, shown via an object URL. */
export async function requestObjectUrl(path: string): Promise<string> {
  const url = /^\/(api|dev)\//.test(path) ? path : orgPath(path);
  const token = await tokenSource();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: 'omit' });
  if (!res.ok) throw new ApiError(res.status, messageFor(res.status, undefined));
  return URL.createObjectURL(await res.blob());
}
