/**
 * Document links: each cited page (guideline lines and rationale prose) links to that page of the
 * guideline's PDF when the user imported it (the import keeps a copy; see "IMR: Import MTUS
 * Guideline PDF"). Without an imported PDF there is nothing to link to, and no link is made.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import type { Span } from '../model';
import { letterDate } from '../checks/mtusCitations';
import type { LetterDocument } from './document';

/** Most links made for one document. */
const MAX_LINKS = 2000;

/** The links of a letter. */
export function documentLinks(doc: LetterDocument, knowledge: Knowledge): DocumentLink[] {
  return build(doc, knowledge);
}

function build(doc: LetterDocument, knowledge: Knowledge): DocumentLink[] {
  const { decision } = doc.analysis;
  const mtus = knowledge.mtus;
  const date = letterDate(decision);
  const links: DocumentLink[] = [];
  /** Links the span (its first line) to the first of the pages the imported PDF has. */
  const add = (span: Span, guidelineId: string, pages: number[]) => {
    if (links.length >= MAX_LINKS) return;
    for (const page of pages.slice(0, 100)) {
      const d = mtus.describe({ guidelineId, page, maxChars: 0 });
      if (!d?.link) continue;
      let end = Math.min(span.end, doc.lines.lineEnd(doc.lines.lineAt(span.start)));
      while (end > span.start && /\s/.test(doc.analysis.text[end - 1])) end--;
      links.push({
        range: doc.lines.range(span.start, end),
        target: pageFileUri(d.link.file, d.link.pdfPage),
        tooltip: `Open page ${page} of ${d.guideline.name}`,
      });
      return;
    }
  };
  for (const item of decision.items) {
    let itemGuideline: string | null = null;
    for (const line of item.guidelines) {
      for (const c of line.citations) {
        if (c.pageRefs.length === 0) continue;
        const res = mtus.resolveCitation(c, { date });
        if (!res.guideline || (res.status !== 'mtus' && res.status !== 'later')) continue;
        if (line.by === 'maximus' || !itemGuideline) itemGuideline = res.guideline.id;
        for (const ref of c.pageRefs) add(ref.span, res.guideline.id, range(ref.from, ref.to));
      }
    }
    for (const c of item.rationale?.citations ?? []) {
      if (c.pages.length === 0) continue;
      let id = itemGuideline;
      if (c.guideline && !/^(?:MTUS\s*)?Guidelines?$/i.test(c.guideline)) {
        const res = mtus.resolveCitation({ guideline: c.guideline, topic: null, pageRefs: [] }, { date });
        if (res.guideline && res.guideline.id !== 'mtus') id = res.guideline.id;
      }
      if (id) add(c.span, id, c.pages);
    }
  }
  return links;
}


function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let p = from; p <= to && out.length < 100; p++) out.push(p);
  return out;
}

/**
 * A file: uri for a stored PDF and a page (`#page=N`, which PDF viewers understand). Accepts POSIX
 * and Windows paths, or a uri as it is.
 */
export function pageFileUri(file: string, pdfPage: number): string {
  let uri: string;
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) {
    const hash = file.indexOf('#');
    uri = hash < 0 ? file : file.slice(0, hash);
  } else {
    const slashed = file.replace(/\\/g, '/');
    const drive = /^[A-Za-z]:\//.test(slashed);
    const segments = slashed.split('/').map((s, i) => (drive && i === 0 ? s : encodeURIComponent(s)));
    const path = segments.join('/');
    uri = drive ? `file:///${path}` : path.startsWith('//') ? `file:${path}` : `file://${path.startsWith('/') ? '' : '/'}${path}`;
  }
  return `${uri}#page=${pdfPage}`;
}
