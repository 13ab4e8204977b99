using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Web;

/// <summary>
/// One way to call one of the app's routes: its method, route pattern, page handler, the fields it binds from the
/// query or a form (with their types), and the type of its JSON body.
/// </summary>
public sealed record RouteCall(string Method, RoutePattern Route, string? Handler, IReadOnlyList<string> Fields, Type? JsonBody, bool IsPage, IReadOnlyList<string> FileFields)
{
    public override string ToString() => $"{Method} /{Route.RawText?.TrimStart('/')}{(Handler is null ? "" : "?handler=" + Handler)}";
}

/// <summary>
/// Every route of the running app, read from its <see cref="EndpointDataSource"/> (Razor pages with their handlers and
/// bound properties, minimal API endpoints with their parameters), so a route added later is walked too.
/// </summary>
public static class RouteWalk
{
    public static async Task<IReadOnlyList<RouteCall>> CallsAsync(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var loader = services.GetRequiredService<PageLoader>();
        var calls = new List<RouteCall>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
                continue;
            var route = endpoint.RoutePattern;
            var inRoute = route.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // An index page answers at /Folder/Index and at /Folder: one of them is enough.
                if (route.PathSegments.Any(s => s.Parts is [RoutePatternLiteralPart { Content: "Index" }]))
                    continue;
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var properties = compiled.BoundProperties.Select(p => (Name: p.BindingInfo?.BinderModelName ?? p.Name, Type: p.ParameterType)).ToList();
                if (compiled.HandlerMethods.Count == 0)
                    calls.Add(new("GET", route, null, [.. properties.Select(p => p.Name)], null, true, []));
                foreach (var handler in compiled.HandlerMethods)
                {
                    var bound = properties.Concat(handler.Parameters.Select(p => (Name: p.BindingInfo?.BinderModelName ?? p.Name, Type: p.ParameterType)))
                        .Where(p => !inRoute.Contains(p.Name)).ToList();
                    calls.Add(new(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, [.. bound.SelectMany(p => FieldNames(p.Name, p.Type, 0))],
                        null, true, [.. bound.Where(p => typeof(IFormFile).IsAssignableFrom(p.Type)).Select(p => p.Name)]));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var parameters = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
            var simple = parameters.Where(p => IsSimple(p.ParameterType) && !inRoute.Contains(p.Name!)).Select(p => p.Name!).ToList();
            var body = parameters.Select(p => p.ParameterType)
                .FirstOrDefault(t => !IsSimple(t) && !isService.IsService(t) && t != typeof(HttpContext) && t != typeof(HttpRequest)
                    && t != typeof(CancellationToken) && t != typeof(System.Security.Claims.ClaimsPrincipal));
            foreach (var method in methods)
                calls.Add(new(method, route, null, [.. simple, "page", "year", "unit", "q"], body, false, ["file"]));
        }
        // Signing out last: everything else is walked while signed in.
        return [.. calls.OrderBy(c => c.Route.RawText?.Contains("signout", StringComparison.OrdinalIgnoreCase) == true)];
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);
    }

    /// <summary>A bound property's form field names: its own, or its properties' (Input.Name), or a dictionary's (Figures[key]).</summary>
    private static IEnumerable<string> FieldNames(string name, Type type, int depth)
    {
        if (IsSimple(type) || typeof(IFormFile).IsAssignableFrom(type) || depth > 2)
            return [name];
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return [$"{name}[t3.received.total]", $"{name}[%FF]"];
        if (type != typeof(string) && type.GetInterface("IEnumerable") is not null)
            return [name, name];
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.DeclaringType!.IsValueType)
            .SelectMany(p => FieldNames($"{name}.{p.Name}", p.PropertyType, depth + 1));
    }

    /// <summary>
    /// The route's paths: each parameter filled with real values (<paramref name="known"/>, by parameter name) and with
    /// bad ones — out of range, wrong type, invalid UTF-8, markup, huge — at most <paramref name="limit"/> of them.
    /// </summary>
    public static IReadOnlyList<string> Paths(RoutePattern route, IReadOnlyDictionary<string, string[]> known, int limit = 24)
    {
        var choices = route.Parameters.Select(p => (p.Name, Values: ValuesFor(p, known))).ToList();
        IEnumerable<Dictionary<string, string?>> combos = [new()];
        foreach (var (name, values) in choices)
            combos = combos.SelectMany(c => values.Select(v => new Dictionary<string, string?>(c) { [name] = v }));
        var all = combos.ToList();
        // The real values first, then an even spread over the rest.
        var step = Math.Max(1, all.Count / limit);
        return [.. all.Where((_, i) => i < 3 || i % step == 0).Take(limit).Select(values => Path(route, values)).Distinct()];
    }

    private static string?[] ValuesFor(RoutePatternParameterPart parameter, IReadOnlyDictionary<string, string[]> known)
    {
        var real = known.TryGetValue(parameter.Name, out var values) ? values.Select(Uri.EscapeDataString) : [];
        var constraint = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content));
        string?[] bad = constraint switch
        {
            "int" => ["0", "-1", "-99999", "10000", "2147483647"],
            "guid" => [Guid.Empty.ToString(), Guid.NewGuid().ToString()],
            _ when parameter.IsCatchAll => ["a/b/../c", "%FF%FE%C0%AF", "x" + new string('9', 300)],
            _ => ["0", "-99999", "%FF%FE%C0%AF", "%3Cmark%3E'%22", new string('9', 300)],
        };
        return [.. real, .. bad, .. parameter.IsOptional ? new string?[] { null } : []];
    }

    private static string Path(RoutePattern route, Dictionary<string, string?> values)
    {
        var segments = new List<string>();
        foreach (var segment in route.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => values[parameter.Name] ?? "",
                _ => "",
            }));
            if (text.Length > 0)
                segments.Add(text);
        }
        return "/" + string.Join("/", segments);
    }

    /// <summary>Bad values for query and form fields, already URL-encoded.</summary>
    public static readonly string[] BadValues =
    [
        "0", "-99999", "10000", "2147483648", "99999999999999999999", "1e309", "abc", "", "%FF%FE%C0%AF", "%00",
        "2024-13-45", "%3Cmark%3E%26amp%3B'%22", Uri.EscapeDataString(new string('字', 600)),   // 5.4 KB: the longest an address may be is 8 KB
    ];

    /// <summary>
    /// The call's query strings with every field set to <paramref name="value"/> — or, with <paramref name="known"/>,
    /// only the fields without a real value (by name: unit, year …), so the handler gets past its look-ups. Split so
    /// that no address is longer than a server takes.
    /// </summary>
    public static IEnumerable<string> Queries(RouteCall call, string value, IReadOnlyDictionary<string, string[]>? known = null)
    {
        var pairs = Pairs(call.Fields, value, known).ToList();
        var handler = call.Handler is { } h ? "handler=" + h : null;
        var query = new List<string>();
        foreach (var pair in pairs)
        {
            if (query.Sum(q => q.Length + 1) + pair.Length > 6000 && query.Count > 0)
            {
                yield return "?" + string.Join("&", query.Prepend(handler).OfType<string>());
                query.Clear();
            }
            query.Add(pair);
        }
        yield return "?" + string.Join("&", query.Prepend(handler).OfType<string>());
    }

    /// <summary>Each field as name=value, URL-encoded (bad values are already), a real value where <paramref name="known"/> has one.</summary>
    public static IEnumerable<string> Pairs(IEnumerable<string> fields, string value, IReadOnlyDictionary<string, string[]>? known) =>
        fields.Distinct().Select(f => Uri.EscapeDataString(f).Replace("%25FF", "%FF") + "="
            + (known?.GetValueOrDefault(f.Split('.')[^1]) is [var real, ..] ? Uri.EscapeDataString(real) : value));
}
