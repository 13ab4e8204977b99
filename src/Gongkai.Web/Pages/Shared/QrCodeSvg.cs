using System.Globalization;
using System.Text;
using QRCoder;

namespace Gongkai.Web.Pages.Shared;

/// <summary>
/// A QR code as inline SVG, drawn on the server from QRCoder's module matrix: one path of black squares on a white
/// square with the standard four-module quiet zone, attributes only (no style attribute, which the portal's
/// Content-Security-Policy would block), named for screen readers by <c>role="img"</c> and its <c>aria-label</c>.
/// </summary>
public static class QrCodeSvg
{
    public static string Of(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        // QRCoder's matrix already carries the quiet zone (4 modules on each side).
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                    continue;
                var run = 1;
                while (x + run < size && row[x + run])
                    run++;
                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }
        var name = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{name}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
