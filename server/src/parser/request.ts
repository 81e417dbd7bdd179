/**
 * What a title says about the request beyond the treatment: a modified request ("X was the
 * original request. Y was authorized by the Claims Administrator. The remaining IMR eligible
 * portion of the original request, Z is"), and a retrospective one with its date of service.
 */
import { isSpace } from '../text/space';
import type { ModifiedRequest, Span } from '../model';
import { sourceOffsetOf } from '../text/trim';
import { isoOf } from './header';
import {
  ADMINISTRATOR_AUTHORIZED,
  AUTHORIZED_BY,
  LEAVING_ELIGIBLE,
  ORIGINAL_REQUEST,
  REMAINING_PORTION,
  RETROSPECTIVE,
  SERVICE_DATE,
} from './vocabulary';

export interface RequestParts {
  /** The part of the title that names the treatment under review. */
  subject: Span;
  request?: ModifiedRequest;
  retrospective?: boolean;
  serviceDate?: string;
}

/** "Retrospective request for", "Retro:" ... before the treatment's name. */
const RETRO_LEAD = /^(?:retro(?:spective(?:ly)?)?)(?:\s+(?:request|review)(?:\s+for)?)?\s*[:,-]?\s+(?:for\s+)?/i;
/** The verb that ends a frame's last part: "Z is". */
const TRAILING_VERB = /\b(?:is|was|are)$/i;

/** Reads the request parts of a title (offsets are found in `source`). */
export function readRequest(title: Span, source: string): RequestParts {
  const sub = subSpans(title, source);
  const request = modifiedRequest(title.text, sub);
  let subject = request ? request.remaining : title;
  const subjectFrom = request ? request.remainingFrom : 0;
  const out: RequestParts = { subject };
  if (request) out.request = { original: request.original, authorized: request.authorized, remaining: request.remaining };
  if (RETROSPECTIVE.test(title.text)) {
    out.retrospective = true;
    const d = SERVICE_DATE.exec(title.text);
    if (d) {
      const year = d[3].length === 2 ? 2000 + Number(d[3]) : Number(d[3]);
      const iso = isoOf(year, Number(d[1]), Number(d[2]));
      if (iso) out.serviceDate = iso;
    }
    const lead = RETRO_LEAD.exec(subject.text);
    if (lead && lead[0].length < subject.text.length) {
      const from = subjectFrom + lead[0].length;
      subject = sub(from, from + subject.text.length - lead[0].length);
      out.subject = subject;
    }
  }
  return out;
}

/** Spans of parts of the title's text, [from, to) trimmed, mapped to the source. */
function subSpans(title: Span, source: string): (from: number, to: number) => Span {
  const plain = title.end - title.start === title.text.length && source.startsWith(title.text, title.start);
  const offset = (i: number) => (plain ? title.start + i : sourceOffsetOf(source, title.start, title.end, title.text, i));
  return (from, to) => {
    const text = title.text;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && /[\s,]/.test(text[to - 1])) to--;
    if (to <= from) return { text: '', start: offset(from), end: offset(from) };
    return { text: text.slice(from, to), start: offset(from), end: offset(to - 1) + 1 };
  };
}

/** The three parts of a modified request's title, or undefined when the title is not one. */
function modifiedRequest(text: string, sub: (from: number, to: number) => Span): (ModifiedRequest & { remainingFrom: number }) | undefined {
  const first = ORIGINAL_REQUEST.exec(text);
  if (!first || first.index === 0) return undefined;
  const original = sub(0, first.index);
  let at = first.index + first[0].length;
  let authorized: Span | null = null;
  const rest = text.slice(at);
  const by = AUTHORIZED_BY.exec(rest);
  const lead = ADMINISTRATOR_AUTHORIZED.exec(rest);
  if (lead) {
    const leaving = LEAVING_ELIGIBLE.exec(rest);
    if (!leaving) return undefined;
    authorized = sub(at + lead[0].length, at + leaving.index);
    at += leaving.index + leaving[0].length;
  } else if (by) {
    authorized = sub(at, at + by.index);
    at += by.index + by[0].length;
  }
  const remaining = REMAINING_PORTION.exec(text.slice(at));
  if (!remaining) return undefined;
  const from = at + remaining[0].length;
  const tail = text.slice(from).trimEnd();
  const verb = TRAILING_VERB.exec(tail);
  const to = verb && verb.index > 0 ? from + verb.index : from + tail.length;
  if (to <= from) return undefined;
  const remainingFrom = from + (/^\s*/.exec(text.slice(from))?.[0].length ?? 0);
  return { original, authorized, remaining: sub(from, to), remainingFrom };
}
