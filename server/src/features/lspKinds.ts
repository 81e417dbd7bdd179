/**
 * The few LSP enumeration values the features use, as plain constants: features import LSP *types*
 * only, never the runtime library, so they stay usable from the CLI or a browser worker.
 */
import type { CompletionItemKind, InsertTextFormat, SymbolKind } from 'vscode-languageserver-types';

/** SymbolKind values (LSP 3.17). */
export const SymbolKinds = {
  Object: 19,
  Field: 8,
  Namespace: 3,
  Class: 5,
  Property: 7,
  String: 15,
  Null: 21,
  File: 1,
  Event: 24,
} as const satisfies Record<string, SymbolKind>;

/** CompletionItemKind values (LSP 3.17). */
export const CompletionKinds = {
  Text: 1,
  Field: 5,
  Module: 9,
  Property: 10,
  Value: 12,
  Keyword: 14,
  Reference: 18,
  EnumMember: 20,
  Constant: 21,
} as const satisfies Record<string, CompletionItemKind>;

/** InsertTextFormat values. */
export const TextFormats = {
  PlainText: 1,
  Snippet: 2,
} as const satisfies Record<string, InsertTextFormat>;
