using System.Net;
using System.Net.Sockets;

namespace WebhooksSample;

/// <summary>A free TCP port on 127.0.0.1, for a receiver that must come back at the same address after a restart.</summary>
public static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
