// Pure helpers of gr.Dialogue (components/dialogue.js): lines to plain text and back, and the ":" tag
// picker's query and insertion. Tested with node (tests/frontend/dialogue.test.mjs).

// The server probes the app's formatter with these stand-ins (blocks/components/dialogue.py).
export const TEXT_MARK = "\ue000";
export const SPEAKER_MARK = "\ue001";

const fill = (template, mark, text) => template.split(mark).join(text);

/** One line as the app's formatter writes it: the speaker's probed format, the format for any speaker,
 * or "[speaker] text". */
export function formatLine(line, props) {
  const own = props.line_formats?.[line.speaker];
  const any = props.line_format == null ? null : fill(props.line_format, SPEAKER_MARK, line.speaker);
  return fill(own ?? any ?? `[${line.speaker}] ${TEXT_MARK}`, TEXT_MARK, line.text);
}

/** The lines as one string, joined by the separator; one empty line is "" (a string stays as it is). */
export function formatLines(lines, props) {
  if (lines == null || typeof lines === "string") return lines ?? "";
  if (lines.length === 1 && lines[0].text === "") return "";
  return lines.map((line) => formatLine(line, props)).join(props.separator ?? "\n");
}

/** "[speaker] text" back to a line; any other text is the first speaker's (Gradio's default unformatter). */
function parseDefault(line, speaker) {
  const end = line.indexOf("]");
  if (line.startsWith("[") && end > 0) return { speaker: line.slice(1, end), text: line.slice(end + 1).trim() };
  return { speaker, text: line };
}

/** The speaker whose probed format fits the line best (the longest fixed text around it), or null. */
function parseByFormat(line, props) {
  let best = null;
  for (const speaker of props.speakers ?? []) {
    const format = props.line_formats?.[speaker];
    if (format == null) continue;
    const [before, after] = format.split(TEXT_MARK).map((part, i) => (i ? part.trimEnd() : part.trimStart()));
    if (line.length < before.length + after.length || !line.startsWith(before) || !line.endsWith(after)) continue;
    if (best && best.fixed >= before.length + after.length) continue;
    best = { fixed: before.length + after.length, line: { speaker, text: line.slice(before.length,
      line.length - after.length).trim() } };
  }
  return best && best.line;
}

/** Plain text back to lines, split at the separator, blank lines dropped. With the app's own unformatter
 * (which only the server could run) a line is parsed by the formatter's probed formats instead. */
export function unformatText(text, props) {
  const speaker = props.speakers?.length ? props.speakers[0] : "Unknown";
  return (text ?? "").split(props.separator ?? "\n").map((line) => line.trim()).filter(Boolean)
    .map((line) => (props.parse_by_format && parseByFormat(line, props)) || parseDefault(line, speaker))
    .filter((line) => line.speaker || line.text);
}

/** What the user is typing after a ":" before the caret (no space since it), or null. */
export function tagQuery(text, caret) {
  const colon = text.lastIndexOf(":", caret - 1);
  if (colon < 0) return null;
  const query = text.slice(colon + 1, caret);
  return query.includes(" ") ? null : { colon, query };
}

/** The tags that contain the query, ignoring case. */
export function matchingTags(tags, query) {
  const wanted = query.toLowerCase();
  return (tags ?? []).filter((tag) => tag.toLowerCase().includes(wanted));
}

/** The text with ":query" before the caret replaced by the tag and a space; `trim` drops the spaces
 * before it, as Gradio does in a dialogue line. Returns {text, caret}. */
export function insertTag(text, caret, tag, trim = false) {
  const colon = text.lastIndexOf(":", caret - 1);
  if (colon < 0) return { text, caret };
  const before = trim ? text.slice(0, colon).trim() : text.slice(0, colon);
  const inserted = `${before}${tag} `;
  return { text: inserted + text.slice(caret), caret: inserted.length };
}
