import { useRevalidator } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { Alert } from "../ui/alert";
import { Avatar } from "../ui/avatar";
import { Button } from "../ui/button";

/** The square the server accepts and the pages show (worker/domain/profiles/photo.ts PHOTO_SIDE_PX). */
const PHOTO_SIDE_PX = 256;
/** Phone pictures are large; the browser scales them down, so the original may be bigger than the 5 MB upload limit. */
const MAX_ORIGINAL_BYTES = 25 * 1024 * 1024;
const PICTURE_TYPES = ["image/jpeg", "image/png", "image/webp"];

type Framing = { zoom: number; x: number; y: number };

/** Draws the chosen square of the picture: zoom 1 fits the short side; x and y (0..100) move the square across the rest. */
function drawSquare(canvas: HTMLCanvasElement, image: HTMLImageElement, { zoom, x, y }: Framing) {
  const side = Math.min(image.naturalWidth, image.naturalHeight) / zoom;
  const left = ((image.naturalWidth - side) * x) / 100;
  const top = ((image.naturalHeight - side) * y) / 100;
  const context = canvas.getContext("2d");
  if (!context) return;
  context.imageSmoothingQuality = "high";
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, left, top, side, side, 0, 0, canvas.width, canvas.height);
}

function uploadPhoto(blob: Blob, onProgress: (fraction: number) => void): Promise<{ photoUrl: string }> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.set("photo", new File([blob], "photo.jpg", { type: blob.type }));
    const request = new XMLHttpRequest();
    request.open("POST", "/api/freelancers/me/photo");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { photoUrl?: string; error?: { message: string } } | null;
      if (request.status === 200 && answer?.photoUrl) resolve({ photoUrl: answer.photoUrl });
      else reject(new Error(answer?.error?.message ?? "The photo could not be uploaded. Try again."));
    };
    request.onerror = () => reject(new Error("The connection dropped. Try again."));
    request.send(body);
  });
}

/** Pick a picture, frame a square of it, and upload it with progress. The crop happens here, in the browser. */
export function PhotoPicker({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  const id = useId();
  const revalidator = useRevalidator();
  const [ready, setReady] = useState(false);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [framing, setFraming] = useState<Framing>({ zoom: 1, x: 50, y: 50 });
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (image && canvas.current) drawSquare(canvas.current, image, framing);
  }, [image, framing]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    setProblem(null);
    setDone(false);
    const file = event.target.files?.[0];
    if (!file) return;
    if (!PICTURE_TYPES.includes(file.type)) return setProblem("Choose a JPEG, PNG or WebP picture.");
    if (file.size > MAX_ORIGINAL_BYTES) return setProblem("That picture is too large. Choose one under 25 MB.");
    const url = URL.createObjectURL(file);
    const picture = new Image();
    picture.onload = () => {
      setFraming({ zoom: 1, x: 50, y: 50 });
      setImage(picture);
    };
    picture.onerror = () => setProblem("We could not read that picture.");
    picture.src = url;
  }

  function upload() {
    if (!canvas.current) return;
    setProblem(null);
    setProgress(0);
    canvas.current.toBlob(
      (blob) => {
        if (!blob) {
          setProgress(null);
          return setProblem("We could not prepare the photo.");
        }
        uploadPhoto(blob, setProgress)
          .then(() => {
            setImage(null);
            setDone(true);
            revalidator.revalidate();
          })
          .catch((error: Error) => setProblem(error.message))
          .finally(() => setProgress(null));
      },
      "image/jpeg",
      0.9,
    );
  }

  const slider = (key: keyof Framing, label: string, min: number, max: number, step: number) => (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={framing[key]}
        onChange={(e) => setFraming((f) => ({ ...f, [key]: Number(e.target.value) }))}
        className="mt-1 block w-full"
      />
    </label>
  );

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <Avatar name={name} photoUrl={photoUrl} size="xl" />
      <div className="min-w-0 flex-1 space-y-3">
        {!ready ? (
          <p className="text-muted text-sm">Turn on JavaScript to choose and crop a photo.</p>
        ) : (
          <>
            <div>
              <label htmlFor={`${id}-file`} className="block text-sm font-medium">
                {photoUrl ? "Change photo" : "Add a photo"}
              </label>
              <p id={`${id}-hint`} className="text-muted text-sm">
                A JPEG, PNG or WebP picture of your face. You choose the square; it is shown round.
              </p>
              <input
                id={`${id}-file`}
                type="file"
                accept={PICTURE_TYPES.join(",")}
                aria-describedby={`${id}-hint`}
                onChange={choose}
                className="mt-1 block w-full max-w-full text-sm"
              />
            </div>
            {image ? (
              <div className="space-y-3">
                <canvas
                  ref={canvas}
                  width={PHOTO_SIDE_PX}
                  height={PHOTO_SIDE_PX}
                  role="img"
                  aria-label="Preview of your photo"
                  className="h-40 w-40 rounded-full border"
                />
                <div className="grid max-w-xs gap-2">
                  {slider("zoom", "Zoom", 1, 4, 0.05)}
                  {image.naturalWidth > image.naturalHeight || framing.zoom > 1 ? slider("x", "Left to right", 0, 100, 1) : null}
                  {image.naturalHeight > image.naturalWidth || framing.zoom > 1 ? slider("y", "Top to bottom", 0, 100, 1) : null}
                </div>
                <Button type="button" onClick={upload} disabled={progress !== null}>
                  {progress !== null ? "Uploading…" : "Upload photo"}
                </Button>
              </div>
            ) : null}
            {progress !== null ? (
              <progress value={progress} max={1} aria-label="Upload progress" className="block w-full max-w-xs">
                {Math.round(progress * 100)}%
              </progress>
            ) : null}
            {problem ? <Alert tone="danger">{problem}</Alert> : null}
            {done ? <Alert tone="success">Your photo is saved.</Alert> : null}
          </>
        )}
      </div>
    </div>
  );
}
