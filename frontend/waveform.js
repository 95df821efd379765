// The waveform gr.Audio draws: the file decoded with the Web Audio API, one bar per peak on a
// <canvas>, the played part in the progress colour. Shared by audio.js (and Video/Chatbot later).
import { h, styles } from "./index.js";
import { peaks } from "./wav.js";

styles("waveform", `
.waveform { width: 100%; height: 64px; cursor: pointer; display: block; }
`);

const BARS = 120;

/** A canvas showing `src`'s waveform; call progress(fraction) as it plays, onSeek(fraction) on a click. */
export function waveform(onSeek) {
  const canvas = h("canvas", { className: "waveform", width: 600, height: 64 });
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "Waveform");
  const state = { bars: [], done: 0, color: "#9ca3af", progressColor: "#f97316", src: null };

  function draw() {
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const width = canvas.width / BARS;
    state.bars.forEach((peak, i) => {
      const height = Math.max(2, peak * canvas.height);
      ctx.fillStyle = i / state.bars.length < state.done ? state.progressColor : state.color;
      ctx.fillRect(i * width, (canvas.height - height) / 2, Math.max(1, width - 1), height);
    });
  }

  async function load(src) {
    state.src = src;
    state.bars = [];
    draw();
    if (!src) return;
    try {
      const data = await (await fetch(src)).arrayBuffer();
      const context = new OfflineAudioContext(1, 1, 44100);
      const decoded = await context.decodeAudioData(data);
      if (state.src !== src) return;
      const found = peaks(decoded.getChannelData(0), BARS);
      const loudest = Math.max(...found, 0.01);
      state.bars = found.map((p) => p / loudest);
      canvas.dataset.bars = String(state.bars.length);
    } catch {
      canvas.dataset.bars = "0"; // a format the browser cannot decode: the player still works
    }
    draw();
  }

  canvas.addEventListener("click", (e) => onSeek(e.offsetX / canvas.clientWidth));
  return {
    el: canvas, load,
    progress(fraction) { state.done = fraction; draw(); },
    colors(options = {}) {
      state.color = options.waveform_color || state.color;
      state.progressColor = options.waveform_progress_color || state.progressColor;
      draw();
    },
  };
}
