import { LINE_LIMITS as L, lineLength } from '../limits.ts';
import { isObject, join, type Problem } from './openapi.ts';

/**
 * The limits LINE documents in its Messaging API reference but not in `messaging-api.yml` (the schema leaves lengths,
 * counts and sizes of message objects out). Checked on the messages of a reply, push or multicast body, each problem
 * at the property path LINE reports. Lengths are UTF-16 code units (see line/limits.ts on how LINE counts).
 */
export function documentedLimitProblems(messages: unknown): Problem[] {
  const out: Problem[] = [];
  if (!Array.isArray(messages)) return out;
  messages.forEach((m, i) => {
    if (isObject(m)) checkMessage(m, `messages[${i}]`, out);
  });
  return out;
}

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const URI_SCHEMES = /^(https?|line|tel):/i;

function length(out: Problem[], property: string, value: unknown, max: number, min = 1): void {
  const s = str(value);
  if (s === undefined) return;
  if (lineLength(s) < min) out.push({ property, message: 'May not be empty' });
  else if (lineLength(s) > max) out.push({ property, message: `Length must be between ${min} and ${max}` });
}

function count(out: Problem[], property: string, value: unknown, min: number, max: number): void {
  if (!Array.isArray(value)) return;
  if (value.length < min || value.length > max) out.push({ property, message: `Size must be between ${min} and ${max}` });
}

function required(out: Problem[], property: string, value: unknown): boolean {
  if (value === undefined || value === null) {
    out.push({ property, message: 'must be specified' });
    return false;
  }
  return true;
}

function httpsUrl(out: Problem[], property: string, value: unknown, max = 2000): void {
  const s = str(value);
  if (s === undefined) return;
  if (!/^https:\/\//i.test(s)) out.push({ property, message: 'must be an HTTPS URL' });
  length(out, property, s, max);
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function checkMessage(m: Obj, path: string, out: Problem[]): void {
  switch (m.type) {
    case 'text':
      length(out, join(path, 'text'), m.text, L.text);
      break;
    case 'image':
    case 'video':
      httpsUrl(out, join(path, 'originalContentUrl'), m.originalContentUrl);
      httpsUrl(out, join(path, 'previewImageUrl'), m.previewImageUrl);
      break;
    case 'audio':
      httpsUrl(out, join(path, 'originalContentUrl'), m.originalContentUrl);
      break;
    case 'location':
      length(out, join(path, 'title'), m.title, 100);
      length(out, join(path, 'address'), m.address, 100);
      break;
    case 'imagemap':
      length(out, join(path, 'altText'), m.altText, L.flexAltText);
      break;
    case 'template':
      length(out, join(path, 'altText'), m.altText, L.templateAltText);
      if (isObject(m.template)) checkTemplate(m.template, join(path, 'template'), out);
      break;
    case 'flex':
      length(out, join(path, 'altText'), m.altText, L.flexAltText);
      if (isObject(m.contents)) checkFlexContainer(m.contents, join(path, 'contents'), out);
      break;
    default:
      break;
  }
  if (isObject(m.quickReply)) {
    arr(m.quickReply.items).forEach((item, i) => {
      const at = `${join(path, 'quickReply.items')}[${i}].action`;
      if (isObject(item) && required(out, at, item.action) && isObject(item.action)) checkAction(item.action, at, out, L.actionLabel);
    });
  }
}

function checkTemplate(t: Obj, path: string, out: Problem[]): void {
  const actions = (list: unknown, at: string, labelMax: number) =>
    arr(list).forEach((a, i) => isObject(a) && checkAction(a, `${at}[${i}]`, out, labelMax));
  switch (t.type) {
    case 'buttons': {
      const titled = t.title !== undefined || t.thumbnailImageUrl !== undefined;
      length(out, join(path, 'title'), t.title, L.buttonsTitle);
      length(out, join(path, 'text'), t.text, titled ? L.buttonsTextWithTitle : L.buttonsText);
      httpsUrl(out, join(path, 'thumbnailImageUrl'), t.thumbnailImageUrl);
      count(out, join(path, 'actions'), t.actions, 1, L.buttonsActions);
      actions(t.actions, join(path, 'actions'), L.actionLabel);
      if (isObject(t.defaultAction)) checkAction(t.defaultAction, join(path, 'defaultAction'), out, L.actionLabel);
      break;
    }
    case 'confirm':
      length(out, join(path, 'text'), t.text, L.confirmText);
      count(out, join(path, 'actions'), t.actions, 2, 2);
      actions(t.actions, join(path, 'actions'), L.actionLabel);
      break;
    case 'carousel': {
      const columns = arr(t.columns);
      count(out, join(path, 'columns'), t.columns, 1, L.carouselColumns);
      const first = columns[0];
      columns.forEach((c, i) => {
        if (!isObject(c)) return;
        const at = `${join(path, 'columns')}[${i}]`;
        const titled = c.title !== undefined || c.thumbnailImageUrl !== undefined;
        length(out, join(at, 'title'), c.title, L.carouselTitle);
        length(out, join(at, 'text'), c.text, titled ? L.carouselTextWithTitle : L.carouselText);
        httpsUrl(out, join(at, 'thumbnailImageUrl'), c.thumbnailImageUrl);
        count(out, join(at, 'actions'), c.actions, 1, L.carouselActions);
        actions(c.actions, join(at, 'actions'), L.actionLabel);
        if (isObject(c.defaultAction)) checkAction(c.defaultAction, join(at, 'defaultAction'), out, L.actionLabel);
        // Every column has the same number of actions, and a title or an image in all columns or in none.
        if (i > 0 && isObject(first)) {
          if (arr(c.actions).length !== arr(first.actions).length) out.push({ property: join(at, 'actions'), message: 'must have the same number of actions in all columns' });
          if ((c.title === undefined) !== (first.title === undefined)) out.push({ property: join(at, 'title'), message: 'must be set in all columns or in none' });
          if ((c.thumbnailImageUrl === undefined) !== (first.thumbnailImageUrl === undefined)) {
            out.push({ property: join(at, 'thumbnailImageUrl'), message: 'must be set in all columns or in none' });
          }
        }
      });
      break;
    }
    case 'image_carousel':
      count(out, join(path, 'columns'), t.columns, 1, L.carouselColumns);
      arr(t.columns).forEach((c, i) => {
        if (!isObject(c)) return;
        const at = `${join(path, 'columns')}[${i}]`;
        httpsUrl(out, join(at, 'imageUrl'), c.imageUrl);
        if (isObject(c.action)) checkAction(c.action, join(at, 'action'), out, L.imageCarouselLabel);
      });
      break;
    default:
      break;
  }
}

/**
 * An action. `labelMax` is the label limit of where it sits (template and quick reply 20, image carousel 12, Flex
 * button 40), with the label required there; undefined where a label is optional and not shown (Flex boxes, texts).
 */
function checkAction(a: Obj, path: string, out: Problem[], labelMax: number | undefined): void {
  if (labelMax !== undefined && required(out, join(path, 'label'), a.label)) length(out, join(path, 'label'), a.label, labelMax);
  switch (a.type) {
    case 'message':
      if (required(out, join(path, 'text'), a.text)) length(out, join(path, 'text'), a.text, L.actionText);
      break;
    case 'postback':
      required(out, join(path, 'data'), a.data); // its length (≤ 300) is in the schema
      length(out, join(path, 'displayText'), a.displayText, L.actionText);
      length(out, join(path, 'text'), a.text, L.actionText);
      break;
    case 'uri': {
      if (!required(out, join(path, 'uri'), a.uri)) break;
      const uri = str(a.uri) ?? '';
      if (!URI_SCHEMES.test(uri)) out.push({ property: join(path, 'uri'), message: 'invalid uri scheme: must be http, https, line or tel' });
      else length(out, join(path, 'uri'), uri, L.uri);
      break;
    }
    case 'datetimepicker':
      required(out, join(path, 'data'), a.data);
      required(out, join(path, 'mode'), a.mode);
      break;
    default:
      break;
  }
}

function checkFlexContainer(c: Obj, path: string, out: Problem[]): void {
  if (c.type === 'bubble') {
    if (bytes(c) > L.bubbleBytes) out.push({ property: path, message: `A bubble's JSON must be at most ${L.bubbleBytes} bytes` });
    checkFlexTree(c, path, out);
  } else if (c.type === 'carousel') {
    count(out, join(path, 'contents'), c.contents, 1, L.flexCarouselBubbles);
    if (bytes(c) > L.carouselBytes) out.push({ property: path, message: `A carousel's JSON must be at most ${L.carouselBytes} bytes` });
    arr(c.contents).forEach((b, i) => {
      if (!isObject(b)) return;
      const at = `${join(path, 'contents')}[${i}]`;
      if (bytes(b) > L.bubbleBytes) out.push({ property: at, message: `A bubble's JSON must be at most ${L.bubbleBytes} bytes` });
      checkFlexTree(b, at, out);
    });
  }
}

/** Actions anywhere in a bubble: a Flex button's label is required and at most 40; other components' are optional. */
function checkFlexTree(node: Obj, path: string, out: Problem[]): void {
  for (const [key, value] of Object.entries(node)) {
    const at = join(path, key);
    if (key === 'action' && isObject(value)) {
      checkAction(value, at, out, node.type === 'button' ? L.flexButtonLabel : undefined);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => isObject(v) && checkFlexTree(v, `${at}[${i}]`, out));
    } else if (isObject(value)) {
      checkFlexTree(value, at, out);
    }
  }
}
