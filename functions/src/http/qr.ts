import { renderSVG } from 'uqr';

/**
 * A QR code as inline SVG, for printable posters (queue tickets, satisfaction forms). Error correction M: a poster on a
 * counter gets scuffed. The SVG scales to its box, so print size is set by CSS.
 */
export function qrSvg(text: string, label: string): string {
  const svg = renderSVG(text, { ecc: 'M', border: 2, pixelSize: 10, whiteColor: '#ffffff', blackColor: '#000000' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/"/g, '&quot;')}" width="100%" height="100%" preserveAspectRatio="xMidYMid meet" `);
}
