import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    openApiValidatorUrl: string;
  }
}

/** One real answer of the API, to be checked against what the document declares for it. */
export interface ResponseSample {
  method: string;
  /** The document's path template, e.g. `/api/projects/{id}`. */
  path: string;
  status: number;
  body: unknown;
  /** The answer's media type when it is not JSON (a CSV, a PDF): the document must declare it; the body is not checked. */
  contentType?: string;
}

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };
type Document = { paths?: Record<string, Record<string, Operation>> };

const { default: addFormats } = addFormatsModule as unknown as { default: (ajv: Ajv2020) => void };

/** Validates the document against the OpenAPI specification's own JSON schema (an independent validator). */
async function validateDocument(document: unknown) {
  const validator = new Validator();
  const result = await validator.validate(document as Parameters<Validator["validate"]>[0]);
  return { valid: result.valid, errors: result.valid ? [] : result.errors };
}

/** Checks each sample's body against the schema the document declares for its operation and status. */
async function checkResponses(document: Document, samples: ResponseSample[]) {
  const validator = new Validator();
  const result = await validator.validate(document as Parameters<Validator["validate"]>[0]);
  if (!result.valid) return [{ sample: "document", errors: result.errors }];
  const resolved = validator.resolveRefs() as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const failures: { sample: string; errors: unknown }[] = [];
  for (const sample of samples) {
    const name = `${sample.method.toUpperCase()} ${sample.path} ${sample.status}`;
    const response = resolved.paths?.[sample.path]?.[sample.method.toLowerCase()]?.responses?.[String(sample.status)];
    if (sample.contentType && sample.contentType !== "application/json") {
      if (!response?.content?.[sample.contentType]?.schema) {
        failures.push({ sample: name, errors: `the document declares no ${sample.contentType} body for this answer` });
      }
      continue;
    }
    const schema = response?.content?.["application/json"]?.schema;
    if (!schema) {
      failures.push({ sample: name, errors: "the document declares no JSON body for this answer" });
      continue;
    }
    const validate = ajv.compile(schema);
    if (!validate(sample.body)) failures.push({ sample: name, errors: validate.errors });
  }
  return failures;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/**
 * An OpenAPI checker on loopback, in Node (the validator reads its schemas from disk):
 * `POST /document` validates a document; `POST /responses {document, samples}` checks real answers.
 */
export function startOpenApiValidator(): Promise<{ url: string; close: () => Promise<void> }> {
  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method === "POST" && req.url === "/document") return send(res, 200, await validateDocument(await readJson(req)));
        if (req.method === "POST" && req.url === "/responses") {
          const { document, samples } = (await readJson(req)) as { document: Document; samples: ResponseSample[] };
          return send(res, 200, { failures: await checkResponses(document, samples) });
        }
        send(res, 404, { error: "not found" });
      } catch (error) {
        send(res, 500, { error: String(error) });
      }
    })();
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

export default async function setup(project: TestProject) {
  const validator = await startOpenApiValidator();
  project.provide("openApiValidatorUrl", validator.url);
  return validator.close;
}
