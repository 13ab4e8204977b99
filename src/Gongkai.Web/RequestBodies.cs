using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web;

/// <summary>
/// Request bodies over the limit of their route — Kestrel's 30 MB, or a route's own (attachments, the audit) — are
/// refused with 413 before anything reads them: a page answers with the Chinese error page, the API with problem
/// details (issue 13, finding 9: they answered 500). A body without a length that grows past the limit is cut off by
/// Kestrel while it is read; the error page then shows the status of that failure, never 500.
/// </summary>
public static class RequestBodies
{
    /// <summary>The limit a refused body went over, for the error page (<see cref="HttpContext.Items"/>).</summary>
    public const string RefusedOver = "RequestBodies.RefusedOver";

    /// <summary>After routing, which sets a route's own limit (<see cref="Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata"/>).</summary>
    public static void UseBodyLimits(this WebApplication app) => app.Use((context, next) =>
    {
        var max = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var errorPage = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.Request.ContentLength is not { } length || max is not { } limit || length <= limit || errorPage)
            return next(context);
        context.Items[RefusedOver] = limit;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";   // the body is not read: the connection cannot carry another request
        if (!context.Request.Path.StartsWithSegments("/api"))
            return Task.CompletedTask;   // the error page says it
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "提交的内容过大", Detail = $"请求正文超过了允许的 {Megabytes(limit)}。" },
        }).AsTask();
    });

    /// <summary>A size for people: 5 MB, 28.6 MB, 97.7 KB.</summary>
    public static string Megabytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.#} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    /// <summary>The request's body, or null when it is longer than <paramref name="max"/> bytes; one buffer of its exact length.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(this HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength is { } length)
        {
            if (length > max)
                return null;
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, ct);
            return exact;
        }
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (content.Length + read > max)
                return null;
            content.Write(chunk, 0, read);
        }
        return content.ToArray();
    }

    /// <summary>An uploaded file's content in one buffer of its exact length (the form keeps a large file on disk until then).</summary>
    public static async Task<byte[]> ReadAllAsync(this IFormFile file, CancellationToken ct)
    {
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, ct);
        return content;
    }
}
