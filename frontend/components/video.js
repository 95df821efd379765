// Video: a native <video controls> with subtitles as a <track>; as an input a drop zone around
// <input type=file> and a webcam recorder (MediaRecorder, webm, kept as it is by the server).
import { h, field, styles } from "../index.js";
import { uploadShown, fileHref, progressBar } from "../upload.js";

styles("video", `
.video video { max-width: 100%; display: block; }
.video-tools { display: flex; gap: .5rem; flex-wrap: wrap; }
.video-mirror { transform: scaleX(-1); }
`);

const button = (text, onClick) => {
  const b = h("button", { type: "button" }, text);
  b.addEventListener("click", onClick);
  return b;
};

export function render(props, emit) {
  const state = { sources: ["upload", "webcam"], ...props, source: null, camera: null };
  const video = h("video", { controls: true, playsInline: true, preload: "metadata" });
  const input = h("input", { type: "file", accept: "video/*" });
  const drop = h("div", { className: "file-drop" }, h("span", {}, "Drop a video here or "), input);
  const live = h("video", { muted: true, playsInline: true, className: "video-live" });
  const rec = button("Record", () => startRecording());
  const stop = button("Stop recording", () => state.camera?.recorder.stop());
  const clear = button("Clear", () => { set(null); emit("clear", null); emit("change", null); emit("input", null); });
  const pick = h("div", { className: "video-tools", role: "group", "aria-label": "Source" });
  const tools = h("div", { className: "video-tools" }, rec, stop, clear);
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("video");
  drop.append(input); // field() took it out of the drop zone
  el.append(drop, live, video, tools, bar, error, pick);

  async function send(files, event) {
    const uploaded = await uploadShown(files, bar, error, input);
    if (!uploaded) return;
    const [file] = uploaded;
    const value = { video: file, subtitles: null };
    set(value);
    emit(event, value);
    emit("change", value);
    emit("input", value);
  }

  async function startRecording() {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: state.include_audio !== false });
    } catch (err) {
      error.textContent = `Webcam unavailable: ${err.message}`;
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = () => {
      stream.getTracks().forEach((t) => t.stop());
      state.camera = null;
      emit("stop_recording", undefined);
      send([new File(chunks, "recording.webm", { type: "video/webm" })], "upload");
    };
    state.camera = { recorder };
    live.srcObject = stream;
    live.play();
    recorder.start();
    emit("start_recording", undefined);
    show();
  }

  function set(value) {
    state.value = value;
    const src = value?.video ? fileHref(value.video) : "";
    if (video.getAttribute("src") !== src) {
      if (src) video.src = src; else video.removeAttribute("src");
      video.replaceChildren();
      if (value?.subtitles) {
        video.append(h("track", { kind: "captions", label: "Subtitles", default: true, src: fileHref(value.subtitles) }));
      }
    }
    show();
  }

  function show() {
    const editable = state.interactive !== false;
    const has = !!state.value;
    const source = state.source ?? state.sources[0];
    video.hidden = !has;
    drop.hidden = !editable || has || source !== "upload";
    live.hidden = !state.camera;
    live.classList.toggle("video-mirror", state.webcam_options !== false);
    rec.hidden = !editable || has || source !== "webcam" || !!state.camera;
    stop.hidden = !state.camera;
    clear.hidden = !editable || !has;
    pick.hidden = !editable || has || state.sources.length < 2;
    pick.replaceChildren(...state.sources.map((name) => {
      const b = button(name === "upload" ? "Upload" : "Webcam", () => { state.source = name; show(); });
      b.setAttribute("aria-pressed", String(name === source));
      return b;
    }));
  }

  video.addEventListener("play", () => emit("play", undefined));
  video.addEventListener("pause", () => { if (!video.ended) emit("pause", undefined); });
  video.addEventListener("ended", () => { emit("stop", undefined); emit("end", undefined); });
  input.addEventListener("change", () => input.files.length && send([...input.files], "upload"));
  drop.addEventListener("dragover", (e) => e.preventDefault());
  drop.addEventListener("drop", (e) => { e.preventDefault(); if (e.dataTransfer.files.length) send([e.dataTransfer.files[0]], "upload"); });

  function update(patch) {
    Object.assign(state, patch);
    if ("autoplay" in patch) video.autoplay = !!state.autoplay;
    if ("loop" in patch) video.loop = !!state.loop;
    if ("height" in patch) video.style.height = state.height == null ? "" : `${state.height}px`;
    if ("width" in patch) video.style.width = state.width == null ? "" : `${state.width}px`;
    if ("value" in patch) set(state.value); else show();
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() { video.pause(); state.camera?.recorder.stop(); } };
}
