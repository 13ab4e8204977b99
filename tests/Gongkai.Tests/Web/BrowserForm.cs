using AngleSharp.Html.Dom;

namespace Gongkai.Tests.Web;

/// <summary>
/// A form submitted as a browser submits it: every field with the value the page gave it, what the user typed over
/// them, the button pressed (its name and value, its formaction), and — for a multipart form — every file field, empty
/// when no file was chosen.
/// </summary>
public static class BrowserForm
{
    public sealed record File(string Field, string FileName, byte[] Content);

    /// <param name="button">A CSS selector of the submit button pressed, inside the form.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string formPage, string form, string button,
        Dictionary<string, string>? typed = null, File? file = null)
    {
        var page = await client.GetPageAsync(formPage);
        return await client.SubmitAsync(page, formPage, form, button, typed, file);
    }

    /// <summary>Submits a form of a page already at hand (the answer to a post, which cannot be fetched again).</summary>
    /// <param name="formPage">Where the page came from: the form's action when it has none.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formPage, string form, string button,
        Dictionary<string, string>? typed = null, File? file = null)
    {
        var element = page.QuerySelector(form) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {form} on {formPage}");
        var pressed = element.QuerySelector(button) as IHtmlButtonElement ?? throw new InvalidOperationException($"No button {button} in {form}");
        var fields = Fields(element).Where(f => typed?.ContainsKey(f.Key) != true).ToList();
        fields.AddRange(typed ?? []);
        if (pressed.Name is { Length: > 0 } name)
            fields.Add(new(name, pressed.Value));
        var action = pressed.GetAttribute("formaction") ?? element.GetAttribute("action") ?? formPage;
        if (element.Enctype != "multipart/form-data")
            return await client.PostAsync(action, new FormUrlEncodedContent(fields));

        var body = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
            body.Add(new StringContent(value), key);
        foreach (var input in element.QuerySelectorAll("input[type=file]").Cast<IHtmlInputElement>())
        {
            if (file is not null && file.Field == input.Name)
            {
                body.Add(new ByteArrayContent(file.Content), file.Field, file.FileName);
                continue;
            }
            var none = new ByteArrayContent([]);   // no file chosen: a part with an empty file name
            none.Headers.ContentType = new("application/octet-stream");
            none.Headers.ContentDisposition = new("form-data") { Name = $"\"{input.Name}\"", FileName = "\"\"" };
            body.Add(none);
        }
        return await client.PostAsync(action, body);
    }

    /// <summary>The values a browser sends for the form as the page fills it (checked boxes only, selected options).</summary>
    private static IEnumerable<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        foreach (var e in form.Elements)
        {
            switch (e)
            {
                case IHtmlInputElement { Type: "file" or "submit" or "button" } or IHtmlButtonElement:
                    break;
                case IHtmlInputElement { Name.Length: > 0, IsDisabled: false } input when input.Type is not ("checkbox" or "radio") || input.IsChecked:
                    yield return new(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0, IsDisabled: false } text:
                    yield return new(text.Name!, text.Value);
                    break;
                case IHtmlSelectElement { Name.Length: > 0, IsDisabled: false } select:
                    if ((select.SelectedOptions.FirstOrDefault() ?? select.Options.FirstOrDefault()) is { } option)
                        yield return new(select.Name!, option.Value);
                    break;
            }
        }
    }
}
