/** A problem found in an input file, reported as one line that names the file, the field and the reason. */
export interface Problem {
  file: string;
  field?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/** How many files a line of warnings of one kind names before "and N more". */
const FILES_NAMED = 3;

/**
 * Warnings as lines, one per kind (the same field and reason) with how many files have it and the
 * first few: 600 posts moved from Jekyll with a `layout` key make one line, not 600. `verbose`
 * gives a line for every warning.
 */
export function formatWarnings(warnings: Problem[], verbose = false): string[] {
  if (verbose) return warnings.map(formatProblem);
  const kinds = new Map<string, Problem[]>();
  for (const warning of warnings) {
    const key = `${warning.field ?? ""}\u0000${warning.message}`;
    const kind = kinds.get(key);
    if (kind) kind.push(warning);
    else kinds.set(key, [warning]);
  }
  return [...kinds.values()].map((kind) => {
    if (kind.length === 1) return formatProblem(kind[0]!);
    const { field, message } = kind[0]!;
    const named = kind.slice(0, FILES_NAMED).map((warning) => warning.file).join(", ");
    const more = kind.length > FILES_NAMED ? ` and ${kind.length - FILES_NAMED} more; --verbose names them all` : "";
    return `${kind.length} files: ${field ? `${field}: ` : ""}${message} (${named}${more})`;
  });
}

/** Thrown when inputs are invalid; carries every problem so all are reported at once. */
export class ProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const count = problems.length;
    super(
      `${count} problem${count === 1 ? "" : "s"} in the content:\n` +
        problems.map((p) => "  " + formatProblem(p)).join("\n"),
    );
    this.name = "ProblemsError";
    this.problems = problems;
  }
}
