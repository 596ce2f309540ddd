import { describe, expect, test } from "vitest";
import { InputError, IssueList } from "../src/errors.ts";

describe("IssueList", () => {
  test("keeps at most max issues and counts the rest in one closing issue", () => {
    const issues = new IssueList({ max: 2 });
    for (const line of [1, 2, 3, 4]) issues.add({ line, code: "bad", message: `bad line ${line}` });
    expect(issues.count).toBe(4);
    expect(issues.list()).toEqual([
      { line: 1, code: "bad", message: "bad line 1" },
      { line: 2, code: "bad", message: "bad line 2" },
      { code: "too-many-issues", message: "2 more issue(s) omitted" },
    ]);
  });

  test("perCode caps each code separately, with the code passed to the closing issue", () => {
    const issues = new IssueList({ max: 1, perCode: true, omitted: (n, code) => ({ code: "issues-omitted", message: `${n} more "${code}"` }) });
    issues.addAll([
      { code: "a", message: "a1" },
      { code: "b", message: "b1" },
      { code: "a", message: "a2" },
      { code: "a", message: "a3" },
    ]);
    expect(issues.list().map((i) => i.message)).toEqual(["a1", "b1", '2 more "a"']);
  });

  test("throwIfAny throws an InputError with the given code only when something was added", () => {
    const issues = new IssueList();
    expect(() => issues.throwIfAny("invalid-x")).not.toThrow();
    issues.add({ file: "f.txt", line: 3, code: "bad", message: "bad" });
    let caught: unknown;
    try {
      issues.throwIfAny("invalid-x");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe("invalid-x");
    expect((caught as InputError).issues).toHaveLength(1);
    expect((caught as InputError).exitCode).toBe(3);
  });
});
