import { Form } from "@remix-run/react";
import { useId } from "react";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";

/**
 * "Message" on a freelancer's profile, for a client: write directly, or choose one of your open projects to
 * invite them to (they are told, and the conversation is about that project).
 */
export function MessageFreelancer({
  freelancerId,
  name,
  openProjects,
}: {
  freelancerId: string;
  name: string;
  openProjects: Array<{ id: string; title: string }>;
}) {
  const selectId = useId();
  return (
    <Form method="post" action="/messages/start" className="flex w-full flex-wrap items-end gap-2">
      <input type="hidden" name="participantId" value={freelancerId} />
      {openProjects.length ? (
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor={selectId} className="block text-sm font-medium">
            Invite to a project (optional)
          </label>
          <select id={selectId} name="projectId" defaultValue="" className={`${inputClass} mt-1 truncate py-1.5 text-sm`}>
            <option value="">No particular project</option>
            {openProjects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button size="sm" aria-label={`Message ${name}`}>
        Message
      </Button>
    </Form>
  );
}
