import net from 'node:net';

/**
 * A TCP proxy in front of a real server, so a test can take the network path away ("storage is down") and bring it
 * back on the same address, without faking the client or the server.
 */
export interface CuttableProxy {
  readonly host: string;
  /**
   * Takes storage away: every open connection is dropped (calls on them fail and the client retries). Then, by
   * default, storage is unreachable the way a network partition makes it: new connections are accepted but nothing
   * passes until `restore()`, so the client's calls wait (the product's deadlines answer for them) and go through the
   * moment storage is back. With `refuse`, the server is gone instead: new connections are refused, and the client
   * waits out its own reconnect and retry backoff (seconds) after `restore()` before its calls go through.
   */
  cut(options?: { refuse?: boolean }): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<CuttableProxy> {
  const [targetHost, targetPort] = target.split(':') as [string, string];
  // The first listen takes a port the system assigns; restoring after a refusing cut binds that same port again.
  let port = 0;
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  /** Connections accepted while storage is unreachable, joined to the server on restore. */
  let held: net.Socket[] | undefined;

  const join = (client: net.Socket) => {
    const upstream = net.connect(Number(targetPort), targetHost);
    // Without this, Nagle's algorithm and delayed ACKs add ~40 ms to every gRPC round trip.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    upstream.on('error', drop).on('close', drop);
    client.on('close', drop);
    client.pipe(upstream).pipe(client);
  };
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        sockets.add(client);
        client.on('error', () => client.destroy()).on('close', () => sockets.delete(client));
        // Held: what the client sends waits in the socket (it is not read) until the connection is joined.
        if (held) held.push(client);
        else join(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        resolve();
      });
      server = s;
    });
  const dropAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  const shut = async () => {
    held = undefined;
    dropAll();
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await open();
  return {
    host: `127.0.0.1:${port}`,
    async cut(options = {}) {
      if (options.refuse) return shut();
      dropAll();
      held = [];
    },
    async restore() {
      if (!server) return open();
      const waiting = held ?? [];
      held = undefined;
      for (const client of waiting) if (!client.destroyed) join(client);
    },
    close: shut,
  };
}
