using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Gongkai.Web.Pages.Shared;

/// <summary>
/// <c>&lt;table-scroll label="主要数据同比"&gt;&lt;table …&gt;&lt;/table-scroll&gt;</c>: a wide table that scrolls sideways inside
/// its own region on a narrow screen instead of widening the page. The region is named and reachable by keyboard
/// (<c>role="region"</c>, <c>aria-label</c> or <c>aria-labelledby</c>, <c>tabindex="0"</c>), as WCAG 2.1.1 and axe's
/// scrollable-region-focusable ask, so a keyboard user can scroll it too. Styled by <c>.table-scroll</c> in site.css.
/// </summary>
[HtmlTargetElement("table-scroll")]
public sealed class TableScrollTagHelper : TagHelper
{
    /// <summary>The region's name, read out by screen readers (e.g. the table's caption).</summary>
    public string? Label { get; set; }

    /// <summary>Instead of <see cref="Label"/>: the id of the element that names the region (a caption or heading).</summary>
    public string? LabelledBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("table-scroll", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("role", "region");
        if (!string.IsNullOrWhiteSpace(LabelledBy))
            output.Attributes.SetAttribute("aria-labelledby", LabelledBy);
        else
            output.Attributes.SetAttribute("aria-label", string.IsNullOrWhiteSpace(Label) ? "表格" : Label);
        output.Attributes.SetAttribute("tabindex", "0");
    }
}
