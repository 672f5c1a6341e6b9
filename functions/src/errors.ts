/**
 * Named domain errors. Services throw these; `mapRouteError` (http/errors.ts) turns them into HTTP answers in one place.
 * `publicMessage` is Thai text safe to show a citizen; `message` is English for logs.
 */
export class DomainError extends Error {
  readonly publicMessage: string;
  constructor(message: string, publicMessage: string) {
    super(message);
    this.name = new.target.name;
    this.publicMessage = publicMessage;
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** Input that does not match its schema. */
export class ValidationError extends DomainError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], publicMessage = 'ข้อมูลที่ส่งมาไม่ถูกต้อง') {
    super(`Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, publicMessage);
    this.issues = issues;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, publicMessage = 'ไม่พบข้อมูลที่ต้องการ') {
    super(`${what} not found`, publicMessage);
  }
}

/** The caller is not identified (missing, forged or expired token). */
export class UnauthenticatedError extends DomainError {
  constructor(reason: string, publicMessage = 'กรุณาเข้าสู่ระบบผ่าน LINE อีกครั้ง') {
    super(`Unauthenticated: ${reason}`, publicMessage);
  }
}

/** The caller is identified but lacks the role. */
export class ForbiddenError extends DomainError {
  constructor(reason: string, publicMessage = 'คุณไม่มีสิทธิ์ทำรายการนี้') {
    super(`Forbidden: ${reason}`, publicMessage);
  }
}

/** The request conflicts with the current state (duplicate, wrong workflow step). */
export class ConflictError extends DomainError {}

/** Too many requests from one caller. */
export class RateLimitedError extends DomainError {
  constructor(publicMessage = 'ส่งคำขอถี่เกินไป กรุณารอสักครู่แล้วลองใหม่') {
    super('Rate limited', publicMessage);
  }
}

/** A dependency (Firestore, LINE) is unavailable; the caller may retry. */
export class UnavailableError extends DomainError {
  constructor(what: string, publicMessage = 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง') {
    super(`${what} unavailable`, publicMessage);
  }
}
