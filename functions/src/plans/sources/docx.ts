export function docxToText(_bytes: Uint8Array): string {
  throw new Error('todo');
}
