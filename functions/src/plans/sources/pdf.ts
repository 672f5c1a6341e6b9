export async function pdfToText(_bytes: Uint8Array): Promise<string> {
  throw new Error('todo');
}
