using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Gongkai.Tests.Web;

/// <summary>
/// Request bodies a careless or hostile client sends: JSON of the wrong shape (every field of the wrong type, out of
/// range, huge, missing, or with extra fields), broken JSON, invalid UTF-8, forms with bad values, garbage files, and
/// bodies over the server's limit, with and without a declared length.
/// </summary>
public static class BadBodies
{
    public sealed record Body(string Name, Func<HttpContent> Content, bool OverLimit = false);

    private enum Shape { WrongType, Negative, Huge, Plausible }

    public static IEnumerable<Body> Json(Type? type)
    {
        yield return new("empty", () => Raw([], "application/json"));
        yield return new("null", () => Raw("null"u8.ToArray(), "application/json"));
        yield return new("array", () => Raw("[]"u8.ToArray(), "application/json"));
        yield return new("truncated", () => Raw("{\"text\": \"年度"u8.ToArray(), "application/json"));
        yield return new("invalid UTF-8", () => Raw([.. "{\"text\": \""u8, 0xFF, 0xFE, 0xC0, 0xAF, .. "\"}"u8], "application/json"));
        yield return new("deep", () => Raw(Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000)), "application/json"));
        yield return new("1e400", () => Raw("1e400"u8.ToArray(), "application/json"));
        yield return new("JSON as text/plain", () => Raw("{}"u8.ToArray(), "text/plain"));
        if (type is null)
            yield break;
        foreach (var shape in Enum.GetValues<Shape>())
        {
            var node = Node(type, shape, 0);
            if (shape == Shape.Plausible && node is JsonObject extra)
                (extra["extra"], extra["__proto__"]) = (1, new JsonObject());
            yield return new($"JSON {shape}", () => Raw(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"), "application/json"));
        }
        yield return new("JSON {}", () => Raw("{}"u8.ToArray(), "application/json"));
    }

    /// <summary>A form: every field with <paramref name="value"/> (URL-encoded already) or its real value (<see cref="RouteWalk.Pairs"/>), and the anti-forgery token.</summary>
    public static Body Form(IEnumerable<string> fields, string value, string? token, IReadOnlyDictionary<string, string[]>? known = null) =>
        new($"form {value[..Math.Min(value.Length, 20)]}{(known is null ? "" : " (real look-ups)")}", () => Raw(Encoding.ASCII.GetBytes(
            string.Join("&", RouteWalk.Pairs(fields, value, known).Append(token is null ? "" : "__RequestVerificationToken=" + Uri.EscapeDataString(token)))),
            "application/x-www-form-urlencoded"));

    public static Body InvalidUtf8Form(string? token) =>
        new("form of invalid UTF-8", () => Raw([.. "Text="u8, 0xFF, 0xFE, .. "&__RequestVerificationToken="u8, .. Encoding.ASCII.GetBytes(Uri.EscapeDataString(token ?? ""))],
            "application/x-www-form-urlencoded"));

    /// <summary>Multipart: every field "0", and garbage under each file field (and "file"): random bytes, an empty file, a path in its name.</summary>
    public static Body Files(IEnumerable<string> fields, IEnumerable<string> fileFields, string? token) => new("multipart with garbage files", () =>
    {
        var form = new MultipartFormDataContent();
        foreach (var field in fields.Distinct())
            form.Add(new StringContent("0"), field);
        if (token is not null)
            form.Add(new StringContent(token), "__RequestVerificationToken");
        var garbage = new byte[3000];
        new Random(13).NextBytes(garbage);
        foreach (var field in fileFields.Append("file").Distinct())
        {
            form.Add(new ByteArrayContent(garbage) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, field, "报告.pdf");
            form.Add(new ByteArrayContent([]), field, "../../etc/passwd");
            form.Add(new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/html") } }, field, "%00<b>\u202E.docx");
        }
        return form;
    });

    /// <summary>31 MB (over Kestrel's 30 MB and every route's own limit): declared (sent only once the server asks for it) or chunked.</summary>
    public static IEnumerable<Body> OverLimit() =>
    [
        new("31 MB declared", () => new Zeros(31_000_000, declared: true), OverLimit: true),
        new("31 MB chunked", () => new Zeros(31_000_000, declared: false), OverLimit: true),
    ];

    private static ByteArrayContent Raw(byte[] bytes, string contentType) =>
        new(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };

    private static JsonNode? Node(Type type, Shape shape, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return shape switch { Shape.WrongType => 12345, Shape.Negative => "", Shape.Huge => new string('字', 20000) + "\ud800", _ => "测试" };
        if (type == typeof(bool))
            return shape switch { Shape.WrongType => "yes", Shape.Plausible => true, _ => 2 };
        if (type.IsEnum)
            return shape switch { Shape.WrongType => 99999, Shape.Negative => -1, Shape.Huge => "Nope", _ => Enum.GetNames(type)[0] };
        if (type.IsPrimitive || type == typeof(decimal))
            return shape switch { Shape.WrongType => "abc", Shape.Negative => -99999, Shape.Huge => 1e300, _ => 1 };
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return shape switch { Shape.WrongType => 20240101, Shape.Negative => "0001-01-01", Shape.Huge => "9999-12-31", _ => "2024-01-01" };
        if (type == typeof(Guid))
            return shape switch { Shape.WrongType => 1, Shape.Plausible => Guid.NewGuid().ToString(), _ => "not-a-guid" };
        if (shape == Shape.WrongType && depth > 0 || depth > 3)
            return "x";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return new JsonObject { ["t3.received.total"] = Node(type.GetGenericArguments()[1], shape, depth + 1), [""] = Node(type.GetGenericArguments()[1], shape, depth + 1) };
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return new JsonArray([.. Enumerable.Range(0, shape == Shape.Huge ? 3 : 1).Select(_ => Node(element, shape, depth + 1))]);
        }
        var json = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            json[JsonNamingPolicyCamel(property.Name)] = Node(property.PropertyType, shape, depth + 1);
        return json;
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Zeros, generated as they are sent; declared with Expect: 100-continue, so a server refusing it early never gets it.</summary>
    private sealed class Zeros : HttpContent
    {
        private readonly long length;
        private readonly bool declared;

        public Zeros(long length, bool declared)
        {
            (this.length, this.declared) = (length, declared);
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=walk");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < length; sent += chunk.Length)
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return declared;
        }
    }
}
