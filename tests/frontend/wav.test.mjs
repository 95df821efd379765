// frontend/wav.js: the WAV the microphone recorder sends, and waveform peaks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeWav, peaks } from "../../frontend/wav.js";

test("a recording is a 16-bit PCM WAV the server's wave module reads", () => {
  const bytes = encodeWav([new Float32Array([0, 1, -1, 0.5])], 8000);
  const view = new DataView(bytes.buffer);
  assert.equal(new TextDecoder().decode(bytes.slice(0, 4)), "RIFF");
  assert.equal(new TextDecoder().decode(bytes.slice(8, 16)), "WAVEfmt ");
  assert.equal(view.getUint16(20, true), 1); // PCM
  assert.equal(view.getUint32(24, true), 8000);
  assert.equal(view.getUint16(34, true), 16);
  assert.equal(view.getUint32(40, true), 8);
  assert.deepEqual([0, 1, 2, 3].map((i) => view.getInt16(44 + 2 * i, true)), [0, 32767, -32768, 16384]);
});

test("two channels are interleaved", () => {
  const bytes = encodeWav([new Float32Array([1, 0]), new Float32Array([-1, 0])], 44100);
  const view = new DataView(bytes.buffer);
  assert.equal(view.getUint16(22, true), 2);
  assert.deepEqual([0, 1].map((i) => view.getInt16(44 + 2 * i, true)), [32767, -32768]);
});

test("peaks are the loudest sample of each slice", () => {
  assert.deepEqual(peaks(new Float32Array([0.1, -0.9, 0.2, 0.3]), 2).map((p) => p.toFixed(1)), ["0.9", "0.3"]);
  assert.deepEqual(peaks(new Float32Array([]), 4), []);
});
