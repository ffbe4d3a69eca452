import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { z } from "zod";
import { MAX_PORTFOLIO_IMAGES, MAX_PORTFOLIO_SKILLS, portfolioItemSchema } from "../../../worker/domain/profiles/input";
import { TextAreaField } from "../marketplace/fields";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, FieldErrors } from "../ui/field";
import { SkillPicker } from "./skill-picker";

/** The domain's portfolio fields; skills arrive from the picker one a line, images beside the schema. */
export const portfolioFormSchema = portfolioItemSchema
  .pick({ title: true, description: true, link: true })
  .extend({ skills: z.string().max(2000).optional() });
export type PortfolioFormValue = z.infer<typeof portfolioFormSchema>;

export type EditableItem = {
  title: string;
  description: string;
  link: string | null;
  skills: Array<{ slug: string; name: string }>;
  images: Array<{ key: string; url: string }>;
};

type Upload = { id: number; name: string; progress: number; problem: string | null };

/** Sends one image to the upload API, reporting how much of it has gone; resolves with the stored file's key. */
function uploadImage(file: File, onProgress: (fraction: number) => void): Promise<{ key: string; url: string }> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.set("file", file);
    body.set("purpose", "image");
    const request = new XMLHttpRequest();
    request.open("POST", "/api/uploads");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { file?: { key: string; url: string }; error?: { message: string } } | null;
      if (request.status === 201 && answer?.file) resolve(answer.file);
      else reject(new Error(answer?.error?.message ?? "The image could not be uploaded. Try again."));
    };
    request.onerror = () => reject(new Error("The connection dropped. Try again."));
    request.send(body);
  });
}

/** Add or edit a portfolio item: text fields, skills from suggestions, and up to 8 ordered images. */
export function PortfolioForm({
  item,
  lastResult,
  submitLabel,
}: {
  item: EditableItem | null;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const busy = useNavigation().state === "submitting";
  const [images, setImages] = useState(item?.images ?? []);
  // With JavaScript, chosen images upload at once with a progress bar each; without it, they travel with the form.
  const [ready, setReady] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextUpload = useRef(0);
  useEffect(() => setReady(true), []);
  const uploading = uploads.some((u) => u.problem === null);
  const room = MAX_PORTFOLIO_IMAGES - images.length - uploads.filter((u) => u.problem === null).length;
  const patch = (id: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...change } : u)));
  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    const fits = chosen.slice(0, Math.max(room, 0));
    const refused = chosen.slice(fits.length).map((file) => ({
      id: nextUpload.current++,
      name: file.name,
      progress: 0,
      problem: `Not added: a portfolio item shows at most ${MAX_PORTFOLIO_IMAGES} images.`,
    }));
    const started = fits.map((file) => ({ file, upload: { id: nextUpload.current++, name: file.name, progress: 0, problem: null } }));
    setUploads((list) => [...list.filter((u) => u.problem === null), ...started.map((s) => s.upload), ...refused]);
    for (const { file, upload } of started)
      uploadImage(file, (progress) => patch(upload.id, { progress }))
        .then((stored) => {
          setImages((list) => [...list, stored]);
          setUploads((list) => list.filter((u) => u.id !== upload.id));
        })
        .catch((error: Error) => patch(upload.id, { problem: `${file.name}: ${error.message}` }));
  }
  const [form, fields] = useForm({
    id: "portfolio-item",
    lastResult,
    defaultValue: { title: item?.title ?? "", description: item?.description ?? "", link: item?.link ?? "" },
    constraint: getZodConstraint(portfolioFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: portfolioFormSchema }),
  });
  const imageErrors = (form.allErrors as Record<string, string[] | undefined>).images;
  const move = (index: number, by: number) =>
    setImages((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved);
      return next;
    });
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-5" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
      <TextAreaField
        label="What you did"
        errors={fields.description.errors}
        textareaProps={{ ...getTextareaProps(fields.description), rows: 4 }}
      />
      <Field
        label="Link"
        hint="Where people can see the work, e.g. https://example.com"
        errors={fields.link.errors}
        inputProps={getInputProps(fields.link, { type: "url" })}
      />
      <SkillPicker
        name="skills"
        label="Skills used"
        errors={fields.skills.errors}
        defaultSkills={(item?.skills ?? []).map((s) => ({ name: s.name }))}
        max={MAX_PORTFOLIO_SKILLS}
      />
      <fieldset className="min-w-0 space-y-2">
        <legend className="text-sm font-medium">Images</legend>
        <p className="text-muted text-sm">Up to {MAX_PORTFOLIO_IMAGES}; the first is the cover.</p>
        {images.length ? (
          <ol className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Images, in the order shown">
            {images.map((image, index) => (
              <li key={image.key} className="border-subtle min-w-0 rounded-card border p-2">
                <input type="hidden" name="imageKeys" value={image.key} />
                <img
                  src={`/api/files/${encodeURIComponent(image.key)}`}
                  alt={`${index + 1} of ${images.length}`}
                  className="aspect-square w-full rounded object-cover"
                />
                <div className="mt-2 flex flex-wrap gap-1">
                  <Button type="button" size="sm" variant="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                    Earlier<span className="sr-only"> (image {index + 1})</span>
                  </Button>
                  <Button type="button" size="sm" variant="secondary" onClick={() => setImages((l) => l.filter((_, i) => i !== index))}>
                    Remove<span className="sr-only"> image {index + 1}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        ) : null}
        <label htmlFor="portfolio-images" className="block text-sm font-medium">
          Add images
        </label>
        <input
          id="portfolio-images"
          name={ready ? undefined : "images"}
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,image/gif"
          onChange={ready ? choose : undefined}
          disabled={ready && room <= 0}
          className="block w-full max-w-full text-sm"
        />
        {uploads.length ? (
          <ul className="space-y-2" aria-label="Image uploads">
            {uploads.map((upload) => (
              <li key={upload.id} className="min-w-0 text-sm">
                {upload.problem ? (
                  <p role="alert" className="text-red-700 dark:text-red-300">
                    {upload.problem}
                  </p>
                ) : (
                  <>
                    <span id={`portfolio-upload-${upload.id}`} className="block">
                      Uploading {upload.name} · {Math.round(upload.progress * 100)}%
                    </span>
                    <progress
                      value={upload.progress}
                      max={1}
                      aria-labelledby={`portfolio-upload-${upload.id}`}
                      className="mt-1 block w-full"
                    >
                      {Math.round(upload.progress * 100)}%
                    </progress>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <FieldErrors id="portfolio-images-error" errors={imageErrors} />
      </fieldset>
      <Button type="submit" disabled={busy || uploading}>
        {busy ? "Saving…" : uploading ? "Uploading images…" : submitLabel}
      </Button>
    </Form>
  );
}
