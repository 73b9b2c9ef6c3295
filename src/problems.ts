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
