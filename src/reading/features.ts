import { stem, type Token } from "../curriculum/text-match";
import { type CompiledLexicon, conceptAt } from "./lexicon";

/** Words that carry no meaning on their own; negators are kept apart (they scope other words). */
const STOP = new Set(
  (
    "a an the of to and or is are was were be been being it this that these those in on at by for " +
    "with as from into than then so do does did just like really very can could would will should " +
    "shall may might must has have had i you we they he she them their there its my your our me " +
    "us about what which who whom how when where why if also thing things stuff basically actually " +
    "kind sort lot get got getting make made one ok yeah yes um uh well"
  )
    .split(" ")
    .map(stem),
);
const NEGATORS = new Set(["not", "no", "never", "nor", "neither", "without", "hardly"]);
/** Content words a negator reaches. */
const NEGATION_REACH = 3;

/** One sentence as units: a concept ("#predict") where the lexicon knows the phrase, else a stem. */
function unitsOf(sentence: readonly Token[], lexicon: CompiledLexicon): string[] {
  const stems = sentence.map((token) => token.stem);
  const units: string[] = [];
  let negatedFor = 0;
  let clause = sentence[0]?.clause ?? 0;
  for (let i = 0; i < stems.length; ) {
    const token = sentence[i] as Token;
    if (token.clause !== clause) {
      clause = token.clause;
      negatedFor = 0;
    }
    const stemmed = stems[i] as string;
    if (NEGATORS.has(stemmed) && stems[i + 1] !== "only") {
      negatedFor = NEGATION_REACH;
      i++;
      continue;
    }
    const concept = conceptAt(lexicon, stems, i);
    const unit = concept ? `#${concept.concept}` : stemmed;
    i += concept?.length ?? 1;
    if (!concept && STOP.has(stemmed)) continue;
    units.push(negatedFor > 0 ? `!${unit}` : unit);
    if (negatedFor > 0) negatedFor--;
  }
  return units;
}

/** Features of a sentence: its units and each pair of neighbouring units. */
function sentenceFeatures(units: readonly string[], into: Set<string>): void {
  units.forEach((unit, i) => {
    into.add(unit);
    const next = units[i + 1];
    if (next) into.add(`${unit} ${next}`);
  });
}

/** The features of tokenized text (curriculum/text-match's `tokenize`): units and neighbouring pairs. */
export function featuresOf(sentences: readonly Token[][], lexicon: CompiledLexicon): string[] {
  const features = new Set<string>();
  for (const sentence of sentences) sentenceFeatures(unitsOf(sentence, lexicon), features);
  return [...features];
}
