// Pure helpers of frontend/components/dialogue.js: run with `node --test tests/frontend/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SPEAKER_MARK, TEXT_MARK, formatLines, insertTag, matchingTags, tagQuery, unformatText }
  from "../../frontend/dialogue_lines.js";

const lines = [{ speaker: "Speaker 1", text: "Hello" }, { speaker: "Speaker 2", text: "Hi" }];

test("lines are formatted by the speaker's probed format, the format for anyone, or [speaker] text", () => {
  const dia = { line_formats: { "Speaker 1": `[S1] ${TEXT_MARK}` }, line_format: null, separator: "\n" };
  assert.equal(formatLines(lines, dia), "[S1] Hello\n[Speaker 2] Hi");
  const colon = { line_formats: {}, line_format: `${SPEAKER_MARK}: ${TEXT_MARK}`, separator: "|" };
  assert.equal(formatLines(lines, colon), "Speaker 1: Hello|Speaker 2: Hi");
  assert.equal(formatLines([{ speaker: "A", text: "$& $1" }], colon), "A: $& $1"); // no replace() patterns
  assert.equal(formatLines([{ speaker: "A", text: "" }], colon), "");
  assert.equal(formatLines("as typed", colon), "as typed");
});

test("plain text goes back to lines as Gradio's default unformatter reads them", () => {
  const props = { speakers: ["Host", "Guest"], separator: "\n" };
  assert.deepEqual(unformatText("[Guest] hi\n\n  plain  ", props),
    [{ speaker: "Guest", text: "hi" }, { speaker: "Host", text: "plain" }]);
  assert.deepEqual(unformatText("x", { separator: "\n" }), [{ speaker: "Unknown", text: "x" }]);
});

test("with the app's own unformatter the formatter's formats are read back, longest first", () => {
  const props = { speakers: ["A", "AB"], separator: "\n", parse_by_format: true,
    line_formats: { A: `A: ${TEXT_MARK}`, AB: `AB: ${TEXT_MARK}` } };
  assert.deepEqual(unformatText("AB: one\nA: two\n[B] three", props),
    [{ speaker: "AB", text: "one" }, { speaker: "A", text: "two" }, { speaker: "B", text: "three" }]);
});

test("the tag query is what follows the last colon before the caret, until a space", () => {
  assert.deepEqual(tagQuery("well :la", 8), { colon: 5, query: "la" });
  assert.deepEqual(tagQuery("a:", 2), { colon: 1, query: "" });
  assert.equal(tagQuery("a: b", 4), null);
  assert.equal(tagQuery("none", 4), null);
  assert.deepEqual(matchingTags(["(laughs)", "(sighs)", "(Laughter)"], "LAU"), ["(laughs)", "(Laughter)"]);
});

test("a picked tag replaces the colon and query and the caret goes after it", () => {
  assert.deepEqual(insertTag("fine :la and", 8, "(laughs)"), { text: "fine (laughs)  and", caret: 14 });
  assert.deepEqual(insertTag("fine :la", 8, "(laughs)", true), { text: "fine(laughs) ", caret: 13 });
});
