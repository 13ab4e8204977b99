using System.Net;
using System.Net.Sockets;

namespace Gongkai.Web.Accounts;

/// <summary>
/// The client's address as limits count it: after the configured proxies (<see cref="SeveralNodes"/>), an IPv4
/// client by its address, an IPv6 client by its /64 network (one subscriber is given a whole /64, so counting single
/// IPv6 addresses would let one client count as billions).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Describe(http.Connection.RemoteIpAddress);

    public static string Describe(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
