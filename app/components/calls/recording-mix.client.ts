/**
 * What the recording browser records: every voice in the call mixed into one track, and for video the cameras
 * side by side on a canvas. Built from the streams the call page already plays.
 */
export interface RecordingMix {
  stream: MediaStream;
  stop(): void;
}

const FRAME_RATE = 15;
const WIDTH = 1280;
const HEIGHT = 720;

export function mixForRecording(kind: "audio" | "video", streams: MediaStream[]): RecordingMix {
  const audio = new AudioContext();
  void audio.resume();
  const destination = audio.createMediaStreamDestination();
  for (const stream of streams) if (stream.getAudioTracks().length) audio.createMediaStreamSource(stream).connect(destination);
  const tracks = [...destination.stream.getAudioTracks()];
  let stopVideo = () => {};
  if (kind === "video") {
    const canvas = document.createElement("canvas");
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const paint = canvas.getContext("2d")!;
    const videos = streams
      .filter((s) => s.getVideoTracks().length)
      .map((s) => {
        const video = document.createElement("video");
        video.muted = true;
        video.playsInline = true;
        video.srcObject = new MediaStream(s.getVideoTracks());
        void video.play().catch(() => {});
        return video;
      });
    const draw = () => {
      paint.fillStyle = "#000";
      paint.fillRect(0, 0, WIDTH, HEIGHT);
      const tile = WIDTH / Math.max(1, videos.length);
      videos.forEach((video, i) => {
        if (video.videoWidth) {
          const h = Math.min(HEIGHT, (tile * video.videoHeight) / video.videoWidth);
          paint.drawImage(video, i * tile, (HEIGHT - h) / 2, tile, h);
        }
      });
    };
    draw();
    // A timer, not animation frames: frames stop in a background tab, and the recording must go on.
    const timer = setInterval(draw, 1000 / FRAME_RATE);
    const captured = canvas.captureStream(FRAME_RATE);
    tracks.unshift(...captured.getVideoTracks());
    stopVideo = () => {
      clearInterval(timer);
      captured.getTracks().forEach((t) => t.stop());
      videos.forEach((v) => (v.srcObject = null));
    };
  }
  return {
    stream: new MediaStream(tracks),
    stop() {
      stopVideo();
      void audio.close();
    },
  };
}

/** The WebM flavour this browser records for the kind. */
export function recorderMimeType(kind: "audio" | "video"): string {
  const wanted =
    kind === "audio"
      ? ["audio/webm;codecs=opus", "audio/webm"]
      : ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm"];
  return wanted.find((type) => MediaRecorder.isTypeSupported(type)) ?? wanted.at(-1)!;
}
