/**
 * A report line in words: its commitment's measure, or "Additional: " and the measure for additional social value; a line
 * from a met pledge on the community needs board also names the organisation.
 */
export function lineLabel(line: {
  commitmentId: string | null;
  code: string;
  title: string;
  commitmentCode: string | null;
  commitmentTitle: string | null;
  /** the community organisation, when the line is a pledge it confirmed met */
  pledgeTo?: string | null;
}): string {
  const label = line.commitmentId ? `${line.commitmentCode ?? line.code} ${line.commitmentTitle ?? line.title}` : `Additional: ${line.code} ${line.title}`;
  return line.pledgeTo ? `${label}, pledge to ${line.pledgeTo}` : label;
}
