using ConversationHub.Core.Security;

namespace ConversationHub.Core.Persistence;

/// <summary>A context whose model encrypts personal-data columns with <see cref="Pii"/>.</summary>
public interface IPiiModelContext
{
    /// <summary>The protector captured by the model's value converters.</summary>
    IPiiProtector Pii { get; }
}
