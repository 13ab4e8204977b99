using Gongkai.App.Catalog;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gongkai.Web;

/// <summary>
/// Attachments (附件) of catalog items: uploads as large as Catalog:Attachments:MaxBytes allows get through the server,
/// and /xxgk/attachments/{id} serves the file of a published item to the public (404 once the item is withdrawn).
/// </summary>
public static class AttachmentFiles
{
    /// <summary>Room for the multipart framing and the form's other fields around the file.</summary>
    private const long FormOverhead = 1024 * 1024;

    public static void AddAttachmentUploads(this IServiceCollection services, IConfiguration configuration)
    {
        var body = CatalogSettings.AttachmentLimits(configuration).MaxBytes + FormOverhead;
        services.Configure<KestrelServerOptions>(o =>
        {
            if (o.Limits.MaxRequestBodySize is { } max && max < body)
                o.Limits.MaxRequestBodySize = body;
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(o.MultipartBodyLengthLimit, body));
    }

    public static void MapAttachmentDownloads(this WebApplication app) =>
        app.MapGet("/xxgk/attachments/{id:guid}", async (Guid id, PublicCatalog catalog, HttpContext http) =>
        {
            if (await catalog.FindAttachmentAsync(id, http.RequestAborted) is not { } file)
                return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // Content-Disposition: attachment; filename="…" (ASCII fallback); filename*=UTF-8''… (RFC 5987, the Chinese name).
            return Results.File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: true);
        }).ExcludeFromDescription();
}
