/** What one planning rule decided, by descriptor id: selected with a reason, or skipped with one. */
export interface Selection {
  selected: Map<string, string>;
  skipped: Map<string, string>;
  notes: string[];
}
