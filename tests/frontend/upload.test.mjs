// Pure helpers of frontend/upload.js (sizes, accept attribute, file links).
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatSize, acceptFor } from "../../frontend/upload.js";

test("sizes read as a user expects", () => {
  assert.equal(formatSize(5), "5 B");
  assert.equal(formatSize(10240), "10.0 KB");
  assert.equal(formatSize(5 * 1024 ** 2 + 1), "5.0 MB");
  assert.equal(formatSize(null), "");
});

test("file_types become an accept attribute", () => {
  assert.equal(acceptFor([".pdf", "image", "text/csv", "file"]), ".pdf,image/*,text/csv,*");
  assert.equal(acceptFor(null), "");
});
