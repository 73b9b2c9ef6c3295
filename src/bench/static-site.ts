/** A built site served on localhost as a static host serves it: for the browser tests and the Lighthouse benchmark. */
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface SiteServer {
  /** http://localhost:<port> followed by the site's base path, ending in "/". */
  url: string;
  close(): Promise<void>;
}

/** Serves a built site at its base path ("/wenji/") as a static host would. */
export async function serveSite(outputDir: string, basePath: string): Promise<SiteServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = pathname.startsWith(basePath) ? path.join(outputDir, pathname.slice(basePath.length)) : "";
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file || !file.startsWith(outputDir) || !existsSync(file)) {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      response.end(existsSync(path.join(outputDir, "404.html")) ? readFileSync(path.join(outputDir, "404.html")) : "not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${basePath}`,
    // close() waits for every connection to end, and a browser may keep one open (a request of a
    // page closed meanwhile): end them, or the test waits forever.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
