/** The issues of the InputError a function throws (test helper); fails the test when it throws anything else or nothing. */
import { expect } from "vitest";
import { InputError } from "../../src/errors.ts";

export function issuesOf(fn: () => unknown): InputError["issues"] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues;
  }
  throw new Error("expected an InputError");
}
