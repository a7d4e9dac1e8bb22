// CEL expressions (trigger `expression`/`if`, concurrency keys), evaluated like the real server
// does with an `event` binding. Parsed programs are cached per source text.
import { type ParseResult, parse } from "@marcbachmann/cel-js";

type Compiled = { program: ParseResult } | { error: Error };

// Expressions come from function configs, so the set is small; the cap only guards against abuse.
const MAX_CACHED = 1_000;
const cache = new Map<string, Compiled>();

function compile(source: string): Compiled {
  let compiled = cache.get(source);
  if (!compiled) {
    try {
      compiled = { program: parse(source) };
    } catch (error) {
      compiled = { error: error instanceof Error ? error : new Error(String(error)) };
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(source, compiled);
  }
  return compiled;
}

/** First line of a cel-js error (the rest is a source excerpt with a caret). */
export function expressionErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim();
}

/** Evaluates `source` against `bindings`; throws on a syntax or evaluation error. */
function evaluateExpression(source: string, bindings: Record<string, unknown>): unknown {
  const compiled = compile(source);
  if ("error" in compiled) throw compiled.error;
  return compiled.program(bindings);
}

export type ExpressionErrorHandler = (source: string, error: unknown) => void;

/**
 * True only when the expression yields boolean true. Errors (a missing field, a type mismatch,
 * bad syntax) are reported and count as "no match", so one bad trigger cannot break ingest.
 */
export function expressionMatches(
  source: string | null | undefined,
  bindings: Record<string, unknown>,
  onError: ExpressionErrorHandler,
): boolean {
  if (!source?.trim()) return true;
  try {
    return evaluateExpression(source, bindings) === true;
  } catch (error) {
    onError(source, error);
    return false;
  }
}

/** The value used when a key expression fails: every such run then shares one key. */
export const ERRORED_KEY = "\u0000expression-error";

/** A flow-control key as a string (CEL ints are bigints, which JSON cannot encode). */
export function expressionKey(
  source: string,
  bindings: Record<string, unknown>,
  onError: ExpressionErrorHandler,
): string {
  try {
    const value = evaluateExpression(source, bindings);
    if (typeof value === "string") return value;
    return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "null";
  } catch (error) {
    onError(source, error);
    return ERRORED_KEY;
  }
}
