import net from 'node:net';

/**
 * A TCP proxy in front of a real server, so a test can take the network path away ("storage is down") and bring it
 * back on the same address, without faking the client or the server.
 */
export interface CuttableProxy {
  readonly host: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<CuttableProxy> {
  const [targetHost, targetPort] = target.split(':') as [string, string];
  // The first listen takes a port the system assigns; restoring after a cut binds that same port again.
  let port = 0;
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;

  const open = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(targetPort), targetHost);
        // Without this, Nagle's algorithm and delayed ACKs add ~40 ms to every gRPC round trip.
        client.setNoDelay(true);
        upstream.setNoDelay(true);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        resolve();
      });
      server = s;
    });
  const shut = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await open();
  return { host: `127.0.0.1:${port}`, cut: shut, restore: open, close: shut };
}
