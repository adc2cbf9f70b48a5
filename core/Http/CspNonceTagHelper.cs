using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ConversationHub.Core.Http;

/// <summary>
/// Writes the request's <see cref="CspNonce"/> on every <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> element a
/// Razor page writes in its own markup, so no page can forget it. Markup that arrives as data (<c>Html.Raw</c>,
/// an FAQ answer) is not a tag helper's input and never gets the nonce, which is the point of the policy.
/// </summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class CspNonceTagHelper : TagHelper
{
    /// <summary>The page being rendered (set by Razor).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.GetCspNonce());
    }
}
