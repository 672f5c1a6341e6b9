/**
 * LINE's documented limits on what a bot sends, and the one helper that fits text built from data into them.
 *
 * How LINE counts: text length in UTF-16 code units (an emoji such as 🍎 is 2); LINE's "character counting" page says
 * action labels and texts and the buttons/confirm/carousel template title and text are counted in grapheme clusters
 * instead, but reports from a full run (issue 22) have a 21-unit Thai label refused, Thai vowel and tone marks counted.
 * So everything here counts UTF-16 code units, which is never fewer than grapheme clusters: a text that fits by this
 * count fits by either of LINE's.
 */

export const LINE_LIMITS = {
  messagesPerRequest: 5,
  text: 5000,
  /** Flex and imagemap messages. */
  flexAltText: 1500,
  /** Template messages. */
  templateAltText: 400,
  /** Template actions and quick-reply buttons. */
  actionLabel: 20,
  /** Image-carousel template actions. */
  imageCarouselLabel: 12,
  /** Flex button actions. */
  flexButtonLabel: 40,
  buttonsTitle: 40,
  buttonsText: 160,
  /** Buttons template text when it has a title or an image. */
  buttonsTextWithTitle: 60,
  buttonsActions: 4,
  confirmText: 240,
  carouselColumns: 10,
  carouselTitle: 40,
  carouselText: 120,
  carouselTextWithTitle: 60,
  carouselActions: 3,
  /** Message action text, postback displayText. */
  actionText: 300,
  postbackData: 300,
  uri: 1000,
  quickReplyItems: 13,
  flexCarouselBubbles: 12,
  /** Bytes of a bubble's JSON ("30 KB": read as 30,000 bytes, the stricter reading). */
  bubbleBytes: 30_000,
  /** Bytes of a flex carousel's JSON ("50 KB"). */
  carouselBytes: 50_000,
} as const;

/** The length LINE checks (UTF-16 code units). */
export const lineLength = (text: string): number => text.length;

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Cuts `text` to at most `max` UTF-16 code units, ending with "…" when cut. The cut falls between grapheme clusters (a
 * Thai vowel or tone mark never loses its consonant, an emoji is never split) and, when a word boundary keeps at least
 * half of the room, between words. Whitespace runs are kept as they are; only trailing space before "…" is dropped.
 */
export function fitText(text: string, max: number): string {
  if (lineLength(text) <= max) return text;
  if (max <= 0) return '';
  const room = max - ELLIPSIS.length;
  const byGrapheme = takeWithin(graphemes.segment(text), room);
  const byWord = takeWithin(words.segment(text), room);
  const kept = byWord.trimEnd().length >= room / 2 ? byWord : byGrapheme;
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

function takeWithin(segments: Iterable<{ segment: string }>, room: number): string {
  let out = '';
  for (const { segment } of segments) {
    if (out.length + segment.length > room) break;
    out += segment;
  }
  return out;
}

/** A template-action or quick-reply label (≤ 20). */
export const actionLabel = (text: string): string => fitText(text.replace(/\s+/g, ' ').trim(), LINE_LIMITS.actionLabel);

/** A Flex button label (≤ 40). */
export const flexButtonLabel = (text: string): string => fitText(text.replace(/\s+/g, ' ').trim(), LINE_LIMITS.flexButtonLabel);
