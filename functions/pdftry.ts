import { makePdf, layoutPdf } from '../test/plans/support/office.ts';
import { pdfToText } from './src/plans/sources/pdf.ts';
import { readFileSync } from 'node:fs';
const name = process.argv[2];
const text = readFileSync(`test/fixtures/plans/variants/${name}.txt`, 'utf8');
console.log(await pdfToText(makePdf(layoutPdf(text))));
