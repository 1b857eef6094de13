/** A report line in words: its commitment's measure, or "Additional: " and the measure for additional social value. */
export function lineLabel(line: {
  commitmentId: string | null;
  code: string;
  title: string;
  commitmentCode: string | null;
  commitmentTitle: string | null;
}): string {
  return line.commitmentId ? `${line.commitmentCode ?? line.code} ${line.commitmentTitle ?? line.title}` : `Additional: ${line.code} ${line.title}`;
}
