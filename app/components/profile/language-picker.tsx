import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import {
  DEFAULT_LANGUAGE_LEVEL,
  LANGUAGE_LEVEL_LABELS,
  LANGUAGE_LEVELS,
  LANGUAGES,
  type LanguageLevel,
} from "../../../worker/domain/profiles/languages";
import { FieldErrors, inputClass } from "../ui/field";
import { cx } from "../ui/cx";

const MAX_SHOWN = 8;

export type PickedLanguage = { code: string; name: string; level: LanguageLevel };

/** The form's text for a list of languages, one a line: "German: fluent". */
export function languagesText(list: PickedLanguage[]): string {
  return list.map((l) => `${l.name}: ${l.level}`).join("\n");
}

/**
 * Languages chosen by searching their names, each with a level. The choice travels in one hidden field, `name`, one
 * language a line ("German: fluent"); without JavaScript that field is a plain text box with the same format.
 */
export function LanguagePicker({
  name,
  label,
  errors,
  defaultLanguages,
  max,
}: {
  name: string;
  label: string;
  errors?: string[];
  defaultLanguages: PickedLanguage[];
  max: number;
}) {
  const id = useId();
  const [ready, setReady] = useState(false);
  const [picked, setPicked] = useState<PickedLanguage[]>(defaultLanguages);
  const [query, setQuery] = useState("");
  useEffect(() => setReady(true), []);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const taken = new Set(picked.map((l) => l.code));
    const open = LANGUAGES.filter((l) => !taken.has(l.code));
    const starts = open.filter((l) => l.name.toLowerCase().startsWith(q) || l.code === q);
    const within = open.filter((l) => !starts.includes(l) && l.name.toLowerCase().includes(q));
    return [...starts, ...within].slice(0, MAX_SHOWN);
  }, [query, picked]);
  const add = (language: { code: string; name: string }) => {
    if (picked.length < max && !picked.some((l) => l.code === language.code))
      setPicked((list) => [...list, { ...language, level: DEFAULT_LANGUAGE_LEVEL }]);
    setQuery("");
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (matches[0]) add(matches[0]);
    }
  };
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");

  if (!ready) {
    return (
      <div className="min-w-0">
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-muted mt-0.5 text-sm">
          One a line with its level ({LANGUAGE_LEVELS.join(", ")}), e.g. German: fluent.
        </p>
        <textarea
          id={`${id}-text`}
          name={name}
          rows={3}
          defaultValue={languagesText(picked)}
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
      <p id={`${id}-hint`} className="text-muted mt-0.5 text-sm">
        Type a language&apos;s name, pick it, and say how well you speak it.
      </p>
      <input type="hidden" name={name} value={languagesText(picked)} />
      {picked.length ? (
        <ul className="mt-2 space-y-2" aria-label={`Chosen ${label.toLowerCase()}`}>
          {picked.map((language, index) => (
            <li key={language.code} className="border-subtle flex flex-wrap items-center gap-2 rounded-lg border py-1 pr-1 pl-3 text-sm">
              <span className="min-w-0 flex-1">{language.name}</span>
              <label className="flex items-center gap-1">
                <span className="sr-only">Level of {language.name}</span>
                <select
                  value={language.level}
                  onChange={(e) =>
                    setPicked((list) => list.map((l, i) => (i === index ? { ...l, level: e.target.value as LanguageLevel } : l)))
                  }
                  className="border-subtle rounded border px-1 py-0.5 text-sm"
                >
                  {LANGUAGE_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {LANGUAGE_LEVEL_LABELS[level]}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => setPicked((list) => list.filter((_, i) => i !== index))}
                className="rounded-full px-2 hover:bg-black/10 dark:hover:bg-white/10"
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">Remove {language.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={`${id}-search`} className="sr-only">
        Add a language
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKey}
        placeholder={picked.length >= max ? `Up to ${max} languages` : "Search a language, e.g. German"}
        disabled={picked.length >= max}
        aria-describedby={describedBy}
        aria-controls={`${id}-matches`}
        autoComplete="off"
        className={cx(inputClass, "mt-2")}
      />
      <ul id={`${id}-matches`} aria-label="Matching languages" aria-live="polite" className="mt-1 flex flex-wrap gap-1.5">
        {matches.map((l) => (
          <li key={l.code}>
            <button
              type="button"
              onClick={() => add(l)}
              className="bg-brand-50 text-brand-700 rounded-full px-3 py-1 text-sm hover:underline"
            >
              Add {l.name}
            </button>
          </li>
        ))}
      </ul>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
