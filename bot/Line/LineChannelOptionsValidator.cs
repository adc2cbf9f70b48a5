using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line;

/// <summary>Stops the start on a LINE configuration that could not work, naming the setting.</summary>
internal sealed class LineChannelOptionsValidator : IValidateOptions<LineChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, LineChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Enabled && string.IsNullOrWhiteSpace(options.ChannelAccessToken))
        {
            errors.Add("Line:ChannelAccessToken is required when Line:ChannelSecret is set.");
        }

        CheckOrigin(options.ApiBaseUrl, "Line:ApiBaseUrl", errors);
        CheckOrigin(options.DataApiBaseUrl, "Line:DataApiBaseUrl", errors);
        if (options.LoadingSeconds is < 5 or > 60 || options.LoadingSeconds % 5 != 0)
        {
            errors.Add("Line:LoadingSeconds must be 5 to 60, a multiple of 5.");
        }

        if (options.MaxWebhookBytes <= 0 || options.MaxDeliveryAttempts <= 0 || options.MaxTextLength is < 100 or > 5000 || options.MaxImageBytes <= 0)
        {
            errors.Add("Line: MaxWebhookBytes, MaxDeliveryAttempts and MaxImageBytes must be positive, MaxTextLength 100 to 5000.");
        }

        if (options.ReplyTokenLifetime <= TimeSpan.Zero || options.RetryBaseDelay <= TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero
            || options.LeaseDuration <= TimeSpan.Zero || options.DeliveryBatchWindow < TimeSpan.Zero)
        {
            errors.Add("Line: ReplyTokenLifetime, RetryBaseDelay, PollInterval and LeaseDuration must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Paths are absolute (/v2/...), so a path in the base URL would be dropped: only an origin makes sense.
    private static void CheckOrigin(Uri? url, string setting, List<string> errors)
    {
        if (url is null || !url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || url.AbsolutePath is not ("/" or ""))
        {
            errors.Add($"{setting} must be an origin such as https://api.line.me.");
        }
    }
}
