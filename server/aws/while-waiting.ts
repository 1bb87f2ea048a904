/**
 * Work a deployment can do while it waits for AWS: code it will need later (the diagram's
 * synthesis, the S3 client, the website's uploader) runs best once the requests are on their way,
 * when the process would otherwise sit idle. Run any sooner, it holds them back by its own time.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** Published by Node's HTTP client once a request has its socket: it is signed and written, or queued for the connection. */
const REQUEST_START = 'http.client.request.start';

/**
 * Resolves once the next `count` HTTP requests of this process have left (and the event loop has
 * turned, so a new connection gets to send them), or once `fallback` settles if they do not all
 * come first. Without a fallback it waits for them however long it takes: only for optional work.
 */
export function afterRequestsLeave(count: number, fallback?: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    let waitingFor = count;
    const finish = () => {
      if (waitingFor < 0) return;
      waitingFor = -1;
      unsubscribe(REQUEST_START, onStart);
      setImmediate(resolve);
    };
    const onStart = () => {
      waitingFor -= 1;
      if (waitingFor === 0) finish();
    };
    subscribe(REQUEST_START, onStart);
    fallback?.then(finish, finish);
  });
}
