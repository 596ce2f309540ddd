/**
 * Report formatters: renders report sections as a terminal table (cli-table3) or GitHub markdown, and results as
 * JSON (2-space, with `Infinity`/`NaN` refused so nothing unrepresentable is written silently).
 */
import Table from "cli-table3";
import { UsageError } from "../errors.ts";
import type { Section } from "./sections.ts";

export { OUTPUT_FORMATS, type OutputFormat } from "./output-format.ts";

/** Renders sections as boxed terminal tables. */
export function formatTable(sections: Section[]): string {
  const parts: string[] = [];
  for (const s of sections) {
    const t = new Table({ head: s.headers, colAligns: s.align, style: { head: [], border: [] }, wordWrap: true });
    for (const r of s.rows) t.push(r);
    parts.push(`${s.title}${s.note ? `\n${s.note}` : ""}\n${t.toString()}`);
  }
  return parts.join("\n\n") + "\n";
}

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Renders sections as GitHub-flavoured markdown tables. */
export function formatMarkdown(sections: Section[], heading?: string): string {
  const parts: string[] = [];
  if (heading) parts.push(`# ${heading}`);
  for (const s of sections) {
    const lines = [`## ${s.title}`, ""];
    if (s.note) lines.push(s.note, "");
    lines.push(`| ${s.headers.map(mdCell).join(" | ")} |`);
    lines.push(`| ${s.align.map((a) => (a === "right" ? "---:" : ":---")).join(" | ")} |`);
    for (const r of s.rows) lines.push(`| ${r.map(mdCell).join(" | ")} |`);
    parts.push(lines.join("\n"));
  }
  return parts.join("\n\n") + "\n";
}

/**
 * Serialises a result as 2-space JSON with a trailing newline.
 * @throws UsageError (code `non-json-number`) if a non-finite number slipped into the result (a bug, not input).
 */
export function formatJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (key, v) => {
        if (typeof v === "number" && !Number.isFinite(v)) {
          throw new UsageError(`non-finite number ${v} at key "${key}" cannot be written as JSON`, "non-json-number");
        }
        return v;
      },
      2,
    ) + "\n"
  );
}
