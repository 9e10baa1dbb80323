// One reference read from a file a citation manager or PubMed exported, in the few fields a study's reference has.

export interface ImportedRecord {
  /** The line of the file it starts on. */
  line: number;
  /** How messages name it: "record 2 (line 14)", "entry negahban2013 (line 1)". */
  label: string;
  title?: string;
  authors: { family: string; given?: string }[];
  journal?: string;
  year?: number;
  month?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  /** An article number, where the journal numbers articles instead of giving pages. */
  number?: string;
  doi?: string;
  pmid?: string;
  abstract?: string;
}
