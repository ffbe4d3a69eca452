import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { FieldErrors, inputClass } from "../ui/field";
import { cx } from "../ui/cx";

export type PickedSkill = { name: string; years?: number };

/**
 * Skills picked from the taxonomy's suggestions as you type (GET /api/skills?q=), shown as removable chips.
 * `withYears` adds a years-of-experience box to each chip. The choice travels in one hidden field, `name`, one skill
 * a line ("React:5" when years are given); without JavaScript that field is a plain text box with the same format.
 */
export function SkillPicker({
  name,
  label,
  hint,
  errors,
  defaultSkills,
  withYears = false,
  max,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultSkills: PickedSkill[];
  withYears?: boolean;
  max: number;
}) {
  const id = useId();
  const [ready, setReady] = useState(false);
  const [picked, setPicked] = useState<PickedSkill[]>(defaultSkills);
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<Array<{ slug: string; name: string }>>([]);
  useEffect(() => setReady(true), []);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setSuggestions([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/skills?q=${encodeURIComponent(q)}&limit=8`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ items: Array<{ slug: string; name: string }> }>) : { items: [] }))
        .then((answer) => setSuggestions(answer.items))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const serialized = picked.map((s) => (withYears && s.years ? `${s.name}:${s.years}` : s.name)).join("\n");
  const has = (skillName: string) => picked.some((s) => s.name.toLowerCase() === skillName.toLowerCase());
  const add = (skillName: string) => {
    if (!has(skillName) && picked.length < max) setPicked((list) => [...list, { name: skillName }]);
    setQuery("");
    setSuggestions([]);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (suggestions[0]) add(suggestions[0].name);
    }
  };
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

  if (!ready) {
    return (
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-muted mt-0.5 text-sm">
          One a line{withYears ? ", years after a colon" : ""}.
        </p>
        <textarea
          id={`${id}-text`}
          name={name}
          rows={4}
          defaultValue={serialized}
          aria-describedby={describedBy}
          className={cx(inputClass, "mt-1")}
        />
        <FieldErrors id={`${id}-error`} errors={errors} />
      </div>
    );
  }
  return (
    <fieldset className="min-w-0">
      <legend className="block text-sm font-medium">{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted mt-0.5 text-sm">
          {hint}
        </p>
      ) : null}
      <input type="hidden" name={name} value={serialized} />
      {picked.length ? (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={`Chosen ${label.toLowerCase()}`}>
          {picked.map((skill, index) => (
            <li key={skill.name} className="border-subtle flex items-center gap-2 rounded-full border py-1 pr-1 pl-3 text-sm">
              <span className="break-all">{skill.name}</span>
              {withYears ? (
                <label className="flex items-center gap-1">
                  <span className="sr-only">Years of {skill.name}</span>
                  <input
                    type="number"
                    min={0}
                    max={60}
                    value={skill.years ?? ""}
                    placeholder="yrs"
                    onChange={(e) =>
                      setPicked((list) =>
                        list.map((s, i) => (i === index ? { ...s, years: e.target.value ? Number(e.target.value) : undefined } : s)),
                      )
                    }
                    className="border-subtle w-14 rounded border px-1 py-0.5 text-sm"
                  />
                  <span aria-hidden="true" className="text-muted text-xs">
                    yrs
                  </span>
                </label>
              ) : null}
              <button
                type="button"
                onClick={() => setPicked((list) => list.filter((_, i) => i !== index))}
                className="rounded-full px-2 hover:bg-black/10 dark:hover:bg-white/10"
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">Remove {skill.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={`${id}-search`} className="sr-only">
        Add a skill to {label.toLowerCase()}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKey}
        placeholder={picked.length >= max ? `Up to ${max} skills` : "Type to find a skill, e.g. react"}
        disabled={picked.length >= max}
        aria-describedby={describedBy}
        aria-controls={`${id}-suggestions`}
        autoComplete="off"
        className={cx(inputClass, "mt-2")}
      />
      <ul id={`${id}-suggestions`} aria-label="Suggested skills" aria-live="polite" className="mt-1 flex flex-wrap gap-1.5">
        {suggestions
          .filter((s) => !has(s.name))
          .map((s) => (
            <li key={s.slug}>
              <button
                type="button"
                onClick={() => add(s.name)}
                className="bg-brand-50 text-brand-700 rounded-full px-3 py-1 text-sm hover:underline"
              >
                Add {s.name}
              </button>
            </li>
          ))}
      </ul>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
