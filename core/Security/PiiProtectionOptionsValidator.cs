using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Security;

/// <summary>Checks configured keys at start-up so a bad key fails the start with the setting's name.</summary>
internal sealed class PiiProtectionOptionsValidator : IValidateOptions<PiiProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, PiiProtectionOptions options)
    {
        // Without configured keys the key file is used (and created); it is checked when first loaded.
        if (options.Keys.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            _ = PiiKeyRing.Create(options, Environment.CurrentDirectory);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
