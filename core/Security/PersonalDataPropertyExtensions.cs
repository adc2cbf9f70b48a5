using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Security;

/// <summary>Marks entity properties as personal data that is encrypted at rest.</summary>
public static class PersonalDataPropertyExtensions
{
    /// <summary>
    /// Stores a string property encrypted by <paramref name="protector"/>, authenticated with the column's purpose
    /// (<c>table.column</c>). Encrypted columns can only be compared through a separate look-up hash column.
    /// </summary>
    public static PropertyBuilder<TProperty> IsEncryptedPersonalData<TProperty>(this PropertyBuilder<TProperty> property, IPiiProtector protector, string purpose)
        where TProperty : class?
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(protector);
        if (property.Metadata.ClrType != typeof(string))
        {
            throw new InvalidOperationException($"{property.Metadata.Name}: only string properties can be encrypted.");
        }

        return property.HasConversion(new PiiValueConverter(protector, purpose));
    }
}
