using System.Text;

namespace ConversationHub.Handoff.Mail;

/// <summary>Makes the legacy Japanese code pages (Shift_JIS 932, ISO-2022-JP 50220, EUC-JP 51932) available to MimeKit, once.</summary>
internal static class MailEncodings
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }
}
