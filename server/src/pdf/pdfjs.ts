/**
 * Loading pdf.js in-process, shared by the two PDF readers (MTUS guideline import, letter
 * extraction). pdf.js runs without a worker thread: its worker's message handler is loaded into this
 * thread (`globalThis.pdfjsWorker`), which pdf.js then uses as its "fake worker".
 *
 * Only the PDF readers' bundle (`pdfReaders.js`, see `readers.ts`) includes this module; the CLI
 * and the server load it when a PDF is first met.
 */
export type PdfJs = typeof import('pdfjs-dist');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js and its worker code in-process, once. While loading, pdf.js prints "Warning: ..."
 * lines about canvas polyfills it only needs for rendering; they are dropped, because stdout is the
 * language server's channel and the CLI's output.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning:')) return;
      log(...args);
    };
    try {
      const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
      // @ts-expect-error pdf.js ships no type declarations for its worker module.
      const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return lib;
    } finally {
      console.log = log;
    }
  })();
  return pdfjs;
}

/**
 * Starts reading a PDF with pdf.js as both readers do: on a copy of the bytes (pdf.js takes
 * ownership of the buffer it is given), no eval, no fonts, no fetches.
 */
export async function openPdf(bytes: Uint8Array): Promise<ReturnType<PdfJs['getDocument']>> {
  const lib = await loadPdfJs();
  return lib.getDocument({
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
  });
}

/** True when the bytes start with the PDF signature (allowing a little junk before it, as readers do). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
