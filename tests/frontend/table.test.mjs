// The Dataframe renderer's pure part (frontend/table.js): typed cells, sort, search, limits, lazy rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  blankCell, canGrow, canShrink, nextSort, parseCell, shownRows, toTSV, truncate, visibleRange,
} from "../../frontend/table.js";

test("number cells parse numbers, keep text that is not one, and are null when empty", () => {
  assert.equal(parseCell("42", "number"), 42);
  assert.equal(parseCell(" 2.5 ", "number"), 2.5);
  assert.equal(parseCell("-1e3", "number"), -1000);
  assert.equal(parseCell("abc", "number"), "abc");
  assert.equal(parseCell("", "number"), null);
  assert.equal(parseCell("42", "str"), "42");
  assert.equal(parseCell("true", "bool"), true);
  assert.equal(parseCell("no", "bool"), false);
});

test("a new row is 0 for numbers, false for booleans, empty text otherwise", () => {
  assert.deepEqual(["str", "number", "bool", "date"].map(blankCell), ["", 0, false, ""]);
});

test("rows sort by a column, numbers as numbers, empty cells last, ties in their order", () => {
  const rows = [["b", 10], ["a", 9], ["c", null], ["d", 10]];
  assert.deepEqual(shownRows(rows, { column: 1, direction: "ascending" }, ""), [1, 0, 3, 2]);
  assert.deepEqual(shownRows(rows, { column: 1, direction: "descending" }, ""), [0, 3, 1, 2]);
  assert.deepEqual(shownRows(rows, { column: 0, direction: "none" }, ""), [0, 1, 2, 3]);
  assert.deepEqual(shownRows([["item 10"], ["item 9"]], { column: 0, direction: "ascending" }, ""), [1, 0]);
});

test("search keeps the rows with a cell containing the text, ignoring case", () => {
  const rows = [["Ann", 4], ["Bob", 25], ["Joanna", 40]];
  assert.deepEqual(shownRows(rows, null, "an"), [0, 2]);
  assert.deepEqual(shownRows(rows, null, "25"), [1]);
  assert.deepEqual(shownRows(rows, { column: 1, direction: "descending" }, "AN"), [2, 0]);
});

test("a header click goes none, ascending, descending, none; another column starts ascending", () => {
  let sort = nextSort(null, 0);
  assert.deepEqual(sort, { column: 0, direction: "ascending" });
  sort = nextSort(sort, 0);
  assert.equal(sort.direction, "descending");
  assert.equal(nextSort(sort, 0).direction, "none");
  assert.deepEqual(nextSort(sort, 1), { column: 1, direction: "ascending" });
});

test("limits, truncation, the clipboard text and the rows in view", () => {
  assert.equal(canGrow(3, [1, 3]), false);
  assert.equal(canGrow(3, [1, null]), true);
  assert.equal(canGrow(3, null), true);
  assert.equal(canShrink(1, [1, 5]), false);
  assert.equal(canShrink(1, null), true);
  assert.equal(truncate("abcdef", 3), "abc…");
  assert.equal(truncate("abc", null), "abc");
  assert.equal(toTSV(["a", "b"], [[1, "x\ty"], [null, true]]), "a\tb\n1\tx y\n\ttrue");
  assert.deepEqual(visibleRange(0, 350, 35, 10000), [0, 30]);
  assert.deepEqual(visibleRange(35 * 5000, 350, 35, 10000), [4980, 5030]);
  assert.deepEqual(visibleRange(35 * 10000, 350, 35, 10000), [9980, 10000]);
});
