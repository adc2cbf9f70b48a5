using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Mail;

/// <summary>Checks <c>Mail:Outbound:*</c> at start, with a message that names the setting to fix.</summary>
internal sealed class MailOutboundOptionsValidator : IValidateOptions<MailOutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOutboundOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            if (string.IsNullOrWhiteSpace(options.From))
            {
                failures.Add("Mail:Outbound:From is required when Mail:Outbound:Host is set (the city's address replies are sent from).");
            }

            if (options.Port is < 1 or > 65535)
            {
                failures.Add("Mail:Outbound:Port must be from 1 to 65535.");
            }

            if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.UserName))
            {
                failures.Add("Mail:Outbound:Password is set without Mail:Outbound:UserName.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add("Mail:Outbound:PickupDirectory may not be empty when Mail:Outbound:Host is not set.");
        }

        if (!string.IsNullOrWhiteSpace(options.From) && !MimeKit.MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add("Mail:Outbound:From is not a mail address.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add("Mail:Outbound:Security must be None, StartTls or SslOnConnect.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Mail:Outbound:MaxAttempts must be at least 1.");
        }

        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add("Mail:Outbound:FirstRetryDelay must be positive and MaxRetryDelay not shorter.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Mail:Outbound:Timeout and PollInterval must be positive.");
        }

        if (options.LeaseDuration <= options.Timeout)
        {
            failures.Add("Mail:Outbound:LeaseDuration must be longer than Mail:Outbound:Timeout (a node must finish a send within its lease).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Checks <c>Mail:Inbound:*</c> at start.</summary>
internal sealed class MailInboundOptionsValidator : IValidateOptions<MailInboundOptions>
{
    public ValidateOptionsResult Validate(string? name, MailInboundOptions options)
    {
        var failures = new List<string>();
        if (options.SmtpPort is { } port && port is < 1 or > 65535)
        {
            failures.Add("Mail:Inbound:SmtpPort must be from 1 to 65535 (leave it out for no listener).");
        }

        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add("Mail:Inbound:BindAddress must be an IP address, such as 127.0.0.1 or 0.0.0.0.");
        }

        if (options.MaxMessageBytes < 1024)
        {
            failures.Add("Mail:Inbound:MaxMessageBytes must be at least 1024.");
        }

        if (options.MaildirPollInterval <= TimeSpan.Zero || options.RoutingInterval <= TimeSpan.Zero || options.RoutingLease <= TimeSpan.Zero
            || options.FirstRoutingRetryDelay <= TimeSpan.Zero || options.MaxRoutingRetryDelay < options.FirstRoutingRetryDelay)
        {
            failures.Add("Mail:Inbound: MaildirPollInterval, RoutingInterval, RoutingLease and FirstRoutingRetryDelay must be positive, MaxRoutingRetryDelay not shorter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
