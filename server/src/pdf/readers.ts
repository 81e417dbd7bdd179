/**
 * The PDF readers, bundled together as `server/out/pdfReaders.js` so that pdf.js ships once: the
 * MTUS guideline import and the letter extraction. The CLI and the server load this bundle the first
 * time they meet a PDF (`node/mtusStore.ts`, `node/pdfLetter.ts`).
 */
export { extractGuideline } from '../knowledge/mtusImport';
export { extractLetterPdf } from './letterPdf';
