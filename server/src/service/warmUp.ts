/**
 * Warming the engine in idle time after the server starts: the knowledge (the drug lexicon, the
 * English words, the MTUS index) is built, and the parser, the checks and the incremental path run
 * on a small letter of our own, so that the first letter a user opens, and the first keystrokes in
 * it, do not pay for it. Pure: the server decides when each step runs (one per turn of its event
 * loop, so that a request that comes in waits for one small step at most).
 */
import { analyze, type Analysis } from '../engine';
import { reanalyze } from '../incremental';
import type { Knowledge } from '../knowledge';
import { isEnglishWord } from '../knowledge/english';

/** A short letter in the published layout, written for this purpose (no real case). */
export const WARM_UP_LETTER = [
  '<b>Case Number:</b>\tCM15-0000001\t\t',
  '<b>Date Assigned:</b>\t01/05/2015\t<b>Date of Injury:</b>\t03/02/2012',
  '<b>Decision Date:</b>\t02/20/2015\t<b>UR Denial Date:</b>\t12/29/2014',
  '<b>Priority:</b>\tStandard\t<b>Application Received:</b>\t01/02/2015',
  '',
  '### HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  'The Expert Reviewer has the following credentials:  ',
  ' State(s) of Licensure: California  ',
  ' Certification(s)/Specialty: Internal Medicine',
  '',
  '### CLINICAL CASE SUMMARY',
  '',
  'The injured worker is a 50 year old male with chronic neck pain after a fall at work. He takes Gabapentin and reports poor sleep.',
  '',
  '### IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  '**Baclofan 10mg #60:** Upheld',
  '',
  '**Claims Administrator guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63-66.',
  '',
  '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63-66.',
  '',
  '**Decision rationale:** The notes give no sign of spasm and no gain in function from earlier use. The request for BACLOFEN 10MG #60 is not medically necessary.',
  '',
  '**Cervical spine MRI:** Overturned',
  '',
  '**Claims Administrator guideline:** Decision based on MTUS ACOEM Practice Guidelines, Chapter 8, Neck and Upper Back Complaints, page 177-178.',
  '',
  '**MAXIMUS guideline:** Decision based on MTUS ACOEM Practice Guidelines, Chapter 8, Neck and Upper Back Complaints, page 177-178.',
  '',
  '**Decision rationale:** Weakness in the arm has grown over three visits. The request for a cervical spine MRI is medically necessary.',
  '',
].join('\n');

/** How many keystrokes the warm-up types (enough for the incremental path's code to be compiled). */
const KEYSTROKES = 24;

/**
 * The steps of the warm-up: the English words read, then the letter analysed whole, then typed
 * into a keystroke at a time (each step one analysis). Any failure ends it; the caller logs it.
 */
export function* warmUpSteps(knowledge: Knowledge): Generator<void> {
  // First what any letter's analysis needs: the knowledge (built by the caller) and the English words.
  isEnglishWord('letter');
  knowledge.drugs.isKnown('baclofen');
  yield;
  let analysis: Analysis = analyze(WARM_UP_LETTER, { knowledge });
  yield;
  const at = WARM_UP_LETTER.indexOf('no gain in function');
  for (let k = 0; k < KEYSTROKES; k++) {
    const text = k % 2 === 0 ? WARM_UP_LETTER.slice(0, at) + 'x' + WARM_UP_LETTER.slice(at) : WARM_UP_LETTER;
    analysis = reanalyze(analysis, text, { knowledge });
    yield;
  }
}
