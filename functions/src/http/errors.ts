import type { ErrorRequestHandler } from 'express';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  type FieldIssue,
} from '../errors.ts';
import type { Logger } from '../log.ts';

export interface HttpError {
  status: number;
  body: { error: string; issues?: FieldIssue[] };
}

/** The one place where domain errors become HTTP answers. */
export function mapRouteError(err: unknown): HttpError {
  if (err instanceof ValidationError) return { status: 400, body: { error: err.publicMessage, issues: err.issues } };
  if (err instanceof UnauthenticatedError) return { status: 401, body: { error: err.publicMessage } };
  if (err instanceof ForbiddenError) return { status: 403, body: { error: err.publicMessage } };
  if (err instanceof NotFoundError) return { status: 404, body: { error: err.publicMessage } };
  if (err instanceof ConflictError) return { status: 409, body: { error: err.publicMessage } };
  if (err instanceof RateLimitedError) return { status: 429, body: { error: err.publicMessage } };
  if (err instanceof UnavailableError) return { status: 503, body: { error: err.publicMessage } };
  if (err instanceof DomainError) return { status: 422, body: { error: err.publicMessage } };
  if (isBodyParserError(err)) {
    if (err.type === 'entity.too.large') {
      return { status: 413, body: { error: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป', issues: [{ path: '', message: 'body too large' }] } };
    }
    const message = err.type === 'entity.too.deep' ? 'body is nested too deeply' : 'body is not valid JSON';
    return { status: 400, body: { error: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', issues: [{ path: '', message }] } };
  }
  return { status: 500, body: { error: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง' } };
}

function isBodyParserError(err: unknown): err is { type: string; status: number } {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string' &&
    typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const mapped = mapRouteError(err);
    const detail = err instanceof Error ? err.message : String(err);
    const entry = { method: req.method, path: req.route?.path ?? req.path.replace(/\/U[0-9a-f]{32}/g, '/U…'), status: mapped.status, err: detail };
    if (mapped.status >= 500) log.error(entry, 'request failed');
    else log.info(entry, 'request refused');
    if (res.headersSent) {
      // A handler that failed after the storage deadline had answered for it (http/health.ts).
      (res.locals as { lateAnswer?: () => void }).lateAnswer?.();
      return;
    }
    // A dependency that is down: the client may retry, and is told when.
    if (mapped.status === 503) res.set('Retry-After', '5');
    res.status(mapped.status).json(mapped.body);
  };
}
