/** A Request as the Worker's fetch handler receives it (typed with the incoming `cf` properties), to call it directly. */
export function incoming(request: Request): Request<unknown, IncomingRequestCfProperties> {
  return request as Request<unknown, IncomingRequestCfProperties>;
}
