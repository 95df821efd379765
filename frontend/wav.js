// WAV for the microphone recorder (16-bit PCM, what the server decodes without ffmpeg) and the
// peaks a waveform is drawn from. Pure functions, plus record(): PCM from the Web Audio API.

/** Float samples (one Float32Array per channel, in [-1, 1]) as the bytes of a 16-bit PCM WAV file. */
export function encodeWav(channels, sampleRate) {
  const frames = channels.length ? channels[0].length : 0;
  const bytes = new ArrayBuffer(44 + frames * channels.length * 2);
  const view = new DataView(bytes);
  const text = (at, s) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF"); view.setUint32(4, 36 + frames * channels.length * 2, true); text(8, "WAVE");
  text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true);
  view.setUint16(22, channels.length, true); view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels.length * 2, true); view.setUint16(32, channels.length * 2, true);
  view.setUint16(34, 16, true); text(36, "data"); view.setUint32(40, frames * channels.length * 2, true);
  let at = 44;
  for (let i = 0; i < frames; i += 1) {
    for (const channel of channels) {
      const s = Math.max(-1, Math.min(1, channel[i]));
      view.setInt16(at, Math.round(s < 0 ? s * 32768 : s * 32767), true);
      at += 2;
    }
  }
  return new Uint8Array(bytes);
}

/** The largest |sample| in each of `buckets` equal slices of `samples` (what a waveform bar shows). */
export function peaks(samples, buckets) {
  const size = Math.max(1, Math.floor(samples.length / buckets));
  const out = [];
  for (let b = 0; b < buckets && b * size < samples.length; b += 1) {
    let peak = 0;
    for (let i = b * size; i < Math.min(samples.length, (b + 1) * size); i += 1) peak = Math.max(peak, Math.abs(samples[i]));
    out.push(peak);
  }
  return out;
}

/** Record the microphone: resolves to { pause(), resume(), stop() -> Promise<Blob of audio/wav> }. */
export async function record() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  // ScriptProcessor is deprecated but needs no separate worklet file; it hands us raw PCM.
  const processor = context.createScriptProcessor(4096, 1, 1);
  const chunks = [];
  let paused = false;
  processor.onaudioprocess = (e) => { if (!paused) chunks.push(new Float32Array(e.inputBuffer.getChannelData(0))); };
  source.connect(processor);
  processor.connect(context.destination);
  return {
    pause() { paused = true; },
    resume() { paused = false; },
    async stop() {
      processor.disconnect(); source.disconnect();
      stream.getTracks().forEach((t) => t.stop());
      const samples = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
      chunks.reduce((at, c) => (samples.set(c, at), at + c.length), 0);
      const rate = context.sampleRate;
      await context.close();
      return new Blob([encodeWav([samples], rate)], { type: "audio/wav" });
    },
  };
}
