// Audio: a player (waveform canvas, Play/Pause, time) over a hidden <audio>; as an input a drop
// zone around <input type=file> and a microphone recorder (PCM from Web Audio, sent as WAV).
import { h, field, styles } from "../index.js";
import { uploadShown, fileHref, progressBar } from "../upload.js";
import { waveform } from "../waveform.js";
import { record } from "../wav.js";

styles("audio", `
.audio-player, .audio-recorder, .audio-sources { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.audio-time { font-variant-numeric: tabular-nums; color: var(--muted, #666); }
`);

const clock = (s) => (Number.isFinite(s) ? `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}` : "0:00");
const button = (text, onClick) => {
  const b = h("button", { type: "button" }, text);
  b.addEventListener("click", onClick);
  return b;
};

export function render(props, emit) {
  const state = { sources: ["upload", "microphone"], ...props, source: null, recorder: null };
  const audio = h("audio", { preload: "metadata" });
  const input = h("input", { type: "file", accept: "audio/*" });
  const drop = h("div", { className: "file-drop" }, h("span", {}, "Drop an audio file here or "), input);
  const wave = waveform((f) => { if (audio.duration) audio.currentTime = f * audio.duration; });
  const play = button("Play", () => (audio.paused ? audio.play() : audio.pause()));
  const time = h("span", { className: "audio-time" }, "0:00");
  const clear = button("Clear", () => { set(null); emit("clear", null); emit("change", null); emit("input", null); });
  const player = h("div", { className: "audio-player" }, play, time, clear);
  const rec = button("Record", () => startRecording());
  const pauseRec = button("Pause recording", () => pauseRecording());
  const stopRec = button("Stop recording", () => stopRecording());
  const recorder = h("div", { className: "audio-recorder" }, rec, pauseRec, stopRec);
  const sources = h("div", { className: "audio-sources", role: "group", "aria-label": "Source" });
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("audio");
  drop.append(input); // field() took it out of the drop zone
  el.append(drop, recorder, audio, wave.el, player, bar, error, sources);

  async function send(files, after) {
    const uploaded = await uploadShown(files, bar, error, input);
    if (!uploaded) return;
    const [value] = uploaded;
    set(value);
    emit("change", value);
    emit("input", value);
    emit(after, value);
  }

  async function startRecording() {
    try {
      state.recorder = await record();
    } catch (err) {
      error.textContent = `Microphone unavailable: ${err.message}`;
      return;
    }
    emit("start_recording", undefined);
    show();
  }
  function pauseRecording() {
    const paused = pauseRec.textContent === "Pause recording";
    if (paused) state.recorder.pause(); else state.recorder.resume();
    pauseRec.textContent = paused ? "Resume recording" : "Pause recording";
    if (paused) emit("pause_recording", undefined);
  }
  async function stopRecording() {
    const blob = await state.recorder.stop();
    state.recorder = null;
    pauseRec.textContent = "Pause recording";
    show();
    await send([new File([blob], "recording.wav", { type: "audio/wav" })], "stop_recording");
  }

  function set(value) {
    state.value = value;
    const src = value ? fileHref(value) : "";
    if (audio.getAttribute("src") !== src) {
      if (src) audio.src = src; else audio.removeAttribute("src");
      wave.load(src);
    }
    show();
  }

  function show() {
    const editable = state.interactive !== false;
    const has = !!state.value;
    const source = state.source ?? state.sources[0];
    player.hidden = wave.el.hidden = !has || !!state.recorder;
    clear.hidden = !editable;
    drop.hidden = !editable || has || source !== "upload";
    recorder.hidden = !editable || has || source !== "microphone";
    rec.hidden = !!state.recorder;
    pauseRec.hidden = stopRec.hidden = !state.recorder;
    sources.hidden = !editable || has || state.sources.length < 2;
    sources.replaceChildren(...state.sources.map((name) => {
      const b = button(name === "upload" ? "Upload" : "Microphone", () => { state.source = name; show(); });
      b.setAttribute("aria-pressed", String(name === source));
      return b;
    }));
  }

  audio.addEventListener("play", () => { play.textContent = "Pause"; emit("play", undefined); });
  audio.addEventListener("pause", () => { play.textContent = "Play"; if (!audio.ended) emit("pause", undefined); });
  audio.addEventListener("ended", () => { play.textContent = "Play"; emit("stop", undefined); });
  audio.addEventListener("timeupdate", () => {
    time.textContent = `${clock(audio.currentTime)} / ${clock(audio.duration)}`;
    wave.progress(audio.duration ? audio.currentTime / audio.duration : 0);
  });
  audio.addEventListener("loadedmetadata", () => (time.textContent = `0:00 / ${clock(audio.duration)}`));
  input.addEventListener("change", () => input.files.length && send([...input.files], "upload"));
  drop.addEventListener("dragover", (e) => e.preventDefault());
  drop.addEventListener("drop", (e) => { e.preventDefault(); if (e.dataTransfer.files.length) send([e.dataTransfer.files[0]], "upload"); });

  function update(patch) {
    Object.assign(state, patch);
    if ("autoplay" in patch) audio.autoplay = !!state.autoplay;
    if ("loop" in patch) audio.loop = !!state.loop;
    if ("waveform_options" in patch) wave.colors(state.waveform_options || {});
    if ("value" in patch) set(state.value);
    else show();
    if ("recording" in patch && state.recording && !state.recorder && state.sources.includes("microphone")) {
      state.source = "microphone";
      startRecording();
    }
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() { audio.pause(); state.recorder?.stop(); } };
}
