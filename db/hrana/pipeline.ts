import { errorBody, HranaError } from "./errors";
import { cursorEntries, describeStmt, executeBatch, executeSequence, executeStmt } from "./execute";
import type {
  CursorEntry,
  CursorReqBody,
  PipelineReqBody,
  PipelineRespBody,
  StreamRequest,
  StreamResponse,
  StreamResult,
} from "./protocol";
import type { Stream, StreamRegistry } from "./streams";

async function handleRequest(stream: Stream, request: StreamRequest): Promise<StreamResponse> {
  switch (request.type) {
    case "close":
      stream.close();
      return { type: "close" };
    case "execute":
      return { type: "execute", result: await executeStmt(stream, request.stmt) };
    case "batch":
      return { type: "batch", result: await executeBatch(stream, request.batch) };
    case "sequence":
      await executeSequence(stream, request);
      return { type: "sequence" };
    case "describe":
      return { type: "describe", result: await describeStmt(stream, request) };
    case "store_sql":
      if (stream.sqls.has(request.sql_id))
        throw new HranaError(`SQL text id ${request.sql_id} is already in use on this stream`, "HRANA_PROTO_ERROR");
      stream.sqls.set(request.sql_id, request.sql);
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(request.sql_id);
      return { type: "close_sql" };
    case "get_autocommit":
      return { type: "get_autocommit", is_autocommit: !stream.conn.inTransaction };
  }
}

/** Takes the stream named by the baton (or opens one), runs `work` on it and hands it back. */
async function onStream<T>(
  registry: StreamRegistry,
  baton: string | null,
  work: (stream: Stream) => Promise<T>,
): Promise<{ baton: string | null; value: T }> {
  const stream = baton === null ? registry.open() : registry.take(baton);
  try {
    const value = await work(stream);
    return { baton: registry.release(stream), value };
  } catch (error) {
    stream.close();
    registry.release(stream);
    throw error;
  }
}

export async function runPipeline(registry: StreamRegistry, body: PipelineReqBody): Promise<PipelineRespBody> {
  const { baton, value: results } = await onStream(registry, body.baton, async (stream) => {
    const results: StreamResult[] = [];
    for (const request of body.requests) {
      if (stream.closed) {
        results.push({ type: "error", error: { message: "The stream is closed", code: "STREAM_CLOSED" } });
        continue;
      }
      try {
        results.push({ type: "ok", response: await handleRequest(stream, request) });
      } catch (error) {
        results.push({ type: "error", error: errorBody(error) });
      }
    }
    return results;
  });
  return { baton, base_url: null, results };
}

export async function runCursor(registry: StreamRegistry, body: CursorReqBody): Promise<{ baton: string | null; entries: CursorEntry[] }> {
  const { baton, value: entries } = await onStream(registry, body.baton, async (stream): Promise<CursorEntry[]> => {
    try {
      return cursorEntries(await executeBatch(stream, body.batch));
    } catch (error) {
      return [{ type: "error", error: errorBody(error) }];
    }
  });
  return { baton, entries };
}
