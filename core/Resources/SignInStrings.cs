namespace ConversationHub.Core.Resources;

/// <summary>
/// Marker for the sign-in steps' UI strings (<c>SignInStrings.resx</c>, Japanese neutral culture): two-factor sign-in,
/// enrolment and the password change.
/// </summary>
public sealed class SignInStrings
{
    private SignInStrings()
    {
    }
}
